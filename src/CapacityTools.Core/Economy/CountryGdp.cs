using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>An economy's (or a country group's) GDP for one year, with the edition it comes from.</summary>
public sealed class CountryGdp
{
    public string Iso3 { get; init; } = "";
    public string Country { get; init; } = "";
    public int Year { get; init; }
    /// <summary>GDP in current US dollars (whole dollars).</summary>
    public double GdpUsd { get; init; }
    public GdpStatus Status { get; init; }
    public string Edition { get; init; } = "";
    public GdpSource Source { get; init; }
    /// <summary>Position among the year's economies, 1 for the largest; null for a country group.</summary>
    public int? Rank { get; init; }
    public bool IsAggregate { get; init; }
    /// <summary>The code the publisher uses (KOS, WBG, WLD, ...).</summary>
    public string SourceCode { get; init; } = "";
    /// <summary>The name as the edition spells it.</summary>
    public string SourceName { get; init; } = "";

    internal static CountryGdp From(GdpFigure figure, GdpEdition edition) => new()
    {
        Iso3 = figure.Economy.Iso3,
        Country = figure.Economy.Name,
        Year = figure.Year,
        GdpUsd = figure.Usd,
        Status = figure.Status,
        Edition = edition.Name,
        Source = edition.Source,
        Rank = figure.Economy.IsAggregate ? null : figure.Rank,
        IsAggregate = figure.Economy.IsAggregate,
        SourceCode = figure.SourceCode,
        SourceName = figure.SourceName,
    };

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} ({3})", Country, Year, Money.Format(GdpUsd), Edition);
}
