using System.IO;
using System.Text;
using CapacityTools.Core.Gpu;
using CsvHelper;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads inventories of any supported format from files or text, detecting the format unless told.
/// Entries come out in input order; CSV is streamed (constant memory), the tool outputs are read whole.
/// Each source ends with a summary warning when rows were skipped. One instance per operation.
/// </summary>
public sealed class InventoryReader
{
    private readonly InventoryOptions _options;
    private readonly ResolutionCache _resolutions;

    public InventoryReader(GpuCatalog catalog, InventoryOptions options)
    {
        _options = options;
        _resolutions = new ResolutionCache(catalog);
    }

    /// <summary>The counters of the source being read (or last read).</summary>
    public InventoryStats Stats { get; private set; } = new();

    /// <summary>Reads a file; <paramref name="displayName"/> is how locations name it (the path by default).</summary>
    /// <exception cref="CapacityException">The file cannot be read as the format: not text, or a CSV with no model column.</exception>
    public IEnumerable<InventoryEntry> ReadFile(string path, string? displayName = null, CancellationToken token = default)
    {
        var name = displayName ?? path;
        var stats = new InventoryStats { Length = new FileInfo(path).Length };
        Stats = stats;
        var head = TextDecoder.ReadHead(path);
        var encoding = TextDecoder.Detect(head, name, out var notText) ?? throw new CapacityException(notText!);
        var format = _options.Format;
        if (format == InventoryFormat.Auto)
            format = InventoryFormatDetector.Detect(encoding.Encoding.GetString(head, encoding.Preamble, head.Length - encoding.Preamble));
        var context = new ReadContext(_resolutions, _options, name, stats, token);
        Verbose = $"{name}: {format}, {encoding.Name}";
        IEnumerable<InventoryEntry> entries;
        if (InventoryFormatDetector.IsCsv(format))
        {
            var csvEncoding = encoding.IsUtf8 ? null : encoding.Encoding;
            entries = CsvInventoryReader.Read(onMalformed => CsvReader.Create(File.OpenRead(path), CsvInventoryReader.Options(onMalformed, csvEncoding), leaveOpen: false), context, _options.Format);
        }
        else if (format == InventoryFormat.DcgmExporter)
        {
            entries = ReadStream(path, encoding.Encoding, context);
        }
        else
        {
            var text = TextDecoder.ReadFile(path, name, out _, out notText) ?? throw new CapacityException(notText!);
            entries = ReadDocument(text, format, context);
        }
        return WithSummary(entries, context, encoding.GuessWarning(name));
    }

    /// <summary>What the last read detected (format and encoding), for -Verbose.</summary>
    public string Verbose { get; private set; } = "";

    /// <summary>Reads text (such as lines from the pipeline, joined).</summary>
    public IEnumerable<InventoryEntry> ReadText(string text, string sourceName, CancellationToken token = default)
    {
        var stats = new InventoryStats { Length = Encoding.UTF8.GetByteCount(text) };
        Stats = stats;
        if (text.IndexOf('\0') >= 0) throw new CapacityException(TextDecoder.NotText(sourceName));
        var format = _options.Format == InventoryFormat.Auto ? InventoryFormatDetector.Detect(text.Length > 16384 ? text.Substring(0, 16384) : text) : _options.Format;
        var context = new ReadContext(_resolutions, _options, sourceName, stats, token);
        Verbose = $"{sourceName}: {format}";
        IEnumerable<InventoryEntry> entries = InventoryFormatDetector.IsCsv(format)
            ? CsvInventoryReader.Read(onMalformed => CsvReader.FromText(text, CsvInventoryReader.Options(onMalformed, null)), context, _options.Format)
            : format == InventoryFormat.DcgmExporter ? DcgmExporterReader.Read(new StringReader(text), context)
            : ReadDocument(text, format, context);
        return WithSummary(entries, context, null);
    }

