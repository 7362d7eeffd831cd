using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Tests.Verdicts;

/// <summary>The seed claims (seeds/claims.csv, embedded) judged on the embedded catalog and IMF WEO October 2025.</summary>
public class SeedVerdictTests
{
    private static readonly GdpEdition s_weo = GdpLibrary.Embedded.Find(GdpLibrary.DefaultEdition)!;

    private static ClaimCheck Judge(string id, ListSink? sink = null)
    {
        sink ??= new ListSink();
        var row = ClaimRows.Embedded.Single(r => r.Id == id);
        var check = ClaimRows.Check(row, i => ClaimRows.Embedded.FirstOrDefault(r => r.Id == i), GpuCatalog.Embedded, s_weo, null, sink);
        Assert.Empty(sink.Problems);
        return check!;
    }

    [Fact]
    public void ThreeHundredFiftyThousandA100sAreAbout110400H100eByDenseBf16()
    {
        var check = Judge("meta-a100-count");
        Assert.Equal(ClaimKind.GpuCount, check.Kind);
        // The count is not measured by any data; its equivalents are the detail behind the verdict.
        Assert.Null(check.Measured);
        Assert.Equal(350_000, check.Claimed);
        Assert.Equal("A100-SXM4-80GB GPUs", check.Unit);
        Assert.Equal(350_000 * 312 / 989.4, Assert.Single(check.Details).Measured!.Value, 6);
        Assert.InRange(check.Details[0].Measured!.Value, 110_300, 110_450);
        Assert.Equal(ClaimVerdict.Unverifiable, check.Verdict);
        Assert.False(check.Holds);
        Assert.Contains("110,370", check.Explanation);
        Assert.Contains("Bf16", check.Basis);
    }

    [Fact]
    public void SixHundredThousandIncludingOtherGpusIsUnverifiableAndSaysWhatIsLeft()
    {
        var check = Judge("meta-h100e-total");
        Assert.Equal(ClaimVerdict.Unverifiable, check.Verdict);
        Assert.Equal(600_000, check.Claimed);
        Assert.Equal(600_000 - 350_000 * 312 / 989.4, check.Unexplained!.Value, 6);
        Assert.InRange(check.Unexplained.Value, 489_500, 489_700);
        Assert.Equal(600_000 / (350_000 * 312 / 989.4), check.Ratio!.Value, 9);
        Assert.Contains("18.4 %", check.Explanation);
        Assert.Contains("489,630", check.Explanation);
        Assert.Equal(2, check.Details.Count);
        Assert.Equal(check.Unexplained, check.Details[1].Claimed);
    }

    [Fact]
    public void EightHundredBillionRivalsPolandTaiwanAndSwitzerland()
    {
        var check = Judge("metaverse-revenue-2024");
        Assert.Equal(ClaimVerdict.Supported, check.Verdict);
        Assert.True(check.Holds);
        Assert.Equal(Tolerance.DefaultMoney, check.Tolerance);
        Assert.Equal(["POL", "TWN", "CHE"], check.Details.Select(d => d.Subject.Substring(d.Subject.Length - 4, 3)));
        var ratios = check.Details.Select(d => Math.Round(d.Ratio!.Value * 100)).ToArray();
        Assert.Equal([87, 100, 85], ratios);
        Assert.Equal(800e9 / 914_553_000_000, check.Details[0].Ratio!.Value, 12);
        Assert.All(check.Details, d => Assert.True(d.Holds));
        // The worst match (Switzerland) is the headline ratio.
        Assert.Equal(check.Details[2].Ratio, check.Ratio);
        Assert.Contains("WEO-2025-10", check.Basis);
        Assert.Contains("actual", check.Basis);
        Assert.Equal("$800 bn is 87.5 % of the GDP of Poland (POL), 100.4 % of the GDP of Taiwan Province of China (TWN), 85.3 % of the GDP of Switzerland (CHE) in 2024: each within the 20 % tolerance.", check.Explanation);
    }

    [Fact]
    public void SixToThirteenTrillionIn2030IsComparedWithProjectionsAndSaysSo()
    {
        var check = Judge("metaverse-market-2030");
        Assert.Equal(ClaimVerdict.Unverifiable, check.Verdict);
        Assert.Equal(6e12, check.Claimed);
        Assert.Equal(13e12, check.ClaimedHigh);
        Assert.Contains("projections", check.Explanation);
        Assert.Contains("rank 5 of 188", check.Explanation);
        Assert.Contains("rank 3 of 188", check.Explanation);
        Assert.Contains("projection", check.Basis);
        Assert.Equal(["DEU", "GBR", "CHN", "IND"], check.Details.Select(d => d.Subject.Substring(d.Subject.Length - 4, 3)));
    }
}
