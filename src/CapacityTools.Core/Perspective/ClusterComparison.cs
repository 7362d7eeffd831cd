namespace CapacityTools.Core.Perspective;

/// <summary>A known cluster next to a fleet, with the fleet as a multiple of it.</summary>
public sealed class ClusterNeighbour
{
    /// <summary>The cluster's rank among the clusters counted at the date (ties share a rank).</summary>
    public int Rank { get; init; }
    public string Name { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Country { get; init; } = "";
    /// <summary>Epoch's H100 equivalents for the cluster.</summary>
    public double H100e { get; init; }
    public DateTime? FirstOperational { get; init; }
    public string Certainty { get; init; } = "";
    /// <summary>The fleet's equivalents divided by the cluster's (6.0 = six times the cluster).</summary>
    public double Ratio { get; init; }
    /// <summary>Epoch's first source for the cluster.</summary>
    public string Source { get; init; } = "";

    public override string ToString() => string.IsNullOrEmpty(Owner) ? $"{Name} ({H100e:N0} H100e)" : $"{Name}, {Owner} ({H100e:N0} H100e)";
}

/// <summary>Where a fleet's H100 equivalents rank among Epoch AI's known AI clusters at a date, and its share of all AI compute shipped.</summary>
public sealed class ClusterComparison
{
    public string Label { get; init; } = "";
    /// <summary>The fleet's H100 equivalents on Epoch's 8-bit basis.</summary>
    public double Equivalents { get; init; }
    /// <summary>How the equivalents were obtained (given, or recomputed under Epoch8Bit from GPUs).</summary>
    public string Basis { get; init; } = "";
    public DateTime Date { get; init; }
    /// <summary>The rank the fleet would take among the clusters counted at the date (1 = larger than all; a tie shares the rank).</summary>
    public int Rank { get; init; }
    /// <summary>How many clusters count at the date under the documented rule.</summary>
    public int ClustersRanked { get; init; }
    /// <summary>The smallest cluster larger than the fleet; null above the largest.</summary>
    public ClusterNeighbour? Above { get; init; }
    /// <summary>The largest cluster smaller than the fleet; null below the smallest.</summary>
    public ClusterNeighbour? Below { get; init; }
    /// <summary>Clusters exactly as large as the fleet.</summary>
    public DisplayList<ClusterNeighbour> TiedWith { get; init; } = [];
    /// <summary>The clusters closest to the fleet by ratio, largest first.</summary>
    public DisplayList<ClusterNeighbour> Nearest { get; init; } = [];
    /// <summary>The largest cluster at the date (the first operational of equals); null when none counts.</summary>
    public ClusterNeighbour? Largest { get; init; }
    /// <summary>Every cluster as large as the largest (several can tie).</summary>
    public DisplayList<ClusterNeighbour> LargestTiedWith { get; init; } = [];
    /// <summary>The fleet divided by the largest cluster; null when none counts.</summary>
    public double? RatioToLargest { get; init; }
    /// <summary>The fleet as a fraction of the AI compute shipped by the date; null when no series covers the date.</summary>
    public ShippedShare? ShareOfShipped { get; init; }
    /// <summary>The datasets used, with their editions; Epoch AI data is CC BY 4.0.</summary>
    public DisplayList<string> Sources { get; init; } = [];
    public DisplayList<string> Notes { get; init; } = [];

    public override string ToString() => $"{Label}: {Equivalents:N0} H100e would rank {Rank} of {ClustersRanked} known clusters on {Date:yyyy-MM-dd}";
}
