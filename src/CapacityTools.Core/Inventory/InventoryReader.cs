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
    /// <exception cref="CapacityException">The file cannot be read as the format, e.g. a CSV with no model column.</exception>
    public IEnumerable<InventoryEntry> ReadFile(string path, string? displayName = null, CancellationToken token = default)
    {
        var name = displayName ?? path;
        var stats = new InventoryStats { Length = new FileInfo(path).Length };
        Stats = stats;
        var format = _options.Format;
        if (format == InventoryFormat.Auto) format = InventoryFormatDetector.Detect(Head(path));
        var context = new ReadContext(_resolutions, _options, name, stats, token);
        IEnumerable<InventoryEntry> entries = InventoryFormatDetector.IsCsv(format)
            ? CsvInventoryReader.Read(onMalformed => CsvReader.Create(File.OpenRead(path), CsvInventoryReader.Options(onMalformed), leaveOpen: false), context, _options.Format)
            : format == InventoryFormat.DcgmExporter ? ReadStream(path, context)
            : ReadDocument(File.ReadAllBytes(path), format, context);
        return WithSummary(entries, context);
    }

    /// <summary>Reads text (such as lines from the pipeline, joined).</summary>
    public IEnumerable<InventoryEntry> ReadText(string text, string sourceName, CancellationToken token = default)
    {
        var stats = new InventoryStats { Length = Encoding.UTF8.GetByteCount(text) };
        Stats = stats;
        var format = _options.Format == InventoryFormat.Auto ? InventoryFormatDetector.Detect(text.Length > 16384 ? text.Substring(0, 16384) : text) : _options.Format;
        var context = new ReadContext(_resolutions, _options, sourceName, stats, token);
        IEnumerable<InventoryEntry> entries = InventoryFormatDetector.IsCsv(format)
            ? CsvInventoryReader.Read(onMalformed => CsvReader.FromText(text, CsvInventoryReader.Options(onMalformed)), context, _options.Format)
            : format == InventoryFormat.DcgmExporter ? DcgmExporterReader.Read(new StringReader(text), context)
            : ReadDocument(Encoding.UTF8.GetBytes(text), format, context);
        return WithSummary(entries, context);
    }

    private static IEnumerable<InventoryEntry> ReadDocument(byte[] bytes, InventoryFormat format, ReadContext context)
    {
        context.Stats.Position = bytes.Length;
        // Windows PowerShell 5.1 saves redirected output as UTF-16; the JSON reader wants UTF-8 without a BOM.
        var text = Decode(bytes);
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
        return format switch
        {
            InventoryFormat.NvidiaSmiQuery => NvidiaSmiTextReader.ReadQuery(lines, context),
            InventoryFormat.NvidiaSmiList => NvidiaSmiTextReader.ReadList(lines, context),
            InventoryFormat.NvidiaSmiTable => NvidiaSmiTextReader.ReadTable(lines, context),
            InventoryFormat.SlurmSinfo => SlurmReader.ReadSinfo(lines, context),
            InventoryFormat.SlurmScontrol => SlurmReader.ReadScontrol(lines, context),
            InventoryFormat.AmdSmiStatic => AmdReader.ReadAmdSmiText(lines, context),
            InventoryFormat.Prometheus => throw new CapacityException(new Problem("NotAFileFormat", ProblemKind.InvalidArgument,
                "Prometheus is a server, not a file format.", format, recommendedAction: "Use Get-GpuInventory -PrometheusUri, or -Format DcgmExporter for a saved scrape.")),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>Exposition text is streamed (a scrape of a large fleet can be gigabytes); the reader detects a UTF-16 BOM.</summary>
    private static IEnumerable<InventoryEntry> ReadStream(string path, ReadContext context)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var entry in DcgmExporterReader.Read(text, context)) yield return entry;
    }

    private static IEnumerable<InventoryEntry> WithSummary(IEnumerable<InventoryEntry> entries, ReadContext context)
    {
        foreach (var entry in entries) yield return entry;
        var stats = context.Stats;
        if (stats.Skipped > 0)
            yield return InventoryEntry.Warn($"{context.SourceName}: {stats.Skipped} of {stats.Records} row(s) or block(s) were skipped and not counted; see the errors for each.");
    }

    private static string Head(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[16384];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        return Decode(buffer, read);
    }

    private static string Decode(byte[] bytes, int? count = null)
    {
        var length = count ?? bytes.Length;
        if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, length - 2);
        if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, length - 2);
        var offset = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, offset, length - offset);
    }
}
