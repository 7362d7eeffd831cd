using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Tests.Reporting;

public class MarkdownReportTests
{
    private static readonly string s_md = ReportSamples.Text(ReportSamples.Seed(), ReportFormat.Markdown);

    [Fact]
    public void TablesHaveTheSameFiguresAsTheOtherFormats()
    {
        Assert.Contains("| Supported | Global metaverse revenue: $800 bn in 2024 rivals the GDP of POL, TWN, CHE | 800,000,000,000 |", s_md);
        Assert.Contains("| Verdict | Claim | Claimed |", s_md);
        Assert.Contains("| --- | --- | ---: |", s_md);
        Assert.Contains("| Claimed (the claim or amount) | 600,000 |", s_md);
        Assert.Contains("| Unexplained | 489,630 |", s_md);
    }

    [Fact]
    public void TextFromDataCannotBreakTheTableOrInjectHtml()
    {
        Assert.Contains("| node\\|03 | 4 |", s_md);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", s_md);
        Assert.DoesNotContain("<img", s_md);
        Assert.Contains("# Seed claims &lt;b&gt;&amp;&lt;/b&gt;", s_md);
    }
}
