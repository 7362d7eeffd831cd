using System.Runtime.CompilerServices;
using System.Text;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// The form names are compared in: letters and digits only, lower-cased invariantly, so that
/// "NVIDIA A100-SXM4-80GB", "nvidia_a100_sxm4_80gb" and "NVIDIA-A100-SXM4-80GB" are one name.
/// </summary>
public static class NameKey
{
    [MethodImpl(JitNow.Optimized)]
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text!.Length);
        foreach (var c in text)
        {
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
                else if (c is >= 'A' and <= 'Z') sb.Append((char)(c + 32));
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>The words of a name (runs of letters and digits), lower-cased.</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words.ToArray();
    }

    /// <summary>A bit per letter and digit the key holds (a-z, 0-9), for a cheap lower bound on <see cref="Distance(string, string)"/>.</summary>
    public static ulong CharacterMask(string key)
    {
        ulong mask = 0;
        foreach (var c in key)
        {
            if (c is >= 'a' and <= 'z') mask |= 1UL << (c - 'a');
            else if (c is >= '0' and <= '9') mask |= 1UL << (26 + c - '0');
        }
        return mask;
    }

    public static int BitCount(ulong value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1) count++;
        return count;
    }

    /// <summary>Levenshtein distance, for suggestions.</summary>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue - 1);

    /// <summary>Levenshtein distance, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    [MethodImpl(JitNow.Optimized)]
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (current[j] < rowMin) rowMin = current[j];
            }
            if (rowMin > max) return max + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
