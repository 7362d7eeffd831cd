using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>Short, invariant renderings of dollar amounts for messages and ToString ("$914.6 bn").</summary>
public static class Money
{
    public static string Format(double usd)
    {
        var abs = Math.Abs(usd);
        return abs switch
        {
            >= 1e12 => string.Format(CultureInfo.InvariantCulture, "${0:0.##} tn", usd / 1e12),
            >= 1e9 => string.Format(CultureInfo.InvariantCulture, "${0:0.#} bn", usd / 1e9),
            >= 1e6 => string.Format(CultureInfo.InvariantCulture, "${0:0.#} mn", usd / 1e6),
            _ => string.Format(CultureInfo.InvariantCulture, "${0:#,0.##}", usd),
        };
    }
}
