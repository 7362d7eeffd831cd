using System.IO;
using System.Text;
using CapacityTools.Core.Gpu;
using CsvHelper;

namespace CapacityTools.Core.Inventory;

/// <summary>The rows of one distinct model string in a bulk scan, summed.</summary>
public sealed class ScannedModel
{
    internal ScannedModel(GpuResolution resolution, SourceLocation firstSeen)
    {
        Resolution = resolution;
        FirstSeen = firstSeen;
    }

    public GpuResolution Resolution { get; }
    /// <summary>The units of the rows (GPUs, or instances for an instance type), summed.</summary>
    public double Units { get; internal set; }
    public long Rows { get; internal set; }
    public SourceLocation FirstSeen { get; }
}

/// <summary>
/// The bulk path of Get-GpuEquivalent -Path and Measure-GpuFleet -Path: scans a CSV with CsvHelper in
/// constant memory, without a string or object per row. Each distinct model string (as UTF-8 bytes)
/// is resolved once; counts are parsed from the field's bytes. Bad rows are reported one by one, with
/// their line, and do not count. Columns are recognised by <see cref="InventoryColumns"/>, as on import.
/// </summary>
public sealed class CsvFleetScanner
{
    private const int MaxDistinctNames = 65536;
    private readonly ResolutionCache _resolutions;
    private readonly InventoryOptions _options;

    public CsvFleetScanner(GpuCatalog catalog, InventoryOptions options)
    {
        _resolutions = new ResolutionCache(catalog, MaxDistinctNames);
        _options = options;
    }

    /// <summary>Data rows read by the last scan.</summary>
    public long Rows { get; private set; }
    /// <summary>Rows of the last scan that did not count.</summary>
    public long Skipped { get; private set; }
    /// <summary>
    /// True when the last file names the GPU each MIG slice is on: counting those GPUs once needs per-row state the
    /// scan does not keep, so nothing was scanned and the file is for the item reader.
    /// </summary>
    public bool NeedsItemReader { get; private set; }

    /// <summary>
    /// Scans the CSV file at <paramref name="path"/>. <paramref name="sink"/> gets each bad row as it is met;
    /// <paramref name="onProgress"/> gets the byte offset every few thousand rows. Both run on the calling thread.
    /// </summary>
    /// <exception cref="CapacityException">No column names the model, or a named column is missing.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IReadOnlyList<ScannedModel> Scan(string path, string sourceName, IProblemSink sink, Action<long>? onProgress = null, CancellationToken token = default)
    {
        Rows = 0;
        Skipped = 0;
        var malformed = new List<CsvMalformedRecord>();
        // No line tracking: it costs on every row; the lines of the rows reported are counted on demand.
        using var lines = new LineLocator(path);
        var options = new CsvReaderOptions
        {
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = InventoryReader.MaxLineLength,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.Add,
        };
        using var reader = CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
        reader.ReadHeader();
        var map = InventoryColumns.Find(reader.Headers.ToList(), _options, sourceName);
        NeedsItemReader = map.ParentGpu >= 0;
        if (NeedsItemReader) return [];
        var countIsGpus = map.CountIsGpus;
        sink.Verbose($"{sourceName}: bulk scan, {map.Describe()}.");
        var modelColumn = map.Model;
        var countColumn = map.Count;
        var names = new Utf8NameTable<Slot>(MaxDistinctNames);
        var results = new List<ScannedModel>();
        var byId = new Dictionary<GpuResolution, ScannedModel>();

        Problem? stopped;
        while (CsvInventoryReader.ReadRecord(reader, out stopped))
        {
            var rows = ++Rows;
            if ((rows & 0x3FFF) == 0)
            {
                token.ThrowIfCancellationRequested();
                onProgress?.Invoke(reader.ByteOffset);
            }
            if (malformed.Count > 0) ReportMalformed(malformed, sourceName, lines, sink);

            var units = 1.0;
            if (countColumn >= 0 && !GpuCount.TryParse(reader.GetSpan(countColumn), out units, out var countProblem))
            {
                Skipped++;
                var model = reader.GetString(modelColumn);
                sink.Problem(countProblem.For(model).At(new SourceLocation(sourceName, lines.LineOf(reader.ByteOffset))));
                continue;
            }

            var span = reader.GetSpan(modelColumn);
            var slot = names.Find(span);
            if (slot is null)
            {
                var resolution = _resolutions.Resolve(Decode(span), out var problem);
                slot = new Slot(resolution, problem);
                names.Add(span, slot);
            }
            if (slot.Resolution is null)
            {
                Skipped++;
                sink.Problem(slot.Problem!.At(new SourceLocation(sourceName, lines.LineOf(reader.ByteOffset))));
                continue;
            }
            var scanned = slot.Scanned;
            if (scanned is null)
            {
                if (!byId.TryGetValue(slot.Resolution, out scanned))
                {
                    scanned = new ScannedModel(slot.Resolution, new SourceLocation(sourceName, lines.LineOf(reader.ByteOffset)));
                    byId[slot.Resolution] = scanned;
                    results.Add(scanned);
                }
                slot.Scanned = scanned;
            }
            if (countIsGpus)
            {
                units = CountUnits.ToUnits(slot.Resolution, units, countIsGpus, out var warning);
                if (warning is not null) sink.Warning($"{new SourceLocation(sourceName, lines.LineOf(reader.ByteOffset))}: {warning}");
            }
            scanned.Units += units;
            scanned.Rows++;
        }
        if (malformed.Count > 0) ReportMalformed(malformed, sourceName, lines, sink);
        if (stopped is not null)
        {
            Rows++;
            Skipped++;
            sink.Problem(stopped.At(new SourceLocation(sourceName, lines.LineOf(reader.ByteOffset))));
        }
        onProgress?.Invoke(reader.ByteOffset);
        return results;
    }

    private void ReportMalformed(List<CsvMalformedRecord> malformed, string sourceName, LineLocator lines, IProblemSink sink)
    {
        foreach (var record in malformed)
        {
            Rows++;
            Skipped++;
            sink.Problem(CsvInventoryReader.MalformedProblem(record).At(new SourceLocation(sourceName, lines.LineOf(record.ByteOffset))));
        }
        malformed.Clear();
    }

    private static string Decode(ReadOnlySpan<byte> span) => span.Length == 0 ? "" : Encoding.UTF8.GetString(span.ToArray());

    private sealed class Slot(GpuResolution? resolution, Problem? problem)
    {
        public GpuResolution? Resolution { get; } = resolution;
        public Problem? Problem { get; } = problem;
        public ScannedModel? Scanned { get; set; }
    }
}
