using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Perspective;

/// <summary>
/// Epoch AI's GPU clusters, immutable, with the rule that says which of them count as known clusters at a date.
/// The embedded dataset is loaded once, lazily and thread-safely.
/// </summary>
public sealed class ClusterDataset
{
    public const string Citation = "Epoch AI, 'Data on GPU Clusters'. Published online at epoch.ai. Retrieved from https://epoch.ai/data/gpu-clusters (CC BY 4.0)";
    public const string EmbeddedEdition = "mirror cnyke/cnyke.github.io file commit a64f15ae (2025-12-17)";

    private static readonly Lazy<ClusterDataset> s_embedded = new(
        () => Load(EmbeddedData.Open("epoch-gpu-clusters.csv"), "epoch-gpu-clusters.csv", EmbeddedEdition),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<GpuCluster, List<GpuCluster>> _successors = [];

    public ClusterDataset(IEnumerable<GpuCluster> clusters, string edition)
    {
        Clusters = clusters.ToList();
        Edition = edition;
        var byName = Clusters.GroupBy(c => Normalise(c.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var c in Clusters) _successors[c] = [];
        foreach (var later in Clusters)
        {
            foreach (var name in Names(later.BuildsUpon))
                if (byName.TryGetValue(name, out var earlier)) foreach (var e in earlier) if (e != later) _successors[e].Add(later);
        }
        foreach (var earlier in Clusters)
        {
            foreach (var name in Names(earlier.SupersededBy))
                if (byName.TryGetValue(name, out var later)) foreach (var l in later) if (l != earlier && !_successors[earlier].Contains(l)) _successors[earlier].Add(l);
        }
        NewestOperational = Clusters.Where(c => c.FirstOperational is not null).Select(c => c.FirstOperational!.Value).DefaultIfEmpty().Max();
    }

    public static ClusterDataset Embedded => s_embedded.Value;

    public IReadOnlyList<GpuCluster> Clusters { get; }
    /// <summary>Which copy of the dataset this is.</summary>
    public string Edition { get; }
    /// <summary>The latest first-operational date in the data: rankings after it cannot see newer clusters.</summary>
    public DateTime NewestOperational { get; }

    /// <summary>
    /// The clusters that count at a date, largest first. A row counts when it is not Planned; it was
    /// operational on or before the date (a first operational date is given) and not decommissioned by then
    /// (a Decommissioned row without a date never counts); Epoch gives it H100 equivalents; it is a single
    /// cluster ('Single cluster?' = Yes); it is not flagged a possible duplicate; its certainty is not
    /// Unlikely; and no later phase of the same site (Builds Upon / Superseded by) that would itself count
    /// was operational by the date, so phases of one site are not counted twice.
    /// </summary>
    public IReadOnlyList<GpuCluster> KnownAt(DateTime date) =>
        Clusters.Where(c => Qualifies(c) && OperationalAt(c, date) && !_successors[c].Any(s => Qualifies(s) && OperationalAt(s, date)))
            .OrderByDescending(c => c.H100e!.Value)
            .ThenBy(c => c.FirstOperational)
            .ToList();

    /// <summary>The rule's date-independent part: a single, non-duplicate, not-unlikely cluster with an H100e figure, not planned.</summary>
    internal static bool Qualifies(GpuCluster c) =>
        !string.Equals(c.Status, "Planned", StringComparison.OrdinalIgnoreCase)
        && c.H100e is > 0
        && string.Equals(c.SingleCluster, "Yes", StringComparison.OrdinalIgnoreCase)
        && !c.PossibleDuplicate
        && !string.Equals(c.Certainty, "Unlikely", StringComparison.OrdinalIgnoreCase);

    internal static bool OperationalAt(GpuCluster c, DateTime date)
    {
        if (c.FirstOperational is not { } start || start > date) return false;
        if (c.Decommissioned is { } end) return end > date;
        return !string.Equals(c.Status, "Decommissioned", StringComparison.OrdinalIgnoreCase);
    }

    /// <exception cref="CapacityException">The file lacks a column the ranking needs, or a row is malformed.</exception>
    public static ClusterDataset Load(Stream stream, string sourceName, string edition)
    {
        var (header, rows) = CsvRecords.Read(stream, sourceName);
        foreach (var column in new[] { "Name", "Status", "H100 equivalents", "First Operational Date", "Single cluster?" })
        {
            if (!header.Any(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase)))
                throw new CapacityException(new Problem(ErrorIds.ClusterFileInvalid, ProblemKind.InvalidData,
                    $"'{sourceName}' has no '{column}' column.", sourceName, recommendedAction: "Use Epoch AI's GPU clusters CSV."));
        }
        var clusters = new List<GpuCluster>();
        foreach (var row in rows)
        {
            try
            {
                clusters.Add(new GpuCluster
                {
                    Name = Normalise(row.Get("Name") ?? ""),
                    Status = row.Get("Status") ?? "",
                    Certainty = row.Get("Certainty") ?? "",
                    SingleCluster = row.Get("Single cluster?") ?? "",
                    H100e = row.GetDouble("H100 equivalents"),
                    Country = row.Get("Country") ?? "",
                    Owner = row.Get("Owner") ?? "",
                    FirstOperational = ParseDate(row.Get("First Operational Date")),
                    Decommissioned = ParseDate(row.Get("Decommissioned Date (if applicable)")),
                    Sector = row.Get("Sector") ?? "",
                    BuildsUpon = row.Get("Builds Upon") ?? "",
                    SupersededBy = row.Get("Superseded by") ?? "",
                    PossibleDuplicate = string.Equals(row.Get("Possible Duplicate"), "True", StringComparison.OrdinalIgnoreCase),
                    PossibleDuplicateOf = row.Get("Possible Duplicate Of") ?? "",
                    Source = row.Get("Source 1") ?? "",
                    Line = row.Location.Line,
                });
            }
            catch (FormatException ex)
            {
                throw new CapacityException(new Problem(ErrorIds.ClusterFileInvalid, ProblemKind.InvalidData, ex.Message, sourceName, row.Location));
            }
        }
        return new ClusterDataset(clusters, edition);
    }

    /// <summary>A date as Epoch writes it: yyyy-MM-dd, or yyyy-MM / yyyy (taken as the first day).</summary>
    internal static DateTime? ParseDate(string? text)
    {
        if (text is null) return null;
        foreach (var format in new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" })
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        }
        throw new FormatException($"The date '{text}' is not yyyy-MM-dd, yyyy-MM or yyyy.");
    }

    // Some names carry their own quotes ("Jupiter, Jülich"); links name them without.
    private static string Normalise(string name) => name.Trim().Trim('"').Trim();

    // A link names one row, or several separated by commas (a name with a comma is tried whole first).
    private static IEnumerable<string> Names(string field)
    {
        if (string.IsNullOrWhiteSpace(field)) yield break;
        yield return Normalise(field);
        if (field.IndexOf(',') < 0) yield break;
        foreach (var part in field.Split(',')) if (!string.IsNullOrWhiteSpace(part)) yield return Normalise(part);
    }
}
