using System.Globalization;
using System.Text;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// The rules for a count read from a file: a whole number above zero and not absurdly large. One
/// place for the CSV importer, the bulk readers and the pipeline's text cells.
/// </summary>
public static class GpuCount
{
    /// <summary>The largest count one row may hold; more is taken for a typo or a wrong column.</summary>
    public const double MaxPerRow = 10_000_000;

    /// <summary>Parses a count; on failure says what is wrong with it (the caller adds the location).</summary>
    public static bool TryParse(string? text, out double count, out Problem? problem)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > 0 && trimmed.Length <= 9 && AllDigits(trimmed))
        {
            count = int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
            return Check(count, trimmed, out problem);
        }
        if (!double.TryParse(trimmed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count))
        {
            problem = Invalid(trimmed, trimmed.Length == 0 ? "is empty" : "is not a number");
            count = 0;
            return false;
        }
        return Check(count, trimmed, out problem);
    }

    /// <summary>As <see cref="TryParse(string?, out double, out Problem?)"/>, for the UTF-8 bytes of a CSV field, without allocating for plain digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double count, out Problem? problem)
    {
        // The common cell: one digit from 1 to 9.
        if (utf8.Length == 1 && (uint)(utf8[0] - (byte)'1') <= 8)
        {
            count = utf8[0] - (byte)'0';
            problem = null;
            return true;
        }
        while (utf8.Length > 0 && (utf8[0] == (byte)' ' || utf8[0] == (byte)'\t')) utf8 = utf8.Slice(1);
        while (utf8.Length > 0 && (utf8[utf8.Length - 1] == (byte)' ' || utf8[utf8.Length - 1] == (byte)'\t')) utf8 = utf8.Slice(0, utf8.Length - 1);
        if (utf8.Length is > 0 and <= 9)
        {
            var value = 0;
            var digits = true;
            foreach (var b in utf8)
            {
                var d = b - (byte)'0';
                if ((uint)d > 9) { digits = false; break; }
                value = value * 10 + d;
            }
            if (digits && value > 0)
            {
                count = value;
                problem = null;
                return true;
            }
        }
        return TryParse(Encoding.UTF8.GetString(utf8.ToArray()), out count, out problem);
    }

    private static bool Check(double count, string text, out Problem? problem)
    {
        problem = null;
        if (double.IsNaN(count) || double.IsInfinity(count)) problem = Invalid(text, "is not a finite number");
        else if (count < 0) problem = Invalid(text, "is negative");
        else if (count == 0) problem = Invalid(text, "is zero, so the row adds nothing");
        else if (count != Math.Floor(count)) problem = Invalid(text, "is not a whole number");
        else if (count > MaxPerRow) problem = Invalid(text, $"is more than {MaxPerRow.ToString("N0", CultureInfo.InvariantCulture)} in one row, which looks like a typo or a wrong column");
        return problem is null;
    }

    private static Problem Invalid(string text, string why) =>
        new("InvalidGpuCount", ProblemKind.InvalidData, $"The count '{text}' {why}.", text,
            recommendedAction: "Give the number of GPUs (or instances) as a whole number above zero, or pick the right column with -CountColumn.");

    private static bool AllDigits(string text)
    {
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }
}
