using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// The one rule for a GPU (or instance, or node) count, on every route: CSV cells, the bulk scan's bytes,
/// pipeline objects of any .NET type, Kubernetes labels and capacity, Slurm gres. A count is a whole number
/// from 0 to <see cref="MaxPerRow"/>; anything else (negative, fractional, NaN, infinite, overflowing, empty
/// where a count is required, or text a decimal comma makes ambiguous) is a problem and never counts.
/// </summary>
public static class GpuCount
{
    /// <summary>The largest count one row may hold; more is taken for a typo or a wrong column.</summary>
    public const double MaxPerRow = 10_000_000;

    private const string Action =
        "Give the number of GPUs (or instances) as a whole number from 0 to 10,000,000, without a decimal part or separators other than 1,000-style groups, or pick the right column with -CountColumn.";

    /// <summary>Parses a count written as text; on failure says what is wrong with it (the caller adds the location).</summary>
    public static bool TryParse(string? text, out double count, [NotNullWhen(false)] out Problem? problem)
    {
        count = 0;
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            problem = new Problem(ErrorIds.MissingGpuCount, ProblemKind.InvalidData, "The count is empty.", text, recommendedAction: Action);
            return false;
        }
        if (t.Length > 64)
        {
            problem = Invalid(t, "is not a number");
            return false;
        }
        if (t.IndexOf(',') >= 0)
        {
            // "1,024" and "10,000,000" are groups of thousands; "8,5" and "8,0" are decimal commas that read as 85 and 80.
            if (!IsThousandsGrouped(t, ','))
            {
                problem = Invalid(t, "has a comma that is not a 1,000-style group separator; it may be a decimal comma (8,5) and could be read two ways");
                return false;
            }
            t = t.Replace(",", "");
        }
        else if (IsThousandsGrouped(t, '.') && t.IndexOf('.') > 0 && t.Length - t.IndexOf('.') == 4)
        {
            // "1.000" is one in English and a thousand in German.
            problem = Invalid(t, "could be read two ways (1.000 is 1 with a decimal point, 1000 with a German group separator)");
            return false;
        }
        if (!double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out count))
        {
            problem = Invalid(t, t.Equals("NaN", StringComparison.OrdinalIgnoreCase) || t.IndexOf("Infinity", StringComparison.OrdinalIgnoreCase) >= 0
                ? "is not a finite number" : "is not a number");
            count = 0;
            return false;
        }
        return Check(count, t, out problem);
    }

    /// <summary>As <see cref="TryParse(string?, out double, out Problem?)"/>, for the UTF-8 bytes of a CSV field, without allocating for plain digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double count, [NotNullWhen(false)] out Problem? problem)
    {
        // The common cell: one digit.
        if (utf8.Length == 1 && (uint)(utf8[0] - (byte)'0') <= 9)
        {
            count = utf8[0] - (byte)'0';
            problem = null;
            return true;
        }
        while (utf8.Length > 0 && (utf8[0] == (byte)' ' || utf8[0] == (byte)'\t')) utf8 = utf8.Slice(1);
        while (utf8.Length > 0 && (utf8[utf8.Length - 1] == (byte)' ' || utf8[utf8.Length - 1] == (byte)'\t')) utf8 = utf8.Slice(0, utf8.Length - 1);
        // Up to seven digits cannot pass the ceiling; anything longer or not all digits takes the full rule.
        if (utf8.Length is > 0 and <= 7)
        {
            var value = 0;
            var digits = true;
            foreach (var b in utf8)
            {
                var d = b - (byte)'0';
                if ((uint)d > 9) { digits = false; break; }
                value = value * 10 + d;
            }
            if (digits)
            {
                count = value;
                problem = null;
                return true;
            }
        }
        return TryParse(Encoding.UTF8.GetString(utf8.Slice(0, Math.Min(utf8.Length, 256)).ToArray()) + (utf8.Length > 256 ? "..." : ""), out count, out problem);
    }

    /// <summary>
    /// A count from a pipeline object's property, whatever its .NET type: the same rule for an int, a double, a
    /// decimal and the same value as text. Null (a ragged Import-Csv row) is a missing count, never 1.
    /// </summary>
    public static bool TryFromValue(object? value, out double count, [NotNullWhen(false)] out Problem? problem)
    {
        count = 0;
        switch (value)
        {
            case null:
                problem = new Problem(ErrorIds.MissingGpuCount, ProblemKind.InvalidData, "The count is missing (null).", null, recommendedAction: Action);
                return false;
            case string s:
                return TryParse(s, out count, out problem);
            case bool:
                problem = Invalid(value.ToString()!, "is a true/false value, not a number");
                return false;
            case double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                count = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return Check(count, Convert.ToString(value, CultureInfo.InvariantCulture)!, out problem);
            case IConvertible convertible:
                return TryParse(convertible.ToString(CultureInfo.InvariantCulture), out count, out problem);
            default:
                problem = Invalid(value.ToString() ?? value.GetType().Name, "is not a number");
                return false;
        }
    }

    /// <summary>Checks a count that is already a number (a JSON value, a parsed field).</summary>
    public static bool Check(double count, string text, [NotNullWhen(false)] out Problem? problem)
    {
        problem = null;
        if (double.IsNaN(count) || double.IsInfinity(count)) problem = Invalid(text, "is not a finite number");
        else if (count < 0) problem = Invalid(text, "is negative");
        else if (count != Math.Floor(count)) problem = Invalid(text, "is not a whole number");
        else if (count > MaxPerRow) problem = Invalid(text, $"is more than {MaxPerRow.ToString("N0", CultureInfo.InvariantCulture)} in one row, which looks like a typo or a wrong column");
        return problem is null;
    }

    /// <summary>
    /// Checks a count already derived by a reader (an inventory item's GPUs, where MIG slices and vGPU profiles
    /// make fractions of a GPU): finite, not negative, not above the ceiling.
    /// </summary>
    public static bool CheckDerived(double count, string? model, [NotNullWhen(false)] out Problem? problem)
    {
        var text = count.ToString("R", CultureInfo.InvariantCulture);
        problem = null;
        if (double.IsNaN(count) || double.IsInfinity(count)) problem = Invalid(text, "is not a finite number");
        else if (count < 0) problem = Invalid(text, "is negative");
        else if (count > MaxPerRow) problem = Invalid(text, $"is more than {MaxPerRow.ToString("N0", CultureInfo.InvariantCulture)} in one row, which looks like a typo or a wrong column");
        if (problem is not null && model is not null) problem = problem.For(model);
        return problem is null;
    }

    private static Problem Invalid(string text, string why) =>
        new(ErrorIds.InvalidGpuCount, ProblemKind.InvalidData, $"The count '{SafeText.Quote(text, 64)}' {why}.", text, recommendedAction: Action);

    // "1,024", "10,000,000" (or with '.'): one to three digits, then groups of exactly three.
    private static bool IsThousandsGrouped(string text, char separator)
    {
        var groups = text.Split(separator);
        if (groups[0].Length is < 1 or > 3 || !AllDigits(groups[0])) return false;
        for (var i = 1; i < groups.Length; i++)
            if (groups[i].Length != 3 || !AllDigits(groups[i])) return false;
        return groups.Length > 1;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }
}
