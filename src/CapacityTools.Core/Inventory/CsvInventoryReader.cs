using System.Globalization;
using CapacityTools.Core.Gpu;
using CsvHelper;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads CSV inventories (exports with any column names, cloud instance lists, nvidia-smi --query-gpu
/// output) with CsvHelper, streamed: one item per row, or per model for nvidia-smi's one-GPU-per-row files.
/// </summary>
internal static class CsvInventoryReader
{
    /// <summary>The reader options every inventory CSV uses: auto-detected separator, trimmed fields, bad quoting skipped and reported.</summary>
    public static CsvReaderOptions Options(Action<CsvMalformedRecord> onMalformed, System.Text.Encoding? encoding) => new()
    {
        Encoding = encoding,
        MaxRecordSize = InventoryReader.MaxLineLength,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Skip,
        OnMalformedRecord = onMalformed,
    };

    public static Problem MalformedProblem(CsvMalformedRecord record) =>
        new(ErrorIds.MalformedCsvRecord, ProblemKind.InvalidData,
            $"The record is malformed ({Describe(record.Reason)}) and was skipped: {Shorten(record.RawRecord)}", record.RawRecord,
            recommendedAction: "Quote fields that contain commas or quotes (\"like \"\"this\"\"\") and give every row the header's columns.");

    public static IEnumerable<InventoryEntry> Read(Func<Action<CsvMalformedRecord>, CsvReader> open, ReadContext context)
    {
        var requested = context.Format;
        var malformed = new Queue<CsvMalformedRecord>();
        using var reader = open(malformed.Enqueue);
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        var headerless = HeaderlessModelColumn(headers, context);
        var map = headerless >= 0
            ? new InventoryColumnMap { Model = headerless, Count = -1, Host = -1, MemoryMiB = -1, IsNvidiaSmi = true, Headers = headers }
            : InventoryColumns.Find(headers, context.Options, context.SourceName);
        var format = requested is InventoryFormat.Csv or InventoryFormat.CloudInstances or InventoryFormat.NvidiaSmiCsv ? requested
            : map.IsNvidiaSmi ? InventoryFormat.NvidiaSmiCsv
            : map.ModelIsInstanceType ? InventoryFormat.CloudInstances
            : InventoryFormat.Csv;
        var perGpu = format == InventoryFormat.NvidiaSmiCsv;
        context.Format = format;
        var tally = context.Tally;
        yield return InventoryEntry.Note($"{context.SourceName}: {format}, {map.Describe()}.");
        if (headerless >= 0)
        {
            // "nvidia-smi --query-gpu=name,... --format=csv,noheader": the first line is already a GPU.
            context.NextRecord();
            tally.AddUnits(context.DefaultHost, headers[headerless].Trim(), 1, 1);
        }

        Problem? stopped;
        while (ReadRecord(reader, out stopped))
        {
            context.Stats.Position = reader.ByteOffset;
            if ((context.Stats.Records & 0x3FF) == 0) context.Token.ThrowIfCancellationRequested();
            while (malformed.Count > 0) yield return Skipped(context, malformed.Dequeue());
            context.NextRecord();
            var line = reader.LineNumber;
            var raw = reader.GetString(map.Model)?.Trim() ?? "";
            var units = 1.0;
            if (map.Count >= 0)
            {
                if (!GpuCount.TryParse(reader.GetString(map.Count), out units, out var countProblem))
                {
                    yield return context.Skip(countProblem.WithMessage(
                        $"{countProblem.Message.TrimEnd('.')} for '{SafeText.Quote(raw)}' (column '{SafeText.Quote(headers[map.Count])}').", raw), line);
                    continue;
                }
            }
            var host = map.Host >= 0 ? reader.GetString(map.Host) : null;
            var memory = map.MemoryMiB >= 0 ? LeadingNumber(reader.GetString(map.MemoryMiB)) : null;
            // A MIG device's own UUID ("MIG-…") is not the GPU it is on.
            var parent = map.ParentGpu >= 0 ? reader.GetString(map.ParentGpu)?.Trim() : null;
            if (parent is not null && parent.StartsWith("MIG-", StringComparison.OrdinalIgnoreCase)) parent = null;
            tally.AddUnits(host, raw, units, line, memory, countIsGpus: map.CountIsGpus, parentGpu: parent);
            if (!perGpu)
            {
                foreach (var entry in tally.Drain()) yield return entry;
            }
        }
        while (malformed.Count > 0) yield return Skipped(context, malformed.Dequeue());
        if (stopped is not null)
        {
            context.NextRecord();
            yield return context.Skip(stopped, reader.LineNumber + 1);
        }
    }

    /// <summary>
    /// The next record; false at the end, or with a problem when a record runs past <see cref="InventoryReader.MaxLineLength"/>
    /// (an unclosed quote, a file that is not CSV), after which nothing more of the file is read.
    /// </summary>
    internal static bool ReadRecord(CsvReader reader, out Problem? problem)
    {
        problem = null;
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException)
        {
            problem = new Problem(ErrorIds.ValueTooLong, ProblemKind.InvalidData,
                "A record is longer than 65,536 bytes (an unclosed quote, or a file that is not CSV); the file was read up to it and no further.", null,
                recommendedAction: "Close the quote, or check that the file is the CSV export you meant.");
            return false;
        }
    }

    /// <summary>
    /// The column of a header-less nvidia-smi CSV (--format=csv,noheader): when no column is named for the
    /// model and a cell of the first line resolves to a GPU, that line is data and that cell's column is the model.
    /// </summary>
    private static int HeaderlessModelColumn(IReadOnlyList<string> firstLine, ReadContext context)
    {
        if (context.Options.ModelColumn is not null || InventoryColumns.NamesAModelColumn(firstLine)) return -1;
        for (var i = 0; i < firstLine.Count; i++)
        {
            if (context.Resolutions.Resolve(firstLine[i].Trim(), out _) is { MatchKind: not MatchKind.InstanceType }) return i;
        }
        return -1;
    }

    private static InventoryEntry Skipped(ReadContext context, CsvMalformedRecord record)
    {
        context.NextRecord();
        return context.Skip(MalformedProblem(record), record.LineNumber);
    }

    /// <summary>The number at the start of a cell such as "81920 MiB"; null for "[N/A]" and the like.</summary>
    internal static double? LeadingNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text!.Trim();
        var end = 0;
        while (end < t.Length && (Ascii.IsDigit(t[end]) || t[end] == '.')) end++;
        return end > 0 && double.TryParse(t.Substring(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        _ => reason.ToString(),
    };

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
