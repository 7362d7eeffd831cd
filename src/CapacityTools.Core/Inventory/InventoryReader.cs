using System.IO;
using System.Text;
using CapacityTools.Core.Gpu;

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
            format = InventoryFormats.Detect(encoding.Encoding.GetString(head, encoding.Preamble, head.Length - encoding.Preamble));
        Verbose = $"{name}: {format}, {encoding.Name}";
        return Read(InventorySource.FromFile(path, name, encoding), format, stats, token, encoding.GuessWarning(name));
    }

    /// <summary>What the last read detected (format and encoding), for -Verbose.</summary>
    public string Verbose { get; private set; } = "";

    /// <summary>Reads text (such as lines from the pipeline, joined).</summary>
    public IEnumerable<InventoryEntry> ReadText(string text, string sourceName, CancellationToken token = default)
    {
        var stats = new InventoryStats { Length = Encoding.UTF8.GetByteCount(text) };
        Stats = stats;
        if (text.IndexOf('\0') >= 0) throw new CapacityException(TextDecoder.NotText(sourceName));
        var format = _options.Format == InventoryFormat.Auto ? InventoryFormats.Detect(text.Length > 16384 ? text.Substring(0, 16384) : text) : _options.Format;
        Verbose = $"{sourceName}: {format}";
        return Read(InventorySource.FromText(text, sourceName), format, stats, token, null);
    }

    // The frame every format shares: the reader from the table, problems met outside it first, the tally drained
    // at the end, and a summary when records were skipped.
    private IEnumerable<InventoryEntry> Read(InventorySource source, InventoryFormat format, InventoryStats stats, CancellationToken token, string? encodingWarning)
    {
        // A CSV subtype asked for (-Format CloudInstances) is kept; Auto lets the CSV reader decide from the header.
        var entry = InventoryFormats.Get(format);
        var context = new ReadContext(_resolutions, _options, source.Name, stats, entry.IsCsv ? _options.Format : format, token);
        if (encodingWarning is not null) yield return InventoryEntry.Warn(encodingWarning);
        foreach (var item in entry.Read(source, context))
        {
            foreach (var pending in TakePending(context)) yield return pending;
            yield return item;
        }
        foreach (var pending in TakePending(context)) yield return pending;
        stats.Position = stats.Length;
        foreach (var item in context.Tally.Drain()) yield return item;
        if (stats.Skipped > 0)
            yield return InventoryEntry.Warn($"{context.SourceName}: {stats.Skipped} of {stats.Records} row(s) or block(s) were skipped and not counted; see the errors for each.");
    }

    private static List<InventoryEntry> TakePending(ReadContext context)
    {
        if (context.Pending.Count == 0) return [];
        var pending = context.Pending.ToList();
        context.Pending.Clear();
        return pending;
    }

    /// <summary>The longest line a text format may have; longer ones are refused unread (no tool prints them).</summary>
    public const int MaxLineLength = 65536;

    internal static Problem TooLong(string what, long length, int limit) =>
        new(ErrorIds.ValueTooLong, ProblemKind.InvalidData,
            $"The {what} is {length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long, more than the {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} any real one has, so it was refused unread.", null,
            recommendedAction: "Check that the file is the tool's output and not a different or damaged file.");
}
