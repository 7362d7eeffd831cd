namespace CapacityTools.Core.Economy;

/// <summary>Which figure of an amount a comparison is for.</summary>
public enum AmountBound
{
    /// <summary>A single figure.</summary>
    Point,
    /// <summary>The low end of a range.</summary>
    Low,
    /// <summary>The high end of a range.</summary>
    High,
}

/// <summary>An economy next to an amount, with the amount as a share of its GDP.</summary>
public sealed class MarketNeighbour
{
    public int Rank { get; init; }
    public string Iso3 { get; init; } = "";
    public string Country { get; init; } = "";
    public double GdpUsd { get; init; }
    public GdpStatus Status { get; init; }
    /// <summary>The amount divided by the economy's GDP (0.87 = 87 % of it).</summary>
    public double Ratio { get; init; }

    public override string ToString() => $"{Country} ({Money.Format(GdpUsd)})";
}

/// <summary>Where an amount would rank among the economies of a year, in one edition.</summary>
public sealed class MarketComparison
{
    public string Label { get; init; } = "";
    public AmountBound Bound { get; init; }
    public double AmountUsd { get; init; }
    public int Year { get; init; }
    public string Edition { get; init; } = "";
    public GdpSource Source { get; init; }
    /// <summary>The rank the amount would take among the year's economies (1 = larger than all); equal to a tied economy's rank; EconomiesRanked + 1 below all of them (shown as "below N").</summary>
    public int Rank { get; init; }
    /// <summary>How many economies have a value for the year (country groups are never ranked).</summary>
    public int EconomiesRanked { get; init; }
    /// <summary>The smallest economy larger than the amount; null above the largest.</summary>
    public MarketNeighbour? Above { get; init; }
    /// <summary>The largest economy smaller than the amount; null below the smallest.</summary>
    public MarketNeighbour? Below { get; init; }
    /// <summary>Economies whose GDP equals the amount exactly (rare).</summary>
    public DisplayList<MarketNeighbour> TiedWith { get; init; } = [];
    /// <summary>The economies closest to the amount (by ratio), largest first.</summary>
    public DisplayList<MarketNeighbour> Nearest { get; init; } = [];
    /// <summary>The amount as a fraction of the publisher's World GDP (0.0072 = 0.72 %); null when the edition has no World figure.</summary>
    public double? ShareOfWorld { get; init; }
    public double? WorldGdpUsd { get; init; }
    /// <summary>What most of the year's figures are: Actual, Estimate or Projection.</summary>
    public GdpStatus Status { get; init; }
    public DisplayList<string> Notes { get; init; } = [];
    /// <summary>The amount as given, e.g. "$6-13 trillion".</summary>
    public string AmountText { get; init; } = "";

    public override string ToString() => Rank > EconomiesRanked
        ? $"{Label}: {Money.Format(AmountUsd)} is below all {EconomiesRanked} economies in {Year} ({Edition})"
        : $"{Label}: {Money.Format(AmountUsd)} would rank {Rank} among {EconomiesRanked} economies in {Year} ({Edition})";
}
