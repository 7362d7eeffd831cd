using CapacityTools.Core.Data;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// Accelerators whose tools list each die as a GPU (seeds/listed-devices.csv): an MI250X module is two GCDs, and Slurm,
/// the AMD device plugin, rocm-smi and amd-smi each list 8 devices for 4 modules. Where a source lists such devices and
/// gives no memory to tell (see <see cref="DeviceShare"/>), each listed device counts as its share of the catalog row.
/// </summary>
public static class ListedDevices
{
    private sealed record Rule(int DevicesPerGpu, HashSet<InventoryFormat> ListedBy, string Note);

    private static readonly Lazy<Dictionary<string, Rule>> s_rules = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many devices <paramref name="format"/> lists for one <paramref name="spec"/> (1 when it lists whole GPUs), and why.</summary>
    public static int PerGpu(GpuSpec spec, InventoryFormat format, out string? note)
    {
        note = null;
        if (!s_rules.Value.TryGetValue(spec.Id, out var rule) || !rule.ListedBy.Contains(format)) return 1;
        note = $"{rule.Note}: {rule.DevicesPerGpu} listed devices are one {spec.Id}";
        return rule.DevicesPerGpu;
    }

    private static Dictionary<string, Rule> Load()
    {
        using var stream = EmbeddedData.Open("listed-devices.csv");
        var rules = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in CsvRecords.Read(stream, "listed-devices.csv").Rows)
        {
            var formats = (row.Get("ListedBy") ?? "").Split(';').Select(f => (InventoryFormat)Enum.Parse(typeof(InventoryFormat), f.Trim())).ToList();
            rules[row.Get("GpuId")!] = new Rule((int)row.GetDouble("DevicesPerGpu")!.Value, new HashSet<InventoryFormat>(formats), row.Get("Note") ?? "");
        }
        return rules;
    }
}