    private static IEnumerable<InventoryEntry> ReadDocument(string text, InventoryFormat format, ReadContext context)
    {
        context.Stats.Position = context.Stats.Length;
        var isJson = text.TrimStart().StartsWith("{", StringComparison.Ordinal) || text.TrimStart().StartsWith("[", StringComparison.Ordinal);
        switch (format)
        {
            case InventoryFormat.KubectlNodes:
            case InventoryFormat.KubernetesLabels:
                return KubernetesReader.Read(Encoding.UTF8.GetBytes(text), context, format);
            case InventoryFormat.RocmSmiJson:
                return AmdReader.ReadRocmSmi(Encoding.UTF8.GetBytes(text), context);
            case InventoryFormat.AmdSmiStatic when isJson:
                return AmdReader.ReadAmdSmiJson(Encoding.UTF8.GetBytes(text), context);
            case InventoryFormat.NvidiaSmiXml:
                return NvidiaSmiXmlReader.Read(text, context);
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var tooLong = BoundLines(lines, context);
        var entries = format switch
        {
            InventoryFormat.NvidiaSmiQuery => NvidiaSmiTextReader.ReadQuery(lines, context),
            InventoryFormat.NvidiaSmiList => NvidiaSmiTextReader.ReadList(lines, context),
            InventoryFormat.NvidiaSmiTable => NvidiaSmiTextReader.ReadTable(lines, context),
            InventoryFormat.SlurmSinfo => SlurmReader.ReadSinfo(lines, context),
            InventoryFormat.SlurmScontrol => SlurmReader.ReadScontrol(lines, context),
            InventoryFormat.AmdSmiStatic => AmdReader.ReadAmdSmiText(lines, context),
            InventoryFormat.Prometheus => throw new CapacityException(new Problem(ErrorIds.NotAFileFormat, ProblemKind.InvalidArgument,
                "Prometheus is a server, not a file format.", format, recommendedAction: "Use Get-GpuInventory -PrometheusUri, or -Format DcgmExporter for a saved scrape.")),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        return tooLong.Concat(entries);
    }

    /// <summary>
    /// Exposition text is streamed in the detected encoding (a scrape of a large fleet can be gigabytes); lines over
    /// <see cref="MaxLineLength"/> are refused unread by the parser.
    /// </summary>
    private static IEnumerable<InventoryEntry> ReadStream(string path, Encoding encoding, ReadContext context)
    {
        using var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        foreach (var entry in DcgmExporterReader.Read(text, context)) yield return entry;
    }

    /// <summary>The longest line a text format may have; longer ones are refused unread (no tool prints them).</summary>
    public const int MaxLineLength = 65536;

    // Blanks every line over the limit, so no reader works on it, and reports each.
    private static List<InventoryEntry> BoundLines(string[] lines, ReadContext context)
    {
        var problems = new List<InventoryEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length <= MaxLineLength) continue;
            var length = lines[i].Length;
            lines[i] = "";
            context.Stats.Records++;
            problems.Add(context.Skip(TooLong("line", length, MaxLineLength), i + 1));
        }
        return problems;
    }

    internal static Problem TooLong(string what, long length, int limit) =>
        new(ErrorIds.ValueTooLong, ProblemKind.InvalidData,
            $"The {what} is {length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long, more than the {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} any real one has, so it was refused unread.", null,
            recommendedAction: "Check that the file is the tool's output and not a different or damaged file.");

    private static IEnumerable<InventoryEntry> WithSummary(IEnumerable<InventoryEntry> entries, ReadContext context, string? encodingWarning)
    {
        if (encodingWarning is not null) yield return InventoryEntry.Warn(encodingWarning);
        foreach (var entry in entries) yield return entry;
        var stats = context.Stats;
        if (stats.Skipped > 0)
            yield return InventoryEntry.Warn($"{context.SourceName}: {stats.Skipped} of {stats.Records} row(s) or block(s) were skipped and not counted; see the errors for each.");
    }
}
