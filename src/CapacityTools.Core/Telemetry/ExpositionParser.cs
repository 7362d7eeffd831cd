using System.Globalization;
using System.IO;
using System.Text;

namespace CapacityTools.Core.Telemetry;

/// <summary>One sample line of the Prometheus text exposition format.</summary>
internal sealed class ExpositionSample
{
    public string Name { get; set; } = "";
    /// <summary>Labels in the order written; names are compared ordinally (Prometheus label names are case-sensitive).</summary>
    public List<KeyValuePair<string, string>> Labels { get; } = [];
    public double Value { get; set; }
    /// <summary>Milliseconds since the epoch, when the line carries a timestamp.</summary>
    public long? TimestampMs { get; set; }
    public long Line { get; set; }

    public string? Label(string name)
    {
        foreach (var pair in Labels)
            if (string.Equals(pair.Key, name, StringComparison.Ordinal)) return pair.Value;
        return null;
    }
}

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4) line by line, in constant memory:
/// <c>metric_name{label="value",...} value [timestamp]</c>, with <c># HELP</c>/<c># TYPE</c> and other comments
/// skipped, label values unescaped (<c>\\</c>, <c>\"</c>, <c>\n</c>), values as Go floats (<c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>)
/// and optional integer millisecond timestamps. A malformed line is reported through <see cref="Error"/> and skipped.
/// </summary>
internal sealed class ExpositionParser
{
    private readonly TextReader _reader;
    private readonly StringBuilder _buffer = new();

    private readonly char[] _block = new char[65536];
    private readonly StringBuilder _line = new();
    private readonly int _maxLine;
    private int _position;
    private int _filled;

    public ExpositionParser(TextReader reader, int maxLineLength = int.MaxValue)
    {
        _reader = reader;
        _maxLine = maxLineLength;
    }

    /// <summary>The length of the last line read when it was over the limit and refused unread; else null.</summary>
    public long? TooLong { get; private set; }

