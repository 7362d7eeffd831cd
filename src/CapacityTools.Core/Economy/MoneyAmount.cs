using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>An amount of money as the user wrote it, a single figure or a range, with its value in US dollars.</summary>
public sealed class MoneyAmount
{
    /// <summary>The text (or number) given.</summary>
    public string Text { get; init; } = "";
    /// <summary>ISO 4217 code (USD when no currency is written, or a bare $), or the symbol for an ambiguous one (¥).</summary>
    public string Currency { get; init; } = "USD";
    /// <summary>The amount, or the low end of a range, in <see cref="Currency"/>.</summary>
    public double Low { get; init; }
    /// <summary>The high end of a range; null for a single figure.</summary>
    public double? High { get; init; }
    /// <summary>The rate applied to convert to US dollars (US dollars per unit); null for amounts in US dollars.</summary>
    public double? UsdPerUnit { get; init; }

    public bool IsRange => High is not null;
    public double LowUsd => Low * (UsdPerUnit ?? 1);
    public double? HighUsd => High * (UsdPerUnit ?? 1);

    public override string ToString() => IsRange
        ? string.Format(CultureInfo.InvariantCulture, "{0}–{1}", Money.Format(LowUsd), Money.Format(HighUsd!.Value))
        : Money.Format(LowUsd);
}
