using System.IO;
using System.Text;
using CsvHelper;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// The input of one read, as each kind of reader wants it: a CSV reader (streamed), the whole text, its lines
/// (each bounded in length), or its UTF-8 bytes (for the JSON readers). A file is decoded through
/// <see cref="TextDecoder"/>; pipeline text is already a string.
/// </summary>
internal sealed class InventorySource
{
    private readonly string? _path;
    private readonly TextEncodingInfo? _encoding;
    private string? _text;

    private InventorySource(string name, string? path, TextEncodingInfo? encoding, string? text)
    {
        Name = name;
        _path = path;
        _encoding = encoding;
        _text = text;
    }

    public static InventorySource FromFile(string path, string name, TextEncodingInfo encoding) => new(name, path, encoding, null);

    public static InventorySource FromText(string text, string name) => new(name, null, null, text);

    public string Name { get; }

    /// <summary>A streaming CSV reader over the input (transcoded to UTF-8 when the file is not).</summary>
    public CsvReader OpenCsv(Action<CsvMalformedRecord> onMalformed) => _path is null
        ? CsvReader.FromText(_text!, CsvInventoryReader.Options(onMalformed, null))
        : CsvReader.Create(File.OpenRead(_path), CsvInventoryReader.Options(onMalformed, _encoding!.IsUtf8 ? null : _encoding.Encoding), leaveOpen: false);

    /// <summary>A streaming text reader over the input, in its encoding.</summary>
    public TextReader OpenText() => _path is null ? new StringReader(_text!) : new StreamReader(_path, _encoding!.Encoding, detectEncodingFromByteOrderMarks: true);

    /// <summary>The whole input as text (read once; a file is refused when it is not text or is larger than any tool output).</summary>
    public string Text()
    {
        if (_text is not null) return _text;
        _text = TextDecoder.ReadFile(_path!, Name, out _, out var notText) ?? throw new CapacityException(notText!);
        return _text;
    }

    public byte[] Utf8() => Encoding.UTF8.GetBytes(Text());

    /// <summary>The lines of the input; a line over <see cref="InventoryReader.MaxLineLength"/> is blanked and reported, so no reader works on it.</summary>
    public string[] Lines(ReadContext context)
    {
        var lines = Text().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length <= InventoryReader.MaxLineLength) continue;
            var length = lines[i].Length;
            lines[i] = "";
            context.NextRecord();
            context.Fail(InventoryReader.TooLong("line", length, InventoryReader.MaxLineLength), i + 1);
        }
        return lines;
    }
}
