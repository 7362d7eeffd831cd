using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;

namespace CapacityTools.Core.Data;

/// <summary>One data row of a headed CSV file, with the line it starts on.</summary>
public sealed class CsvRecord
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly string?[] _fields;

    internal CsvRecord(IReadOnlyDictionary<string, int> columns, string?[] fields, SourceLocation location)
    {
        _columns = columns;
        _fields = fields;
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>The trimmed field of the named column, or null when the column is absent or the field empty.</summary>
    public string? Get(string column)
    {
        if (!_columns.TryGetValue(column, out var i) || i >= _fields.Length) return null;
        var value = _fields[i]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>An invariant-culture number, null when empty; a <see cref="FormatException"/> names the column otherwise.</summary>
    public double? GetDouble(string column)
    {
        var text = Get(column);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value))
            return value;
        throw new FormatException($"{column} '{text}' is not a number (use digits with a dot for decimals, e.g. 989.4).");
    }
}

/// <summary>Reads small, headed CSV files (seeds and user-supplied reference data) with CsvHelper.</summary>
public static class CsvRecords
{
    /// <summary>The header names of the stream's first line, and every data row after it.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows) Read(Stream stream, string sourceName)
    {
        var options = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true };
        return Read(CsvReader.Create(stream, options, leaveOpen: false), sourceName, 0);
    }

    /// <summary>
    /// A user's file, strictly: a quote that is not closed on its line (or any other malformed record) is reported
    /// through <paramref name="onMalformed"/> with its line, and never swallows the rows after it.
    /// </summary>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows) ReadStrict(TextReader text, string sourceName, Action<Problem> onMalformed)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',', TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
            MaxRecordSize = 65536,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => onMalformed(new Problem(ErrorIds.MalformedCsvRecord, ProblemKind.InvalidData,
                $"The row is malformed ({record.Reason}) and was skipped: {SafeText.Quote(record.RawRecord, 120)}", record.RawRecord,
                new SourceLocation(sourceName, record.LineNumber),
                "Close every quote on its own line and give every row the header's columns.")),
        };
        return Read(CsvReader.Create(text, options, leaveOpen: false), sourceName, 0);
    }

    /// <summary>
    /// The same over decoded text (any encoding the caller detected), with another separator (tab for the
    /// IMF's classic WEO files) and the number of lines the caller already consumed, so reported line
    /// numbers stay those of the file.
    /// </summary>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows) Read(TextReader text, string sourceName, char separator, int linesBefore)
    {
        var options = new CsvReaderOptions { Separator = separator, TrackLineNumbers = true };
        return Read(CsvReader.Create(text, options, leaveOpen: false), sourceName, linesBefore);
    }

    private static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows) Read(CsvReader reader, string sourceName, int linesBefore)
    {
        reader.ReadHeader();
        var header = reader.Headers;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!columns.ContainsKey(name)) columns[name] = i;
        }
        return (header, Rows(reader, columns, sourceName, linesBefore));
    }

    private static IEnumerable<CsvRecord> Rows(CsvReader reader, IReadOnlyDictionary<string, int> columns, string sourceName, int linesBefore)
    {
        using (reader)
        {
            while (reader.Read())
            {
                var fields = new string?[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
                yield return new CsvRecord(columns, fields, new SourceLocation(sourceName, reader.LineNumber + linesBefore));
            }
        }
    }
}
