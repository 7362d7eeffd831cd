using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

/// <summary>The seed article's market claims against the embedded IMF WEO October 2025 edition.</summary>
public class SeedClaimTests
{
    private static MarketComparison[] Compare(string amount, int year, string edition = GdpLibrary.DefaultEdition)
    {
        var gdp = GdpLibrary.Embedded.Find(edition)!;
        var table = gdp.GetYear(year)!;
        var parsed = AmountParser.Parse(amount, null, out var problem);
        Assert.Null(problem);
        return MarketComparer.Compare(gdp, table, parsed!, null, 5).ToArray();
    }

    [Fact]
    public void EightHundredBillionIn2024RanksTwentySecondBetweenPolandAndTaiwan()
    {
        var result = Assert.Single(Compare("$800 billion", 2024));
        Assert.Equal(22, result.Rank);
        Assert.Equal("POL", result.Above!.Iso3);
        Assert.Equal("TWN", result.Below!.Iso3);
        Assert.Equal(914_553_000_000, result.Above.GdpUsd);
        Assert.Equal(797_004_000_000, result.Below.GdpUsd);
        Assert.Equal(195, result.EconomiesRanked);
        Assert.Equal(111_112_860_000_000, result.WorldGdpUsd);
        Assert.Equal(0.0072, result.ShareOfWorld!.Value, 4);
        Assert.Equal(GdpStatus.Actual, result.Status);
        Assert.Equal("WEO-2025-10", result.Edition);
        Assert.Equal(AmountBound.Point, result.Bound);
    }

    [Fact]
    public void SixToThirteenTrillionIn2030RankFifthAndThird()
    {
        var results = Compare("$6-13 trillion", 2030);
        Assert.Equal(2, results.Length);
        Assert.Equal((AmountBound.Low, 5, "DEU", "GBR"), (results[0].Bound, results[0].Rank, results[0].Above!.Iso3, results[0].Below!.Iso3));
        Assert.Equal((AmountBound.High, 3, "CHN", "IND"), (results[1].Bound, results[1].Rank, results[1].Above!.Iso3, results[1].Below!.Iso3));
        Assert.All(results, r => Assert.Equal(GdpStatus.Projection, r.Status));
        Assert.All(results, r => Assert.Equal(188, r.EconomiesRanked));
        // The share uses the IMF's World figure, not the sum of the 188 economies with 2030 values.
        Assert.All(results, r => Assert.Equal(149_567_527_000_000, r.WorldGdpUsd));
        Assert.Contains(results[0].Notes, n => n.Contains("no value for 2030", StringComparison.Ordinal) && n.Contains("Syria", StringComparison.Ordinal));
    }

    [Fact]
    public void OlderVintagesGiveTheirOwnFigures()
    {
        var april = Assert.Single(Compare("800B", 2024, "WEO-2025-04"));
        Assert.Equal(908_583_000_000, april.Above!.GdpUsd);
        var october2024 = Assert.Single(Compare("800B", 2024, "WEO-2024-10"));
        Assert.Equal(GdpStatus.Projection, october2024.Status);
    }
}
