using System.IO;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads a file's models and counts for the -Path modes: a CSV through <see cref="CsvFleetScanner"/>
/// (no object per row), any other inventory format through <see cref="InventoryReader"/>.
/// </summary>
public sealed class BulkFleetReader
{
    private readonly GpuCatalog _catalog;
    private readonly InventoryOptions _options;

    public BulkFleetReader(GpuCatalog catalog, InventoryOptions options)
    {
        _catalog = catalog;
        _options = options;
    }

    /// <summary>Rows (or blocks) read by the last call.</summary>
    public long Rows { get; private set; }
    /// <summary>Rows (or blocks) of the last call that did not count.</summary>
    public long Skipped { get; private set; }

    /// <summary>
    /// The file's models with their units, summed. Problems and warnings go to <paramref name="sink"/> as they are
    /// met; <paramref name="onProgress"/> gets (bytes read, bytes in all). Both run on the calling thread.
    /// </summary>
    /// <exception cref="CapacityException">The file cannot be read as its format (e.g. no model column).</exception>
    public IReadOnlyList<ScannedModel> Read(string path, string displayName, IProblemSink sink,
        Action<long, long>? onProgress = null, CancellationToken token = default)
    {
        var length = new FileInfo(path).Length;
        var head = TextDecoder.ReadHead(path);
        var encoding = TextDecoder.Detect(head, displayName, out var notText) ?? throw new CapacityException(notText!);
        var format = _options.Format;
        if (format == InventoryFormat.Auto)
            format = InventoryFormatDetector.Detect(encoding.Encoding.GetString(head, encoding.Preamble, head.Length - encoding.Preamble));
        // The scan works on UTF-8 bytes; a UTF-16 or Latin-1 file (rare, small) is read through the item reader instead, with the same totals.
        if (InventoryFormatDetector.IsCsv(format) && encoding.IsUtf8)
        {
            var scanner = new CsvFleetScanner(_catalog, _options);
            try
            {
                var scanned = scanner.Scan(path, displayName, sink, p => onProgress?.Invoke(p, length), token);
                if (!scanner.NeedsItemReader) return scanned;
            }
            finally
            {
                Rows = scanner.Rows;
                Skipped = scanner.Skipped;
                if (Skipped > 0) sink.Warning($"{displayName}: {Skipped} of {Rows} row(s) were skipped and not counted; see the errors for each.");
            }
        }

        var reader = new InventoryReader(_catalog, new InventoryOptions
        {
            Format = InventoryFormatDetector.IsCsv(format) ? _options.Format : format, ModelColumn = _options.ModelColumn, CountColumn = _options.CountColumn, HostColumn = _options.HostColumn, Host = _options.Host,
        });
        var resolutions = new ResolutionCache(_catalog);
        var results = new List<ScannedModel>();
        var byId = new Dictionary<string, ScannedModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in reader.ReadFile(path, displayName, token))
        {
            if (entry.Problem is not null) sink.Problem(entry.Problem);
            if (entry.Warning is not null) sink.Warning(entry.Warning);
            if (entry.Info is not null) sink.Verbose(entry.Info);
            if (entry.Item is not { Model: { } model } item) continue;
            var resolution = resolutions.Resolve(model, out _);
            if (resolution is null) continue;
            if (!byId.TryGetValue(model, out var scanned))
            {
                scanned = new ScannedModel(resolution, item.Source ?? new SourceLocation(displayName, 0));
                byId[model] = scanned;
                results.Add(scanned);
            }
            scanned.Units += item.Count;
            scanned.Rows++;
        }
        Rows = reader.Stats.Records;
        Skipped = reader.Stats.Skipped;
        onProgress?.Invoke(length, length);
        return results;
    }
}
