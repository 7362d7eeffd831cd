using System.Globalization;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// A listed device that holds 1/k of its catalog entry's memory (k = 2, 4 or 8) is 1/k of the entry: an MI250X GCD
/// (64 of the module's 128 GB, which rocm-smi, amd-smi, Slurm and the AMD device plugin each list as a GPU) or a
/// compute/memory partition of an MI300X. The device's own memory decides, so whole GPUs stay whole.
/// </summary>
public static class DeviceShare
{
    /// <summary>The share of <paramref name="resolution"/>'s entry that one listed device with this memory is; 1 when whole or unknown.</summary>
    public static double Of(GpuResolution resolution, GpuCatalog catalog, double? memoryMiB, out string? note)
    {
        note = null;
        if (memoryMiB is not { } mib || mib <= 0 || resolution.Spec.MemoryGB is not { } total || total <= 0) return 1;
        if (resolution.MatchKind is MatchKind.MigSlice or MatchKind.VgpuProfile || resolution.Fraction < 1) return 1;
        // Where a family name stands for entries of different sizes, the size tells the entry, not a share.
        if (resolution.Family is { } name && catalog.Families.FirstOrDefault(f => string.Equals(f.Family, name, StringComparison.OrdinalIgnoreCase)) is { } family
            && catalog.FamilyMembers(family).Select(s => s.MemoryGB).Distinct().Count() > 1)
            return 1;
        var gib = mib / 1024;
        var parts = Math.Round(total / gib);
        if (parts is not (2 or 4 or 8) || Math.Abs(total / parts - gib) > 0.1 * gib) return 1;
        var inv = CultureInfo.InvariantCulture;
        note = $"each listed device has {gib.ToString("0.#", inv)} GB of {resolution.Id}'s {total.ToString(inv)} GB: counted as 1/{parts.ToString(inv)} of one (a GCD or partition listed as a GPU)";
        return 1 / parts;
    }

    /// <summary>
    /// A note for an SR-IOV virtual function ("Instinct MI300X VF") listed without its memory: it counts as a whole GPU,
    /// which is right for one VF per GPU and too much where a host splits a GPU into several; null for other names.
    /// </summary>
    public static string? VirtualFunctionNote(string raw, double? memoryMiB)
    {
        // Every inventory row comes through here: most names have no "VF" at all, and need no split.
        if (memoryMiB is > 0 || raw.IndexOf("vf", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var words = raw.Split([' ', '\t', '[', ']', '(', ')', '-', '_', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => string.Equals(w, "VF", StringComparison.OrdinalIgnoreCase))
            ? "an SR-IOV virtual function listed without its memory: counted as a whole GPU (one VF per GPU); where a host splits a GPU into several VFs, give each device's memory to count its share"
            : null;
    }
}
