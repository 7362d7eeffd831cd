using System.Text;
using CapacityTools.Core.Perspective;

namespace CapacityTools.Core.Tests.Perspective;

/// <summary>The rule of which clusters count, and the ranking, on a small dataset built for the purpose.</summary>
public class ClusterRankingTests
{
    private const string Header = "Name,Status,Certainty,Single cluster?,H100 equivalents,Country,Owner,First Operational Date,Builds Upon,Superseded by,Possible Duplicate,Decommissioned Date (if applicable),Source 1\n";

    private static ClusterDataset Data(string rows) =>
        ClusterDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(Header + rows)), "test.csv", "test");

    private static readonly ChipSales NoSales = new([], "none");

    private static ClusterComparison Compare(ClusterDataset data, double h100e, string date, int nearest = 3) =>
        ClusterComparer.Compare(data, NoSales, h100e, DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "x", "given", nearest);

    private static readonly ClusterDataset Small = Data(
        "Alpha,Existing,Confirmed,Yes,100,US,A,2024-01-10,,,,,s\n" +
        "Beta,Existing,Likely,Yes,100,US,B,2024-02-10,,,,,s\n" +
        "Gamma,Existing,Confirmed,Yes,50,FR,C,2024-03-10,,,,,s\n" +
        "Planned Giant,Planned,Likely,Yes,900,US,P,2024-01-01,,,,,s\n" +
        "Multi-site,Existing,Confirmed,No,500,US,M,2024-01-01,,,,,s\n" +
        "Unclear,Existing,Confirmed,Unclear,400,US,U,2024-01-01,,,,,s\n" +
        "Dup of Alpha,Existing,Confirmed,Yes,300,US,A,2024-01-01,,,True,,s\n" +
        "Rumour,Existing,Unlikely,Yes,350,US,R,2024-01-01,,,,,s\n" +
        "No figure,Existing,Confirmed,Yes,,US,N,2024-01-01,,,,,s\n" +
        "Old,Decommissioned,Confirmed,Yes,70,US,O,2020-01-01,,,,2024-02-01,s\n" +
        "Gone undated,Decommissioned,Confirmed,Yes,80,US,G,2020-01-01,,,,,s\n");

    [Fact]
    public void OnlySingleLikelyNonDuplicateOperationalClustersCount()
    {
        var names = Small.KnownAt(new DateTime(2024, 12, 31)).Select(c => c.Name).ToList();
        Assert.Equal(["Alpha", "Beta", "Gamma"], names);
    }

    [Fact]
    public void PlannedRowsAreIgnoredEvenWithADate()
    {
        var r = Compare(Small, 800, "2025-01-01");
        Assert.Equal(1, r.Rank);
        Assert.Equal("Alpha", r.Largest!.Name);
        Assert.Equal(8.0, r.RatioToLargest!.Value, 10);
        Assert.DoesNotContain(Small.KnownAt(new DateTime(2030, 1, 1)), c => c.Status == "Planned");
    }

    [Fact]
    public void TiesShareTheRank()
    {
        var r = Compare(Small, 100, "2024-12-31");
        Assert.Equal(1, r.Rank);
        Assert.Equal(3, r.ClustersRanked);
        Assert.Null(r.Above);
        Assert.Equal(["Alpha", "Beta"], r.TiedWith.Select(t => t.Name));
        Assert.All(r.TiedWith, t => Assert.Equal(1, t.Rank));
        Assert.Equal("Gamma", r.Below!.Name);
        Assert.Equal(3, r.Below.Rank);
        Assert.Equal(["Alpha", "Beta"], r.LargestTiedWith.Select(t => t.Name));

        var smaller = Compare(Small, 99, "2024-12-31");
        Assert.Equal(3, smaller.Rank);
        Assert.Equal("Beta", smaller.Above!.Name);
        Assert.Equal(0.99, smaller.Above.Ratio, 10);
    }

    [Fact]
    public void ADateBeforeTheFirstClusterRanksAgainstNothing()
    {
        var data = Data("Alpha,Existing,Confirmed,Yes,100,US,A,2024-01-10,,,,,s\n");
        var r = Compare(data, 10, "2023-12-31");
        Assert.Equal(0, r.ClustersRanked);
        Assert.Equal(1, r.Rank);
        Assert.Null(r.Largest);
        Assert.Null(r.RatioToLargest);
        Assert.Null(r.Above);
        Assert.Null(r.Below);
        Assert.Empty(r.Nearest);
        Assert.Contains(r.Notes, n => n.Contains("No cluster"));
        Assert.Null(r.ShareOfShipped);
    }

    [Fact]
    public void DecommissionedClustersCountUntilTheirDate()
    {
        Assert.Contains(Small.KnownAt(new DateTime(2024, 1, 31)), c => c.Name == "Old");
        Assert.DoesNotContain(Small.KnownAt(new DateTime(2024, 2, 1)), c => c.Name == "Old");
        Assert.DoesNotContain(Small.KnownAt(new DateTime(2021, 1, 1)), c => c.Name == "Gone undated");
    }

    [Fact]
    public void PhasesOfOneSiteCountOnceTheLatestOperational()
    {
        var data = Data(
            "Site Phase 1,Existing,Confirmed,Yes,100,US,S,2024-01-01,,Site Phase 2,,,s\n" +
            "Site Phase 2,Existing,Confirmed,Yes,200,US,S,2024-06-01,Site Phase 1,Site Phase 3,,,s\n" +
            "\"\"\"Campus, West Phase 3\"\"\",Existing,Confirmed,Yes,300,US,S,2024-09-01,Site Phase 2,,,,s\n" +
            "Other,Existing,Confirmed,Yes,150,US,O,2024-01-01,,,,,s\n" +
            "Other Phase 2,Existing,Confirmed,Unclear,400,US,O,2024-02-01,Other,,,,s\n");
        Assert.Equal(["Other", "Site Phase 1"], data.KnownAt(new DateTime(2024, 3, 1)).Select(c => c.Name));
        Assert.Equal(["Site Phase 2", "Other"], data.KnownAt(new DateTime(2024, 7, 1)).Select(c => c.Name));
        // The quoted name with a comma is linked by Builds Upon ("Site Phase 2"), and its own link resolves by the name without quotes.
        var late = data.KnownAt(new DateTime(2024, 12, 1));
        Assert.Equal(["Campus, West Phase 3", "Other"], late.Select(c => c.Name));
        // A later phase that does not itself count (not a single cluster) does not hide the earlier one.
        Assert.Contains(late, c => c.Name == "Other");
    }

    [Fact]
    public void NearestAreTheClosestByRatioLargestFirst()
    {
        var r = Compare(Small, 60, "2024-12-31", nearest: 2);
        // Gamma (60/50) is nearer than the 100s; of the two equal 100s the one listed nearer in the ranking (Beta) comes next.
        Assert.Equal(["Beta", "Gamma"], r.Nearest.Select(n => n.Name));
        Assert.Equal(3, Compare(Small, 60, "2024-12-31", nearest: 0).Rank);
        Assert.Empty(Compare(Small, 60, "2024-12-31", nearest: 0).Nearest);
    }

    [Fact]
    public void EmbeddedDataRanksTheSeedFleetFirstAtTheEndOf2024()
    {
        var data = ClusterDataset.Embedded;
        Assert.Equal(786, data.Clusters.Count);
        var known = data.KnownAt(new DateTime(2024, 12, 31));
        // Epoch's figure as published: 100000.00000147166 (float noise of count x ratio).
        Assert.Equal(100000, known[0].H100e!.Value, 4);
        Assert.Equal(
            ["Meta 100k", "OpenAI/Microsoft Goodyear Arizona", "xAI Colossus Memphis Phase 1"],
            known.Take(3).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(known[3].H100e < 99999);
        Assert.DoesNotContain(known, c => c.Status == "Planned" || c.SingleCluster != "Yes" || c.PossibleDuplicate);

        var r = ClusterComparer.Compare(data, ChipSales.Embedded, 600000, new DateTime(2024, 12, 31), "seed", "given", 5);
        Assert.Equal(1, r.Rank);
        Assert.Equal(6.0, r.RatioToLargest!.Value, 6);
        Assert.Equal(3, r.LargestTiedWith.Count);
        Assert.Contains(r.Notes, n => n.Contains("not one cluster"));

        // A fleet of exactly 100,000 ties with the three, despite the float noise in Epoch's figures.
        var tie = ClusterComparer.Compare(data, ChipSales.Embedded, 100000, new DateTime(2024, 12, 31), "tie", "given", 0);
        Assert.Equal(1, tie.Rank);
        Assert.Equal(3, tie.TiedWith.Count);
        Assert.Equal(4, tie.Below!.Rank);
    }

    [Fact]
    public void EmbeddedPhasesReplaceEachOther()
    {
        var data = ClusterDataset.Embedded;
        var march2025 = data.KnownAt(new DateTime(2025, 3, 1));
        Assert.Equal("xAI Colossus Memphis Phase 2", march2025[0].Name);
        Assert.Equal(200000, march2025[0].H100e!.Value, 4);
        Assert.DoesNotContain(march2025, c => c.Name == "xAI Colossus Memphis Phase 1");
        var august2025 = data.KnownAt(new DateTime(2025, 8, 1));
        Assert.Equal("xAI Colossus Memphis Phase 3", august2025[0].Name);
        Assert.DoesNotContain(august2025, c => c.Name == "xAI Colossus Memphis Phase 2");
    }

    [Theory]
    // Epoch's own 'Rank when first operational' for rows the rule counts: the rule gives the same rank on that day.
    [InlineData("xAI Colossus Memphis Phase 1", 1)]
    [InlineData("Oracle OCI Supercluster H200s", 4)]
    [InlineData("Tesla Cortex Phase 1", 4)]
    [InlineData("Microsoft Azure Eagle", 1)]
    public void RanksAgreeWithEpochsRankWhenFirstOperational(string name, int epochRank)
    {
        var data = ClusterDataset.Embedded;
        var cluster = data.Clusters.Single(c => c.Name == name);
        var r = ClusterComparer.Compare(data, ChipSales.Embedded, cluster.H100e!.Value, cluster.FirstOperational!.Value, name, "given", 0);
        Assert.Equal(epochRank, r.Rank);
    }
}
