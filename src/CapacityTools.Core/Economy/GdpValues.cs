using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>How the publishers' files write numbers, gaps and scales; all invariant-culture.</summary>
internal static class GdpValues
{
    private static readonly HashSet<string> s_missing = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "n/a", "na", "n.a.", "--", "-", "..", "...", "no data", "nan", "null",
    };

    /// <summary>True when the cell says "no value" in one of the publishers' ways (never read as zero).</summary>
    public static bool IsMissing(string? text) => text is null || s_missing.Contains(text.Trim());

    /// <summary>
    /// Parses a figure. <paramref name="thousands"/> allows commas between groups of three digits
    /// ("29,298.025", as the classic WEO files print them). Returns false for text that is not a number.
    /// </summary>
    public static bool TryParse(string text, bool thousands, out double value)
    {
        var s = text.Trim();
        if (thousands && s.IndexOf(',') >= 0)
        {
            if (!HasValidGroups(s)) { value = 0; return false; }
            s = s.Replace(",", "");
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    /// <summary>A four-digit year, or the leading year of a fiscal-year string such as "FY2024/25".</summary>
    public static int? ParseYear(string? text)
    {
        if (text is null) return null;
        var s = text.Trim();
        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase) || s.StartsWith("SY", StringComparison.OrdinalIgnoreCase)) s = s.Substring(2);
        if (s.Length < 4) return null;
        return int.TryParse(s.Substring(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
            && (s.Length == 4 || !Ascii.IsDigit(s[4])) ? year : null;
    }

    /// <summary>True for a column named like a year ("1980", "2030").</summary>
    public static bool IsYearColumn(string name, out int year) =>
        int.TryParse(name.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && name.Trim().Length == 4 && year is >= 1900 and <= 2100;

    /// <summary>The factor of a scale word: Units 1, Thousands 1e3, Millions 1e6, Billions 1e9, Trillions 1e12.</summary>
    public static double? ScaleFactor(string? scale)
    {
        var s = scale?.Trim() ?? "";
        if (s.Length == 0 || s.Equals("Units", StringComparison.OrdinalIgnoreCase) || s.Equals("Unit", StringComparison.OrdinalIgnoreCase)) return 1;
        if (s.StartsWith("Thousand", StringComparison.OrdinalIgnoreCase)) return 1e3;
        if (s.StartsWith("Million", StringComparison.OrdinalIgnoreCase)) return 1e6;
        if (s.StartsWith("Billion", StringComparison.OrdinalIgnoreCase)) return 1e9;
        if (s.StartsWith("Trillion", StringComparison.OrdinalIgnoreCase)) return 1e12;
        return null;
    }

    private static bool HasValidGroups(string s)
    {
        var point = s.IndexOf('.');
        var integer = point >= 0 ? s.Substring(0, point) : s;
        if (integer.StartsWith("-", StringComparison.Ordinal)) integer = integer.Substring(1);
        var groups = integer.Split(',');
        if (groups[0].Length is < 1 or > 3) return false;
        for (var i = 1; i < groups.Length; i++) if (groups[i].Length != 3) return false;
        return point < 0 || s.IndexOf(',', point) < 0;
    }
}