    /// <summary>The current line number (1-based) of the last line read.</summary>
    public long Line { get; private set; }
    /// <summary>Characters read so far (for progress).</summary>
    public long Characters { get; private set; }
    /// <summary>Why the last line given to <see cref="TryParseLine"/> was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>The next sample, or null at the end. A malformed line gives a sample-less result: check <see cref="Error"/>.</summary>
    public bool Next(ExpositionSample sample, out bool malformed)
    {
        malformed = false;
        string? line;
        while ((line = ReadLine()) is not null)
        {
            Line++;
            if (TooLong is not null)
            {
                Error = "the line is longer than any real exposition line";
                malformed = true;
                return true;
            }
            if (TryParseLine(line, sample, out var isSample))
            {
                if (isSample) return true;
                continue;
            }
            malformed = true;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The next line without its end (LF or CRLF), or null at the end of the text. A line over the limit is
    /// skipped without being held in memory: it comes back empty with <see cref="TooLong"/> set.
    /// </summary>
    private string? ReadLine()
    {
        _line.Clear();
        TooLong = null;
        long length = 0;
        var any = false;
        while (true)
        {
            if (_position == _filled)
            {
                _filled = _reader.Read(_block, 0, _block.Length);
                _position = 0;
                if (_filled == 0) break;
            }
            any = true;
            var newline = Array.IndexOf(_block, '\n', _position, _filled - _position);
            var end = newline < 0 ? _filled : newline;
            var count = end - _position;
            length += count;
            Characters += count;
            if (length > _maxLine) _line.Clear();
            else _line.Append(_block, _position, count);
            _position = end;
            if (newline < 0) continue;
            _position++;
            Characters++;
            break;
        }
        if (!any) return null;
        if (length > _maxLine)
        {
            TooLong = length;
            return "";
        }
        if (_line.Length > 0 && _line[_line.Length - 1] == '\r') _line.Length--;
        return _line.ToString();
    }

    /// <summary>Parses one line: true with <paramref name="isSample"/> false for blank lines and comments; false when malformed.</summary>
    public bool TryParseLine(string line, ExpositionSample sample, out bool isSample)
    {
        isSample = false;
        Error = null;
        var i = SkipBlanks(line, 0);
        if (i == line.Length || line[i] == '#') return true;
        sample.Labels.Clear();
        sample.TimestampMs = null;
        sample.Line = Line;
        var start = i;
        if (!IsNameStart(line[i], colon: true)) return Fail("a metric name must start with a letter, '_' or ':'");
        while (i < line.Length && IsNameChar(line[i], colon: true)) i++;
        sample.Name = line.Substring(start, i - start);
        i = SkipBlanks(line, i);
        if (i < line.Length && line[i] == '{')
        {
            i = SkipBlanks(line, i + 1);
            while (true)
            {
                if (i >= line.Length) return Fail("the label set is not closed with '}'");
                if (line[i] == '}') { i++; break; }
                start = i;
                if (!IsNameStart(line[i], colon: false)) return Fail($"a label name is expected at column {i + 1}");
                while (i < line.Length && IsNameChar(line[i], colon: false)) i++;
                var name = line.Substring(start, i - start);
                i = SkipBlanks(line, i);
                if (i >= line.Length || line[i] != '=') return Fail($"'=' is expected after the label '{name}'");
                i = SkipBlanks(line, i + 1);
                if (i >= line.Length || line[i] != '"') return Fail($"the value of the label '{name}' must be in double quotes");
                i++;
                _buffer.Clear();
                while (true)
                {
                    if (i >= line.Length) return Fail($"the value of the label '{name}' is not closed with '\"'");
                    var c = line[i++];
                    if (c == '"') break;
                    if (c != '\\') { _buffer.Append(c); continue; }
                    if (i >= line.Length) return Fail($"the value of the label '{name}' ends in a lone '\\'");
                    var e = line[i++];
                    switch (e)
                    {
                        case '\\': _buffer.Append('\\'); break;
                        case '"': _buffer.Append('"'); break;
                        case 'n': _buffer.Append('\n'); break;
                        default: _buffer.Append('\\').Append(e); break; // the format keeps unknown escapes as written
                    }
                }
                sample.Labels.Add(new KeyValuePair<string, string>(name, _buffer.ToString()));
                i = SkipBlanks(line, i);
                if (i < line.Length && line[i] == ',') i = SkipBlanks(line, i + 1);
                else if (i >= line.Length || line[i] != '}') return Fail($"',' or '}}' is expected after the label '{name}'");
            }
        }
        i = SkipBlanks(line, i);
        start = i;
        while (i < line.Length && line[i] != ' ' && line[i] != '\t') i++;
        if (start == i) return Fail($"the sample '{sample.Name}' has no value");
        if (!TryParseValue(line.Substring(start, i - start), out var value)) return Fail($"'{line.Substring(start, i - start)}' is not a number");
        sample.Value = value;
        i = SkipBlanks(line, i);
        if (i < line.Length)
        {
            start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t') i++;
            if (!long.TryParse(line.Substring(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts))
                return Fail($"the timestamp '{line.Substring(start, i - start)}' is not whole milliseconds");
            sample.TimestampMs = ts;
            if (SkipBlanks(line, i) < line.Length) return Fail("there is text after the timestamp");
        }
        isSample = true;
        return true;
    }

    /// <summary>A Prometheus float: Go's syntax, with NaN and (+/-)Inf in any case.</summary>
    public static bool TryParseValue(string text, out double value)
    {
        switch (text.ToUpperInvariant())
        {
            case "NAN": value = double.NaN; return true;
            case "+INF": case "INF": value = double.PositiveInfinity; return true;
            case "-INF": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private bool Fail(string why)
    {
        Error = why;
        return false;
    }

    private static int SkipBlanks(string line, int i)
    {
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
        return i;
    }

    private static bool IsNameStart(char c, bool colon) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' || (colon && c == ':');

    private static bool IsNameChar(char c, bool colon) => IsNameStart(c, colon) || c is >= '0' and <= '9';
}
