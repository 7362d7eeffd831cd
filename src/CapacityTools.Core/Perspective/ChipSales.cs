using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Perspective;

/// <summary>
/// Epoch AI's cumulative AI chip sales (H100e, 5th / median / 95th percentile by quarter and vendor), immutable.
/// The embedded copy is loaded once, lazily and thread-safely.
/// </summary>
public sealed class ChipSales
{
    public const string Citation = "Epoch AI, 'AI Chip Sales' data hub. Published online at epoch.ai. Retrieved from https://epoch.ai/data/ai-chip-sales (CC BY 4.0)";
    public const string EmbeddedEdition = "epoch-research/ai-chip-counts csv_export, estimates generated 2026-03-31 to 2026-04-03";

    private static readonly Lazy<ChipSales> s_embedded = new(
        () => Load(EmbeddedData.Open("epoch-ai-chip-sales.csv"), "epoch-ai-chip-sales.csv", EmbeddedEdition),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public ChipSales(IEnumerable<ChipSalesQuarter> quarters, string edition)
    {
        Quarters = quarters.OrderBy(q => q.Vendor, StringComparer.Ordinal).ThenBy(q => q.End).ToList();
        Edition = edition;
        Vendors = Quarters.Select(q => q.Vendor).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static ChipSales Embedded => s_embedded.Value;

    public IReadOnlyList<ChipSalesQuarter> Quarters { get; }
    public IReadOnlyList<string> Vendors { get; }
    public string Edition { get; }

    /// <summary>
    /// The fleet's share of the compute the vendors had shipped by the date: for each vendor, its last complete
    /// quarter ending on or before the date. The range adds the vendors' own 5th and 95th percentiles (Epoch
    /// publishes no joint percentile). Null when no vendor's series has a complete quarter by the date.
    /// </summary>
    public ShippedShare? ShareOf(double equivalents, DateTime date)
    {
        var notes = new List<string>();
        var covered = new List<VendorShipped>();
        foreach (var vendor in Vendors)
        {
            var series = Quarters.Where(q => string.Equals(q.Vendor, vendor, StringComparison.OrdinalIgnoreCase)).ToList();
            var last = series.LastOrDefault(q => q.End <= date && !q.Incomplete);
            if (last is null)
            {
                notes.Add($"{vendor}: Epoch's series starts {series[0].Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and has no complete quarter by {Day(date)}; nothing of it is counted.");
                continue;
            }
            if (series.FirstOrDefault(q => q.End > last.End && q.End <= date && q.Incomplete) is { } partial)
                notes.Add($"{vendor}: Epoch marks the quarter to {Day(partial.End)} incomplete; counted through {Day(last.End)}.");
            covered.Add(new VendorShipped
            {
                Vendor = last.Vendor, From = last.Start, Through = last.End, Series = last.Name, Notes = last.Notes,
                H100eP5 = last.H100eP5, H100eMedian = last.H100eMedian, H100eP95 = last.H100eP95,
            });
        }
        if (covered.Count == 0) return null;
        var latest = Quarters.Where(q => !q.Incomplete).Max(q => q.End);
        if (date > latest) notes.Add($"Epoch's complete figures end {Day(latest)}: compute shipped after that is not counted.");
        notes.Add("Cumulative sales since each series starts (" + string.Join(", ", covered.Select(v => $"{v.Vendor} from {Day(v.From)}")) +
            "): chips sold earlier, other vendors and retirements are not in the totals.");
        notes.Add("The range divides by the sums of the vendors' 95th and 5th percentiles; Epoch publishes no joint percentile, so it is wider than a joint 5th-95th interval.");
        double p5 = covered.Sum(v => v.H100eP5), median = covered.Sum(v => v.H100eMedian), p95 = covered.Sum(v => v.H100eP95);
        return new ShippedShare
        {
            Median = equivalents / median,
            Low = equivalents / p95,
            High = equivalents / p5,
            ShippedH100eMedian = median,
            ShippedH100eP5 = p5,
            ShippedH100eP95 = p95,
            Vendors = covered,
            Notes = notes,
        };
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <exception cref="CapacityException">A row is malformed.</exception>
    public static ChipSales Load(Stream stream, string sourceName, string edition)
    {
        var (_, rows) = CsvRecords.Read(stream, sourceName);
        var quarters = new List<ChipSalesQuarter>();
        foreach (var row in rows)
        {
            try
            {
                quarters.Add(new ChipSalesQuarter
                {
                    Vendor = row.Get("Vendor") ?? throw new FormatException("Vendor is empty."),
                    Name = row.Get("Name") ?? "",
                    Start = ClusterDataset.ParseDate(row.Get("StartDate")) ?? throw new FormatException("StartDate is empty."),
                    End = ClusterDataset.ParseDate(row.Get("EndDate")) ?? throw new FormatException("EndDate is empty."),
                    H100eP5 = row.GetDouble("H100eP5") ?? throw new FormatException("H100eP5 is empty."),
                    H100eMedian = row.GetDouble("H100eMedian") ?? throw new FormatException("H100eMedian is empty."),
                    H100eP95 = row.GetDouble("H100eP95") ?? throw new FormatException("H100eP95 is empty."),
                    Incomplete = string.Equals(row.Get("Incomplete"), "Yes", StringComparison.OrdinalIgnoreCase),
                    Notes = row.Get("Notes") ?? "",
                    Source = row.Get("Source") ?? "",
                });
            }
            catch (FormatException ex)
            {
                throw new CapacityException(new Problem(ErrorIds.ChipSalesFileInvalid, ProblemKind.InvalidData, ex.Message, sourceName, row.Location));
            }
        }
        return new ChipSales(quarters, edition);
    }
}
