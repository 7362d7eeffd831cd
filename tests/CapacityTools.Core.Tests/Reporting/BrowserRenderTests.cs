using CapacityTools.Core.Reporting;
using PuppeteerSharp;

namespace CapacityTools.Core.Tests.Reporting;

/// <summary>The HTML report as a person sees it: opened from disk in a real headless Chromium, with no network.</summary>
public class BrowserRenderTests
{
    [ChromiumFact]
    public async Task TheReportRendersItsChartsAndFiguresWithoutFetchingAnythingOrAnyError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"capacity-report-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, ReportSamples.Text(ReportSamples.Seed(), ReportFormat.Html));
        try
        {
            var options = new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Chromium.Path ?? "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            };
            await using var browser = await Puppeteer.LaunchAsync(options);
            await using var page = await browser.NewPageAsync();
            var requests = new List<string>();
            var errors = new List<string>();
            page.Request += (_, e) => requests.Add(e.Request.Url);
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
            page.PageError += (_, e) => errors.Add(e.Message);
            var url = new Uri(file).AbsoluteUri;
            await page.GoToAsync(url, WaitUntilNavigation.Load);

            var sizes = await page.EvaluateExpressionAsync<double[][]>(
                "[...document.querySelectorAll('svg.chart')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height, s.querySelectorAll('rect').length]; })");
            Assert.Equal(7, sizes.Length);
            Assert.All(sizes, s => Assert.True(s[0] > 300 && s[1] > 20 && s[2] >= 2, $"a chart drew {s[0]} x {s[1]} with {s[2]} bars"));
            var barWidths = await page.EvaluateExpressionAsync<double[]>("[...document.querySelectorAll('svg.chart rect')].map(r => r.getBoundingClientRect().width)");
            Assert.All(barWidths, w => Assert.True(w > 0));

            var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
            Assert.Contains("489,630", text);
            Assert.Contains("87.5 %", text);
            Assert.Contains("Supported", text);
            Assert.Contains("Unverifiable", text);
            Assert.Contains(ReportSamples.ScriptHost, text);
            Assert.Contains("International Monetary Fund", text);
            Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('img, script, iframe').length"));

            Assert.Equal([url], requests);
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
