using System.Globalization;
using System.Text;

namespace CapacityTools.Core;

/// <summary>
/// Makes text from data safe to show: control characters become visible escapes (so no input can write
/// to the user's terminal) and long values are cut. Messages quote values through <see cref="Quote"/>;
/// every <see cref="Problem"/> and warning passes through <see cref="Clean"/> as a last guard.
/// </summary>
public static class SafeText
{
    /// <summary>The most characters of one value a message quotes.</summary>
    public const int MaxQuoted = 200;

    /// <summary>The most characters of a whole message.</summary>
    public const int MaxMessage = 2000;

    /// <summary>A value as a message shows it: control characters escaped, at most <paramref name="max"/> characters, with the full length said when cut.</summary>
    public static string Quote(string? value, int max = MaxQuoted)
    {
        if (value is null) return "";
        if (value.Length <= max && !HasControl(value)) return value;
        var cut = value.Length > max;
        var text = Escape(cut ? value.Substring(0, max) : value);
        return cut ? $"{text}... ({value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)" : text;
    }

    /// <summary>A whole message made safe: control characters other than tab and line feeds escaped, at most <see cref="MaxMessage"/> characters.</summary>
    public static string Clean(string? message)
    {
        if (message is null) return "";
        if (message.Length <= MaxMessage && !HasControl(message, allowLineBreaks: true)) return message;
        var cut = message.Length > MaxMessage;
        var text = Escape(cut ? message.Substring(0, MaxMessage) : message, allowLineBreaks: true);
        return cut ? text + "..." : text;
    }

    private static bool HasControl(string text, bool allowLineBreaks = false)
    {
        foreach (var c in text)
            if (IsUnsafe(c, allowLineBreaks)) return true;
        return false;
    }

    // C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text on a terminal.
    private static bool IsUnsafe(char c, bool allowLineBreaks) =>
        (c < 0x20 && !(allowLineBreaks && c is '\n' or '\r' or '\t')) || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static string Escape(string text, bool allowLineBreaks = false)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c, allowLineBreaks)) sb.Append(c);
            else if (c == '\0') sb.Append("\\0");
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\u001B') sb.Append("\\e");
            else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
