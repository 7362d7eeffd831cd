using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads the text forms of nvidia-smi: <c>nvidia-smi -q</c>, <c>nvidia-smi -L</c> and the default table.
/// Each physical GPU counts once; its MIG devices are slices of it.
/// </summary>
internal static class NvidiaSmiTextReader
{
    private static readonly Regex s_queryGpu = new(@"^GPU\s+[0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f]\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_keyValue = new(@"^(?<indent>\s*)(?<key>[^:]+?)\s*:\s*(?<value>.*?)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_listGpu = new(@"^GPU\s+(?<index>[0-9]+):\s+(?<name>.+?)\s+\(UUID:\s*(?<uuid>[^)]*)\)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_listMig = new(@"^\s+MIG\s+(?<profile>\S+)\s+Device\s+(?<index>[0-9]+):", RegexOptions.CultureInvariant);
    private static readonly Regex s_tableGpu = new(
        @"^\|\s+(?<index>[0-9]+)\s+(?<name>.+?)\s+(?<mode>On|Off|TCC|WDDM|N/A)\s+\|\s+(?<bus>[0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f])\s+(?:On|Off)\s+\|",
        RegexOptions.CultureInvariant);
    private static readonly Regex s_tableMemory = new(@"\|\s*(?<used>[0-9]+)MiB\s*/\s*(?<total>[0-9]+)MiB\s*\|", RegexOptions.CultureInvariant);
    private static readonly Regex s_tableMig = new(@"^\|\s+(?<gpu>[0-9]+)\s+(?<gi>[0-9]+)\s+(?<ci>[0-9]+)\s+(?<dev>[0-9]+)\s+\|", RegexOptions.CultureInvariant);

    public static IEnumerable<InventoryEntry> ReadQuery(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        int? attached = null;
        var gpus = 0;
        Gpu? current = null;
        string? section = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (s_queryGpu.IsMatch(line))
            {
                Finish(current);
                current = new Gpu(i + 1);
                gpus++;
                section = null;
                continue;
            }
            var kv = s_keyValue.Match(line);
            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (current is null)
            {
                if (kv.Success && kv.Groups["key"].Value.Equals("Attached GPUs", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(kv.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) attached = n;
                continue;
            }
            if (indent == 4 && !trimmed.Contains(":")) section = trimmed;
            if (indent >= 8 && Regex.IsMatch(trimmed, @"^MIG Device(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) current.Slices++;
            if (!kv.Success) continue;
            var key = kv.Groups["key"].Value.Trim();
            var value = kv.Groups["value"].Value;
            if (indent == 4 && key.Equals("Product Name", StringComparison.OrdinalIgnoreCase)) current.Name = value;
            else if (indent == 4 && key.Equals("GPU UUID", StringComparison.OrdinalIgnoreCase)) current.Uuid = value;
            else if (indent == 8 && key.Equals("Total", StringComparison.OrdinalIgnoreCase) && string.Equals(section, "FB Memory Usage", StringComparison.OrdinalIgnoreCase))
                current.MemoryMiB ??= CsvInventoryReader.LeadingNumber(value);
            else if (indent == 8 && key.Equals("Current", StringComparison.OrdinalIgnoreCase) && string.Equals(section, "MIG Mode", StringComparison.OrdinalIgnoreCase))
                current.MigEnabled = value.Equals("Enabled", StringComparison.OrdinalIgnoreCase);
        }
        Finish(current);
        if (attached is { } header && header != gpus)
            entries.Add(InventoryEntry.Warn($"{context.SourceName}: the header says Attached GPUs {header} but {gpus} GPU section(s) are present; {gpus} counted."));
        if (gpus == 0 && attached is null)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no GPU section was found.", "Save the complete output of 'nvidia-smi -q'."), 1));
        return entries;

        void Finish(Gpu? gpu)
        {
            if (gpu is null) return;
            context.NextRecord();
            if (!context.FirstSighting(gpu.Uuid, "GPU", gpu.Line, entries)) return;
            if (string.IsNullOrWhiteSpace(gpu.Name))
            {
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "the GPU section has no Product Name (is the output cut short?)."), gpu.Line));
                return;
            }
            var note = gpu.Slices > 0 ? "MIG enabled" : gpu.MigEnabled ? "MIG enabled, no instances" : null;
            tally.AddPhysical(null, gpu.Name!, 1, gpu.Slices, 0, gpu.Line, gpu.MemoryMiB, note);
        }
    }

    public static IEnumerable<InventoryEntry> ReadList(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        Gpu? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            var gpu = s_listGpu.Match(line);
            if (gpu.Success)
            {
                Finish(current);
                current = new Gpu(i + 1) { Name = gpu.Groups["name"].Value, Uuid = gpu.Groups["uuid"].Value };
                continue;
            }
            if (s_listMig.IsMatch(line))
            {
                if (current is not null) current.Slices++;
                continue;
            }
            context.NextRecord();
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName,
                $"the line is not an nvidia-smi -L GPU or MIG line: '{line.Trim()}'."), i + 1));
        }
        Finish(current);
        return entries;

        void Finish(Gpu? gpu)
        {
            if (gpu is null) return;
            context.NextRecord();
            if (!context.FirstSighting(gpu.Uuid, "GPU", gpu.Line, entries)) return;
            tally.AddPhysical(null, gpu.Name!, 1, gpu.Slices, 0, gpu.Line, null, gpu.Slices > 0 ? "MIG enabled" : null);
        }
    }

    public static IEnumerable<InventoryEntry> ReadTable(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        var gpus = new List<Gpu>();
        var byIndex = new Dictionary<string, Gpu>(StringComparer.Ordinal); // keyed by the index as printed, so no index can overflow
        var inMig = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.IndexOf("MIG devices", StringComparison.OrdinalIgnoreCase) >= 0) { inMig = true; continue; }
            if (line.IndexOf("Processes:", StringComparison.OrdinalIgnoreCase) >= 0) { inMig = false; continue; }
            if (inMig)
            {
                var mig = s_tableMig.Match(line);
                if (mig.Success && byIndex.TryGetValue(IndexKey(mig.Groups["gpu"].Value), out var parent)) parent.Slices++;
                continue;
            }
            var row = s_tableGpu.Match(line);
            if (!row.Success) continue;
            var gpu = new Gpu(i + 1) { Name = row.Groups["name"].Value.Trim() };
            if (i + 1 < lines.Length && s_tableMemory.Match(lines[i + 1]) is { Success: true } memory)
                gpu.MemoryMiB = double.Parse(memory.Groups["total"].Value, CultureInfo.InvariantCulture);
            gpus.Add(gpu);
            byIndex[IndexKey(row.Groups["index"].Value)] = gpu;
        }
        foreach (var gpu in gpus)
        {
            context.NextRecord();
            if (gpu.Name!.EndsWith("...", StringComparison.Ordinal))
            {
                entries.Add(context.Skip(new Problem(ErrorIds.TruncatedGpuName, ProblemKind.InvalidData,
                    $"The nvidia-smi table cut the GPU name short ('{gpu.Name}'), so its model is not known exactly.", gpu.Name,
                    recommendedAction: "Save 'nvidia-smi -L' or 'nvidia-smi --query-gpu=name,memory.total --format=csv' instead; they print the whole name."), gpu.Line));
                continue;
            }
            tally.AddPhysical(null, gpu.Name, 1, gpu.Slices, 0, gpu.Line, gpu.MemoryMiB, gpu.Slices > 0 ? "MIG enabled" : null);
        }
        if (gpus.Count == 0)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no GPU row was found in the table.", "Save the complete output of 'nvidia-smi'."), 1));
        return entries;
    }

    private sealed class Gpu(long line)
    {
        public long Line { get; } = line;
        public string? Name { get; set; }
        public string? Uuid { get; set; }
        public double? MemoryMiB { get; set; }
        public int Slices { get; set; }
        public bool MigEnabled { get; set; }
    }

    private static string IndexKey(string digits)
    {
        var key = digits.TrimStart('0');
        return key.Length == 0 ? "0" : key;
    }
}
