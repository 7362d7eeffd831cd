using System.Text.RegularExpressions;

namespace CapacityTools.Core.Inventory;

/// <summary>One inventory format: how its text is recognised and which reader reads it.</summary>
internal sealed class InventoryFormatEntry(InventoryFormat format, Func<string, bool>? detect, Func<InventorySource, ReadContext, IEnumerable<InventoryEntry>> read, bool isCsv = false)
{
    public InventoryFormat Format { get; } = format;
    /// <summary>True when the first kilobytes (trimmed) are this format; null for formats told apart by their CSV columns.</summary>
    public Func<string, bool>? Detect { get; } = detect;
    public Func<InventorySource, ReadContext, IEnumerable<InventoryEntry>> Read { get; } = read;
    /// <summary>Read as CSV, streamed with CsvHelper.</summary>
    public bool IsCsv { get; } = isCsv;
}

/// <summary>
/// The table of inventory formats, in the order they are tried on a text: adding a format is one entry here and one
/// reader. A reader reads one source into its <see cref="ReadContext"/> (the tally, problems, record counting);
/// the dispatcher (<see cref="InventoryReader"/>) owns the rest of the frame.
/// </summary>
internal static class InventoryFormats
{
    private static readonly Regex s_listLine = new(@"^GPU\s+[0-9]+:\s+.+\(UUID:", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_amdSmiBlock = new(@"^GPU:\s*[0-9]+\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_sinfoHeader = new(@"^\s*(?:[A-Z_():/]+\s+)*GRES(?:\s|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_sinfoLine = new(@"^\S+\s+(?:\S+\s+)*(?:gpu:\S+|\(null\))\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_tableBorder = new(@"^\+-{10,}", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_kubectl = new(@"""(?:items|kind)""\s*:", RegexOptions.CultureInvariant);
    private static readonly Regex s_dcgmLine = new(@"^(?:#\s*(?:HELP|TYPE)\s+)?DCGM_FI_\w*\s*[{ ]", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex s_gresConfLine = new(@"^[ \t]*(?:NodeName=\S+[ \t]+)?(?:Name=(?:gpu|mps|shard)\b|AutoDetect=)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex s_lspci = new(@"\A(?:(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\s+[^,\r\n]+:|Slot:\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_rocmCard = new(@"^\{\s*""card[0-9]+""|""card[0-9]+""\s*:\s*\{", RegexOptions.CultureInvariant);

    public static IReadOnlyList<InventoryFormatEntry> All { get; } =
    [
        new(InventoryFormat.NvidiaSmiXml, t => t.StartsWith("<", StringComparison.Ordinal), (s, c) => NvidiaSmiXmlReader.Read(s.Text(), c)),
        new(InventoryFormat.KubectlNodes, t => IsJson(t) && s_kubectl.IsMatch(t)
            && (t.IndexOf("\"Node", StringComparison.Ordinal) >= 0 || t.IndexOf("\"List\"", StringComparison.Ordinal) >= 0 || t.IndexOf("\"items\"", StringComparison.Ordinal) >= 0),
            (s, c) => KubernetesReader.Read(s.Utf8(), c)),
        new(InventoryFormat.RocmSmiJson, t => IsJson(t) && s_rocmCard.IsMatch(t), (s, c) => AmdReader.ReadRocmSmi(s.Utf8(), c)),
        new(InventoryFormat.AmdSmiStatic, t => IsJson(t)
                ? t.IndexOf("\"market_name\"", StringComparison.OrdinalIgnoreCase) >= 0 || t.IndexOf("\"gpu_data\"", StringComparison.Ordinal) >= 0
                : s_amdSmiBlock.IsMatch(t) && t.IndexOf("MARKET_NAME", StringComparison.OrdinalIgnoreCase) >= 0,
            (s, c) => IsJson(s.Text().TrimStart()) ? AmdReader.ReadAmdSmiJson(s.Utf8(), c) : AmdReader.ReadAmdSmiText(s.Lines(c), c)),
        // Any other JSON object: one node's labels.
        new(InventoryFormat.KubernetesLabels, IsJson, (s, c) => KubernetesReader.Read(s.Utf8(), c)),
        // dcgm-exporter /metrics text (Prometheus exposition format), streamed: a saved scrape of a fleet can be gigabytes.
        new(InventoryFormat.DcgmExporter, s_dcgmLine.IsMatch, (s, c) => DcgmExporterReader.Read(s.OpenText(), c)),
        new(InventoryFormat.NvidiaSmiQuery, t => t.IndexOf("NVSMI LOG", StringComparison.Ordinal) >= 0, (s, c) => NvidiaSmiTextReader.ReadQuery(s.Lines(c), c)),
        // The table may start with a timestamp line ("Mon Mar 11 09:31:07 2024") before its first border.
        new(InventoryFormat.NvidiaSmiTable, t => (t.IndexOf("NVIDIA-SMI", StringComparison.Ordinal) >= 0 && s_tableBorder.IsMatch(t)) || t.StartsWith("+---", StringComparison.Ordinal),
            (s, c) => NvidiaSmiTextReader.ReadTable(s.Lines(c), c)),
        new(InventoryFormat.NvidiaSmiList, s_listLine.IsMatch, (s, c) => NvidiaSmiTextReader.ReadList(s.Lines(c), c)),
        // Before scontrol: a gres.conf line may also start with NodeName=, but names its gres with Name=.
        new(InventoryFormat.SlurmGresConf, s_gresConfLine.IsMatch, (s, c) => SlurmReader.ReadGresConf(s.Lines(c), c)),
        new(InventoryFormat.SlurmScontrol, t => t.StartsWith("NodeName=", StringComparison.Ordinal), (s, c) => SlurmReader.ReadScontrol(s.Lines(c), c)),
        new(InventoryFormat.SlurmSinfo, IsSinfo, (s, c) => SlurmReader.ReadSinfo(s.Lines(c), c)),
        new(InventoryFormat.Lspci, s_lspci.IsMatch, (s, c) => LspciReader.Read(s.Lines(c), c)),
        new(InventoryFormat.Csv, null, (s, c) => CsvInventoryReader.Read(s.OpenCsv, c), isCsv: true),
        new(InventoryFormat.CloudInstances, null, (s, c) => CsvInventoryReader.Read(s.OpenCsv, c), isCsv: true),
        new(InventoryFormat.NvidiaSmiCsv, null, (s, c) => CsvInventoryReader.Read(s.OpenCsv, c), isCsv: true),
        // Not a file format: the items of Get-GpuInventory -PrometheusUri.
        new(InventoryFormat.Prometheus, null, (_, _) => throw new CapacityException(new Problem(ErrorIds.NotAFileFormat, ProblemKind.InvalidArgument,
            "Prometheus is a server, not a file format.", InventoryFormat.Prometheus,
            recommendedAction: "Use Get-GpuInventory -PrometheusUri, or -Format DcgmExporter for a saved scrape."))),
    ];

    private static readonly Dictionary<InventoryFormat, InventoryFormatEntry> s_byFormat = All.ToDictionary(e => e.Format);

    public static InventoryFormatEntry Get(InventoryFormat format) =>
        s_byFormat.TryGetValue(format, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(format), format, null);

    /// <summary>The format of a text that starts with <paramref name="head"/>; CSV when no other format recognises it.</summary>
    public static InventoryFormat Detect(string head)
    {
        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        foreach (var entry in All)
            if (entry.Detect is { } detect && detect(text)) return entry.Format;
        return InventoryFormat.Csv;
    }

    private static bool IsJson(string text) => text.StartsWith("{", StringComparison.Ordinal) || text.StartsWith("[", StringComparison.Ordinal);

    private static bool IsSinfo(string text)
    {
        var firstLine = text.Split('\n')[0];
        return firstLine.IndexOf(',') < 0 && (s_sinfoHeader.IsMatch(firstLine) || s_sinfoLine.IsMatch(firstLine)) || IsHeaderlessSinfo(firstLine);
    }

    // sinfo -h / -N -o "%N %G" (and more columns): words separated by spaces, one of them a gres list
    // ("gpu:h100:4(S:0),gpu:l40s:2(S:1)"), and no other word with a comma (which a CSV line would have).
    private static bool IsHeaderlessSinfo(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return false;
        var gres = tokens.Where(SlurmReader.IsGresList).ToList();
        return gres.Count == 1 && tokens.All(t => ReferenceEquals(t, gres[0]) || t.IndexOf(',') < 0);
    }
}
