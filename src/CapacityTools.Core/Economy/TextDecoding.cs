using System.Text;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Decodes a user's data file whatever its encoding: a byte order mark wins; without one, UTF-16 is
/// recognised by its zero bytes (the IMF's classic WEO files are UTF-16LE in recent editions), valid
/// UTF-8 is UTF-8, and anything else is read as Latin-1 (older WEO files).
/// </summary>
internal static class TextDecoding
{
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return (new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16LE");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16BE");

        var sample = Math.Min(bytes.Length, 4096) & ~1;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample; i++)
        {
            if (bytes[i] != 0) continue;
            if (i % 2 == 0) zeroEven++;
            else zeroOdd++;
        }
        if (sample > 0 && zeroOdd > sample / 8 && zeroOdd > 4 * zeroEven) return (Encoding.Unicode.GetString(bytes), "UTF-16LE");
        if (sample > 0 && zeroEven > sample / 8 && zeroEven > 4 * zeroOdd) return (Encoding.BigEndianUnicode.GetString(bytes), "UTF-16BE");

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(28591).GetString(bytes), "Latin-1");
        }
    }
}
