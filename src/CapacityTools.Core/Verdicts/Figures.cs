using System.Globalization;

namespace CapacityTools.Core.Verdicts;

/// <summary>How explanations write figures: invariant, grouped, percentages with one decimal.</summary>
internal static class Figures
{
    public static string Whole(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Decimal(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
