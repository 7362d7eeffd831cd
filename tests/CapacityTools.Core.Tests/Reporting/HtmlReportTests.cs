using System.Text.RegularExpressions;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly string s_html = ReportSamples.Text(ReportSamples.Seed(), ReportFormat.Html);

    [Fact]
    public void EveryValueFromDataIsEscaped()
    {
        Assert.DoesNotContain("<img", s_html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", s_html);
        Assert.Contains("<title>Seed claims &lt;b&gt;&amp;&lt;/b&gt;</title>", s_html);
        Assert.DoesNotContain("<b>", s_html);
    }

    [Fact]
    public void NothingIsFetchedAndNoScriptRuns()
    {
        Assert.DoesNotContain("<script", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(s_html, "(src|href)\\s*=\\s*\"", RegexOptions.IgnoreCase));
        Assert.Contains("@media print", s_html);
    }

    [Fact]
    public void ChartsAreInlineSvgWithTheFigures()
    {
        // The partial claim, the rivals, the 2030 range, H100e and power by model, hosts, the market (a bare count has no measure).
        Assert.Equal(7, Regex.Matches(s_html, "<svg ").Count);
        Assert.Contains("H100-SXM5-80GB equivalents by model", s_html);
        Assert.Contains(">489,630<", s_html);
        Assert.Contains(">914.6 bn<", s_html);
        Assert.Contains("class=\"bar hi\"", s_html);
    }

    [Fact]
    public void TablesCarryTheVerdictsAndSources()
    {
        Assert.Contains("<td class=\"Supported\">Supported</td>", s_html);
        Assert.Equal(3, Regex.Matches(s_html, "<td class=\"Unverifiable\">").Count);
        Assert.Contains("87.5 %", s_html);
        Assert.Contains("Epoch AI", s_html);
        Assert.Contains("CC BY 4.0", s_html);
        Assert.Contains("World Economic Outlook", s_html);
        Assert.Contains("World Bank", s_html);
        Assert.Contains("GDP editions used: WEO-2025-10", s_html);
    }

    [Fact]
    public void AMillionInventoryRowsMakeASmallReport()
    {
        var report = new Report("Large fleet", GpuCatalog.Embedded);
        string[] models = ["H100-SXM5-80GB", "A100-SXM4-80GB", "MI300X", "L40S"];
        for (var i = 0; i < 1_000_000; i++)
            report.Add(new GpuInventoryItem { Host = $"node{i / 8:D6}", Model = models[i % 4], RawName = models[i % 4], Count = 1 });
        var html = ReportSamples.Text(report, ReportFormat.Html);
        Assert.InRange(html.Length, 1, 2_000_000);
        Assert.Contains("1,000,000 inventory rows from 125,000 hosts; the 50 with the most GPUs are listed.", html);
        Assert.Contains("GPUs by host (the 20 largest of 125,000)", html);
        Assert.Equal(1_000_000d, report.Tables().Single(t => t.Title == "Fleet").Rows[0][0]);
    }
}
