using System.IO;
using System.Text;

namespace CapacityTools.Core;

/// <summary>How a file's bytes were read as text.</summary>
public sealed class TextEncodingInfo
{
    internal TextEncodingInfo(Encoding encoding, string name, int preamble, bool guessed)
    {
        Encoding = encoding;
        Name = name;
        Preamble = preamble;
        Guessed = guessed;
    }

    public Encoding Encoding { get; }
    /// <summary>UTF-8, UTF-16LE, UTF-16BE or Latin-1.</summary>
    public string Name { get; }
    /// <summary>Bytes of byte order mark to skip.</summary>
    public int Preamble { get; }
    /// <summary>True when no byte order mark said it and the encoding was inferred (UTF-16 from its zero bytes, Latin-1 from invalid UTF-8).</summary>
    public bool Guessed { get; }

    public bool IsUtf8 => Name == "UTF-8";

    /// <summary>The warning to show when the encoding was guessed; null otherwise.</summary>
    public string? GuessWarning(string source) => Guessed
        ? $"{source}: read as {Name} (no byte order mark; {(Name == "Latin-1" ? "the bytes are not valid UTF-8" : "inferred from its zero bytes")}). If figures look wrong, save the file as UTF-8."
        : null;
}

/// <summary>
/// The one way every reader (inventory, bulk scan, catalog, GDP) turns a file into text: a byte order mark
/// wins; without one, UTF-16 is recognised by its zero bytes (Windows PowerShell 5.1 and the IMF's WEO files
/// write UTF-16LE), valid UTF-8 is UTF-8, and anything else is read as Latin-1. Bytes that are not text at all
/// (NUL runs, random binary, a device file) are refused from the first few kilobytes, so memory stays bounded.
/// </summary>
public static class TextDecoder
{
    /// <summary>How much of the start of a file decides its encoding.</summary>
    public const int SampleBytes = 16384;

    /// <summary>The encoding of a file from its first bytes; null with a problem when the bytes are not text.</summary>
    public static TextEncodingInfo? Detect(ReadOnlySpan<byte> head, string source, out Problem? problem)
    {
        problem = null;
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return new(new UTF8Encoding(false), "UTF-8", 3, false);
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) return new(Encoding.Unicode, "UTF-16LE", 2, false);
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) return new(Encoding.BigEndianUnicode, "UTF-16BE", 2, false);

        var sample = head.Slice(0, Math.Min(head.Length, SampleBytes) & ~1);
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] != 0) continue;
            if ((i & 1) == 0) zeroEven++;
            else zeroOdd++;
        }
        if (sample.Length > 0 && zeroOdd > sample.Length / 8 && zeroEven * 4 < zeroOdd) return new(Encoding.Unicode, "UTF-16LE", 0, true);
        if (sample.Length > 0 && zeroEven > sample.Length / 8 && zeroOdd * 4 < zeroEven) return new(Encoding.BigEndianUnicode, "UTF-16BE", 0, true);

        var controls = 0;
        foreach (var b in head)
            if (b == 0 || (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A or 0x1B))) controls++;
        // A NUL in 8-bit text, or more control bytes than any real export has: binary, not an inventory. A few stray
        // controls (an escape sequence pasted into a cell) are text, read and escaped wherever they are shown.
        if (head.IndexOf((byte)0) >= 0 || (controls > 8 && controls > head.Length / 100))
        {
            problem = NotText(source);
            return null;
        }
        return IsValidUtf8(head) ? new(new UTF8Encoding(false), "UTF-8", 0, false) : new(Encoding.GetEncoding(28591), "Latin-1", 0, true);
    }

    /// <summary>The first <see cref="SampleBytes"/> bytes of a file (fewer for a short file; a device file gives what it gives).</summary>
    public static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
        var buffer = new byte[SampleBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        if (read == buffer.Length) return buffer;
        var head = new byte[read];
        Array.Copy(buffer, head, read);
        return head;
    }

    /// <summary>Decodes a whole document; null with a problem when it is not text.</summary>
    public static string? Decode(byte[] bytes, string source, out TextEncodingInfo? encoding, out Problem? problem)
    {
        encoding = Detect(bytes.AsSpan(0, Math.Min(bytes.Length, SampleBytes)), source, out problem);
        if (encoding is null) return null;
        var text = encoding.Encoding.GetString(bytes, encoding.Preamble, bytes.Length - encoding.Preamble);
        // A NUL further on than the sample: still not text.
        if (text.IndexOf('\0') >= 0)
        {
            problem = NotText(source);
            return null;
        }
        return text;
    }

    /// <summary>The most a whole-document read takes (the tool outputs and reference files are far smaller).</summary>
    public const long MaxDocumentBytes = 1L << 30;

    /// <summary>Reads a whole file as text; null with a problem when it is not text.</summary>
    /// <exception cref="CapacityException">The file is larger than <see cref="MaxDocumentBytes"/>.</exception>
    public static string? ReadFile(string path, string source, out TextEncodingInfo? encoding, out Problem? problem)
    {
        encoding = null;
        var bytes = ReadBytes(path, source, out problem);
        return bytes is null ? null : Decode(bytes, source, out encoding, out problem);
    }

    /// <summary>
    /// A whole file's bytes, refusing what is not text from its first bytes before reading the rest, and never more
    /// than <see cref="MaxDocumentBytes"/>: a device file such as /dev/zero reports no length and never ends.
    /// </summary>
    public static byte[]? ReadBytes(string path, string source, out Problem? problem)
    {
        if (Detect(ReadHead(path), source, out problem) is null) return null;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536);
        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxDocumentBytes)
                throw new CapacityException(new Problem(ErrorIds.ValueTooLong, ProblemKind.InvalidData,
                    $"{SafeText.Quote(source)} is larger than {MaxDocumentBytes >> 20:N0} MB, more than any tool output or reference file, so it was not read.", source,
                    recommendedAction: "Split the file, or export CSV, which is read as a stream without this limit."));
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    internal static Problem NotText(string source) =>
        new(ErrorIds.NotText, ProblemKind.InvalidData, $"{SafeText.Quote(source)} is not a text file (it holds NUL or other control bytes), so it was not read.", source,
            recommendedAction: "Give a CSV, JSON, XML or text file saved from the tool; if it is compressed, extract it first.");

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int extra = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
            if (extra < 0 || b > 0xF4) return false;
            // A sequence cut by the end of the sample is not evidence against UTF-8.
            if (i + extra >= bytes.Length) return true;
            for (var k = 1; k <= extra; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            i += extra + 1;
        }
        return true;
    }
}
