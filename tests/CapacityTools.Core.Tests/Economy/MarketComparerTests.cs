using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

/// <summary>Ranking and neighbours at the edges, on a small edition built for the purpose.</summary>
public class MarketComparerTests
{
    // A, B, C, C2 (tied with C), D; plus the World; E has no value in 2024.
    private static readonly GdpEdition Edition = Build();

    private static GdpEdition Build()
    {
        var text = "iso3,country,year,value_usd,estimate_or_projection\n" +
                   "AAA,Alpha,2024,1000,actual\nBBB,Beta,2024,500,actual\nCCC,Gamma,2024,200,actual\nCCD,Gamma Two,2024,200,estimate\n" +
                   "DDD,Delta,2024,50,actual\nEEE,Epsilon,2023,10,actual\nG001,World,2024,2000,estimate\n";
        return GdpFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "small.csv", "Small", EconomyDirectory.Embedded);
    }

    private static MarketComparison Compare(double amount, int nearest = 2) =>
        MarketComparer.Compare(Edition, Edition.GetYear(2024)!, amount, AmountBound.Point, "x", nearest);

    [Fact]
    public void RanksBetweenTwoEconomies()
    {
        var r = Compare(300);
        Assert.Equal(3, r.Rank);
        Assert.Equal(5, r.EconomiesRanked);
        Assert.Equal("BBB", r.Above!.Iso3);
        Assert.Equal("CCC", r.Below!.Iso3);
        Assert.Equal(0.6, r.Above.Ratio, 10);
        Assert.Equal(0.15, r.ShareOfWorld!.Value, 10);
        Assert.Empty(r.TiedWith);
    }

    [Fact]
    public void AboveTheLargestHasNoEconomyAbove()
    {
        var r = Compare(5000);
        Assert.Equal(1, r.Rank);
        Assert.Null(r.Above);
        Assert.Equal("AAA", r.Below!.Iso3);
        Assert.Contains(r.Notes, n => n.StartsWith("Larger than every economy", StringComparison.Ordinal));
        Assert.Equal(2.5, r.ShareOfWorld!.Value, 10);
    }

    [Fact]
    public void BelowTheSmallestHasNoEconomyBelow()
    {
        var r = Compare(1);
        Assert.Equal(6, r.Rank);
        Assert.Null(r.Below);
        Assert.Equal("DDD", r.Above!.Iso3);
        Assert.Contains(r.Notes, n => n.StartsWith("Smaller than every economy", StringComparison.Ordinal));
    }

    [Fact]
    public void ATieSharesTheRankAndSkipsTheTiedEconomiesForAboveAndBelow()
    {
        var r = Compare(200);
        Assert.Equal(3, r.Rank);
        Assert.Equal(["CCC", "CCD"], r.TiedWith.Select(t => t.Iso3).OrderBy(x => x));
        Assert.Equal("BBB", r.Above!.Iso3);
        Assert.Equal("DDD", r.Below!.Iso3);
        // Economies with equal GDP share a rank too.
        var table = Edition.GetYear(2024)!;
        Assert.Equal([1, 2, 3, 3, 5], table.Ranked.Select(f => f.Rank));
    }

    [Fact]
    public void EqualToTheLargestOrSmallest()
    {
        var top = Compare(1000);
        Assert.Equal(1, top.Rank);
        Assert.Null(top.Above);
        Assert.Equal("BBB", top.Below!.Iso3);
        var bottom = Compare(50);
        Assert.Equal(5, bottom.Rank);
        Assert.Null(bottom.Below);
    }

    [Fact]
    public void NearestAreTheClosestByRatioLargestFirst()
    {
        // 180: Gamma (200, ratio 0.9) and Gamma Two are closer than Beta (500) and Delta (50).
        Assert.Equal(["CCC", "CCD"], Compare(180, 2).Nearest.Select(n => n.Iso3).OrderBy(x => x));
        // 400: Beta (500, log distance 0.22) then Gamma (200, 0.69); by ratio, not by difference in dollars.
        Assert.Equal(["BBB", "CCC"], Compare(400, 2).Nearest.Select(n => n.Iso3));
        Assert.Equal(5, Compare(400, 50).Nearest.Count);
        Assert.Empty(Compare(400, 0).Nearest);
        var nearest = Compare(5000, 3).Nearest;
        Assert.Equal(["AAA", "BBB", "CCC"], nearest.Select(n => n.Iso3));
    }

    [Fact]
    public void SaysWhichEconomiesHaveNoValueAndHowMixedTheStatusesAre()
    {
        var r = Compare(300);
        Assert.Contains(r.Notes, n => n.Contains("Epsilon", StringComparison.Ordinal) && n.Contains("no value for 2024", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("4 actual, 1 estimate", StringComparison.Ordinal));
        Assert.Equal(GdpStatus.Actual, r.Status);
    }

    [Fact]
    public void ARangeGivesALowAndAHighComparison()
    {
        var amount = AmountParser.Parse("300-600", null, out _)!;
        var results = MarketComparer.Compare(Edition, Edition.GetYear(2024)!, amount, "Range", 1).ToList();
        Assert.Equal([AmountBound.Low, AmountBound.High], results.Select(r => r.Bound));
        Assert.Equal([3, 2], results.Select(r => r.Rank));
        Assert.All(results, r => Assert.Equal("Range", r.Label));
        Assert.All(results, r => Assert.Equal("300-600", r.AmountText));
    }

    [Fact]
    public void HasNoShareWithoutAWorldFigure()
    {
        var edition = GdpFileReader.Read(System.Text.Encoding.UTF8.GetBytes("iso3,country,year,value_usd\nAAA,Alpha,2024,1000\n"), "w.csv", "W", EconomyDirectory.Embedded);
        var r = MarketComparer.Compare(edition, edition.GetYear(2024)!, 10, AmountBound.Point, "x", 1);
        Assert.Null(r.ShareOfWorld);
        Assert.Null(r.WorldGdpUsd);
    }
}
