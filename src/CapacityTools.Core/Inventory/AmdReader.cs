using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads AMD's tools: <c>rocm-smi --showproductname --json</c> (one "cardN" object per GPU) and
/// <c>amd-smi static</c> as text (GPU sections; CPU sections skipped) or JSON. A GPU in a compute
/// partition mode (DPX, QPX, CPX...) is listed once per partition; partitions count as slices of one GPU.
/// </summary>
internal static class AmdReader
{
    private static readonly Regex s_block = new(@"^(?<kind>[A-Z_]+):\s*(?<index>[0-9]+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_keyValue = new(@"^(?<indent>\s*)(?<key>[A-Za-z0-9_ ()/]+?)\s*:\s*(?<value>.*?)\s*$", RegexOptions.CultureInvariant);

    public static IEnumerable<InventoryEntry> ReadRocmSmi(byte[] utf8, ReadContext context)
    {
        var blocks = JsonBlocks.Read(utf8, null, out _, out var error);
        var tally = context.Tally;
        var entries = new List<InventoryEntry>();
        foreach (var block in blocks)
        {
            if (block.Name is null || !block.Name.StartsWith("card", StringComparison.OrdinalIgnoreCase)) continue;
            context.NextRecord();
            var name = First(block.Value, "Card Series", "Card series", "Market Name", "Card SKU");
            if (name is null || name.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"{block.Name} has no Card Series.", "Save 'rocm-smi --showproductname --json'."), block.Line));
                continue;
            }
            var bytes = CsvInventoryReader.LeadingNumber(First(block.Value, "VRAM Total Memory (B)"));
            AddGpu(context, tally, name, First(block.Value, "Compute Partition", "current_compute_partition"), bytes / 1048576.0, block.Line);
        }
        if (error is { } e) entries.Add(context.BrokenOff("JSON", "the cards", e.Message, e.Line));
        return entries;
    }

    public static IEnumerable<InventoryEntry> ReadAmdSmiJson(byte[] utf8, ReadContext context)
    {
        var blocks = JsonBlocks.Read(utf8, "gpu_data", out _, out var error);
        var tally = context.Tally;
        var entries = new List<InventoryEntry>();
        foreach (var block in blocks)
        {
            if (block.Value.ValueKind != JsonValueKind.Object || !JsonBlocks.TryGet(block.Value, "gpu", out _)) continue;
            context.NextRecord();
            var name = JsonBlocks.Text(block.Value, "asic", "market_name");
            if (name is null || name.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "a GPU has no asic.market_name.", "Save 'amd-smi static --json'."), block.Line));
                continue;
            }
            double? mib = null;
            if (JsonBlocks.TryGet(block.Value, "vram", out var vram) && JsonBlocks.TryGet(vram, "size", out var size))
            {
                var value = size.ValueKind == JsonValueKind.Object ? JsonBlocks.Text(size, "value") : JsonBlocks.Text(size);
                var unit = size.ValueKind == JsonValueKind.Object ? JsonBlocks.Text(size, "unit") : value;
                mib = ToMiB(CsvInventoryReader.LeadingNumber(value), unit);
            }
            var partition = JsonBlocks.Text(block.Value, "partition", "compute_partition") ?? JsonBlocks.Text(block.Value, "partition", "current_compute_partition");
            AddGpu(context, tally, name, partition, mib, block.Line);
        }
        if (error is { } e) entries.Add(context.BrokenOff("JSON", "the GPUs", e.Message, e.Line));
        return entries;
    }

    public static IEnumerable<InventoryEntry> ReadAmdSmiText(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        Gpu? current = null;
        string? section = null;
        var inGpu = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var block = s_block.Match(line);
            if (block.Success)
            {
                Finish(current);
                inGpu = block.Groups["kind"].Value == "GPU";
                current = inGpu ? new Gpu(i + 1) : null;
                section = null;
                continue;
            }
            if (!inGpu || current is null) continue;
            var kv = s_keyValue.Match(line);
            if (!kv.Success) continue;
            var indent = kv.Groups["indent"].Value.Length;
            var key = kv.Groups["key"].Value.Trim();
            var value = kv.Groups["value"].Value;
            if (value.Length == 0) { section = key; continue; }
            if (key.Equals("MARKET_NAME", StringComparison.OrdinalIgnoreCase) && indent > 0) current.Name ??= value;
            else if (key.Equals("SIZE", StringComparison.OrdinalIgnoreCase) && string.Equals(section, "VRAM", StringComparison.OrdinalIgnoreCase))
                current.MemoryMiB = ToMiB(CsvInventoryReader.LeadingNumber(value), value);
            else if (key.Equals("COMPUTE_PARTITION", StringComparison.OrdinalIgnoreCase) || key.Equals("CURRENT_COMPUTE_PARTITION", StringComparison.OrdinalIgnoreCase))
                current.Partition = value;
        }
        Finish(current);
        if (context.Stats.Records == 0)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no 'GPU: N' section was found.", "Save the output of 'amd-smi static'."), 1));
        return entries;

        void Finish(Gpu? gpu)
        {
            if (gpu is null) return;
            context.NextRecord();
            if (gpu.Name is null || gpu.Name.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "the GPU section has no ASIC MARKET_NAME (is the output cut short?)."), gpu.Line));
                return;
            }
            AddGpu(context, tally, gpu.Name, gpu.Partition, gpu.MemoryMiB, gpu.Line);
        }
    }

    private static void AddGpu(ReadContext context, InventoryTally tally, string name, string? partition, double? memoryMiB, long line)
    {
        var parts = Partitions(partition, context.Resolutions.Resolve(name, out _)?.Id);
        if (parts <= 1)
        {
            tally.AddPhysical(null, name, 1, 0, 0, line, memoryMiB);
            return;
        }
        tally.AddPhysical(null, name, 1.0 / parts, 1, 0, line, memoryMiB,
            $"compute partition {partition!.Trim().ToUpperInvariant()}: {parts} partitions per GPU, counted as one GPU");
    }

    // Logical GPUs per physical GPU in each compute partition mode (CPX is one per XCD: 8 on MI300X/MI325X/MI35x, 6 on MI300A).
    internal static int Partitions(string? mode, string? id) => mode?.Trim().ToUpperInvariant() switch
    {
        "DPX" => 2,
        "TPX" => 3,
        "QPX" => 4,
        "CPX" => string.Equals(id, "MI300A", StringComparison.OrdinalIgnoreCase) ? 6 : 8,
        _ => 1,
    };

    private static double? ToMiB(double? value, string? unit)
    {
        if (value is not { } v) return null;
        var u = unit ?? "";
        if (u.IndexOf("GB", StringComparison.OrdinalIgnoreCase) >= 0 || u.IndexOf("GiB", StringComparison.OrdinalIgnoreCase) >= 0) return v * 1024;
        if (u.IndexOf("KB", StringComparison.OrdinalIgnoreCase) >= 0) return v / 1024;
        return v;
    }

    private static string? First(JsonElement element, params string[] names)
    {
        foreach (var name in names)
            if (JsonBlocks.Text(element, name) is { } text && text.Trim().Length > 0) return text.Trim();
        return null;
    }

    private sealed class Gpu(long line)
    {
        public long Line { get; } = line;
        public string? Name { get; set; }
        public double? MemoryMiB { get; set; }
        public string? Partition { get; set; }
    }
}
