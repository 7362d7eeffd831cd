using System.Globalization;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// What a count means when the model is a cloud instance type with several GPUs each: a column or property named
/// for GPUs (Gpus, GpuCount, NumGpus) holds GPUs, one named for items (Count, Quantity, Instances) holds instances.
/// One rule for the CSV import, the bulk scan and pipeline objects, so "p4d.24xlarge, Gpus 8" is 8 A100s, not 64.
/// </summary>
public static class CountUnits
{
    private static readonly HashSet<string> s_gpuNames = new(StringComparer.Ordinal) { "gpus", "gpucount", "numgpus", "gpuscount", "totalgpus", "numberofgpus" };

    /// <summary>True when a count column or property is named for GPUs rather than items.</summary>
    public static bool NamesGpus(string? name) => name is not null && s_gpuNames.Contains(NameKey.Of(name));

    /// <summary>
    /// The units of <paramref name="resolution"/> a count stands for: instances for an instance type counted in GPUs,
    /// the count itself otherwise. A GPU count that is not a whole number of instances gives a warning (the GPUs still count).
    /// </summary>
    public static double ToUnits(GpuResolution resolution, double count, bool countIsGpus, out string? warning)
    {
        warning = null;
        if (!countIsGpus || resolution.MatchKind != MatchKind.InstanceType || resolution.GpusPerUnit <= 1) return count;
        var instances = count / resolution.GpusPerUnit;
        if (instances != Math.Floor(instances))
        {
            warning = $"{count.ToString(CultureInfo.InvariantCulture)} GPU(s) of {SafeText.Quote(resolution.Input)} is not a whole number of instances " +
                      $"({resolution.GpusPerUnit.ToString(CultureInfo.InvariantCulture)} GPUs each); they were counted as {count.ToString(CultureInfo.InvariantCulture)} GPU(s). Check the count column.";
        }
        return instances;
    }
}
