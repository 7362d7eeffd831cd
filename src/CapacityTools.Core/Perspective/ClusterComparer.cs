using System.Globalization;

namespace CapacityTools.Core.Perspective;

/// <summary>Puts H100 equivalents among the clusters that count at a date and against the compute shipped by then.</summary>
public static class ClusterComparer
{
    public static ClusterComparison Compare(ClusterDataset clusters, ChipSales sales, double equivalents, DateTime date, string label, string basis, int nearest, IEnumerable<string>? inputNotes = null)
    {
        var ranked = clusters.KnownAt(date);
        var ranks = Ranks(ranked);
        var larger = ranked.Count(c => c.H100e!.Value > equivalents && !Same(c.H100e.Value, equivalents));
        var tied = ranked.Skip(larger).TakeWhile(c => Same(c.H100e!.Value, equivalents)).Count();
        ClusterNeighbour N(int i) => Neighbour(ranked[i], ranks[i], equivalents);

        var notes = new List<string>(inputNotes ?? []);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (ranked.Count == 0) notes.Add($"No cluster in Epoch AI's data counts on {day}: nothing to rank against.");
        else if (larger == 0 && tied == 0)
            notes.Add("Larger than every known cluster. A fleet spread over several sites is not one cluster: Epoch counts single clusters only.");
        if (tied > 0) notes.Add($"As large as {string.Join(", ", ranked.Skip(larger).Take(tied).Select(c => c.Name))}; the fleet shares their rank.");
        if (date > clusters.NewestOperational)
            notes.Add($"Epoch's data ({clusters.Edition}) lists clusters operational up to {clusters.NewestOperational.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; newer ones are missing.");
        notes.Add("Counted: clusters operational on the date and not decommissioned, single clusters only, Epoch's possible duplicates and unlikely rows dropped, and each site once (its latest operational phase).");

        var share = sales.ShareOf(equivalents, date);
        if (share is null) notes.Add($"Epoch's chip sales series have no complete quarter by {day}: no share of compute shipped.");

        var largestCount = ranked.Count == 0 ? 0 : ranked.TakeWhile(c => Same(c.H100e!.Value, ranked[0].H100e!.Value)).Count();
        return new ClusterComparison
        {
            Label = label,
            Equivalents = equivalents,
            Basis = basis,
            Date = date,
            Rank = larger + 1,
            ClustersRanked = ranked.Count,
            Above = larger > 0 ? N(larger - 1) : null,
            Below = larger + tied < ranked.Count ? N(larger + tied) : null,
            TiedWith = Enumerable.Range(larger, tied).Select(N).ToList(),
            Nearest = Nearest(ranked, larger, equivalents, nearest).Select(N).ToList(),
            Largest = ranked.Count > 0 ? N(0) : null,
            LargestTiedWith = Enumerable.Range(0, largestCount).Select(N).ToList(),
            RatioToLargest = ranked.Count > 0 ? equivalents / ranked[0].H100e!.Value : null,
            ShareOfShipped = share,
            Sources = share is null
                ? [$"{ClusterDataset.Citation}; {clusters.Edition}"]
                : [$"{ClusterDataset.Citation}; {clusters.Edition}", $"{ChipSales.Citation}; {sales.Edition}"],
            Notes = notes,
        };
    }

    /// <summary>
    /// Equal H100e: Epoch's figures are products of counts and ratios and carry float noise (three clusters of
    /// "100,000" are 100000.00000147166), so values within a relative 1e-9 are the same size.
    /// </summary>
    internal static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    // Competition ranking: equal clusters share the rank of the first of them.
    private static int[] Ranks(IReadOnlyList<GpuCluster> ranked)
    {
        var ranks = new int[ranked.Count];
        for (var i = 0; i < ranked.Count; i++) ranks[i] = i > 0 && Same(ranked[i].H100e!.Value, ranked[i - 1].H100e!.Value) ? ranks[i - 1] : i + 1;
        return ranks;
    }

    /// <summary>The indexes of the <paramref name="count"/> clusters closest to the fleet by |ln(ratio)|, largest first.</summary>
    private static IEnumerable<int> Nearest(IReadOnlyList<GpuCluster> ranked, int larger, double equivalents, int count)
    {
        var picked = new List<int>();
        int up = larger - 1, down = larger;
        double Distance(int i) => Math.Abs(Math.Log(ranked[i].H100e!.Value / equivalents));
        while (picked.Count < count && (up >= 0 || down < ranked.Count))
        {
            var upDistance = up >= 0 ? Distance(up) : double.MaxValue;
            var downDistance = down < ranked.Count ? Distance(down) : double.MaxValue;
            picked.Add(upDistance <= downDistance ? up-- : down++);
        }
        return picked.OrderBy(i => i);
    }

    private static ClusterNeighbour Neighbour(GpuCluster c, int rank, double equivalents) => new()
    {
        Rank = rank,
        Name = c.Name,
        Owner = c.Owner,
        Country = c.Country,
        H100e = c.H100e!.Value,
        FirstOperational = c.FirstOperational,
        Certainty = c.Certainty,
        Ratio = equivalents / c.H100e!.Value,
        Source = c.Source,
    };
}
