using System.IO;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Tests.Inventory;

/// <summary>Reads the inventory samples under Data/inventory and splits what comes out.</summary>
internal sealed class InventoryRead
{
    public List<GpuInventoryItem> Items { get; } = [];
    public List<Problem> Problems { get; } = [];
    public List<string> Warnings { get; } = [];
    public InventoryStats Stats { get; set; } = new();

    public static string PathOf(string sample) => Path.Combine(AppContext.BaseDirectory, "Data", "inventory", sample);

    public static InventoryRead File(string sample, InventoryFormat format = InventoryFormat.Auto, InventoryOptions? options = null)
    {
        options ??= new InventoryOptions();
        options.Format = format;
        var reader = new InventoryReader(GpuCatalog.Embedded, options);
        var read = new InventoryRead();
        read.Collect(reader.ReadFile(PathOf(sample), sample));
        read.Stats = reader.Stats;
        return read;
    }

    public static InventoryRead Text(string text, InventoryFormat format = InventoryFormat.Auto, string? host = null)
    {
        var reader = new InventoryReader(GpuCatalog.Embedded, new InventoryOptions { Format = format, Host = host });
        var read = new InventoryRead();
        read.Collect(reader.ReadText(text, "<pipeline>"));
        read.Stats = reader.Stats;
        return read;
    }

    private void Collect(IEnumerable<InventoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Item is not null) Items.Add(entry.Item);
            if (entry.Problem is not null) Problems.Add(entry.Problem);
            if (entry.Warning is not null) Warnings.Add(entry.Warning);
        }
    }

    public double Gpus(string model) => Items.Where(i => i.Model == model).Sum(i => i.Count);
    public double Total => Items.Where(i => i.Model is not null).Sum(i => i.Count);
}
