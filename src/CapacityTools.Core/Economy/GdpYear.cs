namespace CapacityTools.Core.Economy;

/// <summary>The figures of one year of one edition: economies ranked by GDP, aggregates apart.</summary>
public sealed class GdpYear
{
    private readonly Dictionary<string, GdpFigure> _byIso3;

    internal GdpYear(int year, IEnumerable<GdpFigure> figures, IReadOnlyList<Economy> editionEconomies, string? worldIso3)
    {
        Year = year;
        var all = figures.ToList();
        _byIso3 = all.ToDictionary(f => f.Economy.Iso3, StringComparer.OrdinalIgnoreCase);
        // Largest first; equal values in name order so the output is stable.
        Ranked = all.Where(f => !f.Economy.IsAggregate)
            .OrderByDescending(f => f.Usd).ThenBy(f => f.Economy.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        for (var i = 0; i < Ranked.Count; i++)
        {
            // Standard competition ranking: ties share the better rank.
            Ranked[i].Rank = i > 0 && Ranked[i].Usd == Ranked[i - 1].Usd ? Ranked[i - 1].Rank : i + 1;
        }
        Aggregates = all.Where(f => f.Economy.IsAggregate).OrderByDescending(f => f.Usd).ToArray();
        World = worldIso3 is not null && _byIso3.TryGetValue(worldIso3, out var world) ? world : null;
        Missing = editionEconomies.Where(e => !e.IsAggregate && !_byIso3.ContainsKey(e.Iso3)).ToArray();

        var counts = Ranked.GroupBy(f => f.Status).ToDictionary(g => g.Key, g => g.Count());
        StatusCounts = counts;
        Status = Ranked.Count == 0 ? GdpStatus.Actual : counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).First().Key;
    }

    public int Year { get; }

    /// <summary>Economies with a value this year, largest GDP first (aggregates excluded).</summary>
    public IReadOnlyList<GdpFigure> Ranked { get; }

    /// <summary>Country groups with a value this year.</summary>
    public IReadOnlyList<GdpFigure> Aggregates { get; }

    /// <summary>The publisher's World aggregate (IMF G001, World Bank WLD), if the edition has one.</summary>
    public GdpFigure? World { get; }

    /// <summary>Economies of the edition that have no value for this year (never counted as zero).</summary>
    public IReadOnlyList<Economy> Missing { get; }

    /// <summary>The status most of the ranked economies' figures have this year.</summary>
    public GdpStatus Status { get; }

    /// <summary>How many ranked figures have each status.</summary>
    public IReadOnlyDictionary<GdpStatus, int> StatusCounts { get; }

    /// <summary>The warning a ranking against this year needs when its figures are projections; null for outturns.</summary>
    public string? ProjectionWarning(string edition) => Status != GdpStatus.Projection ? null
        : $"The {Year.ToString(System.Globalization.CultureInfo.InvariantCulture)} figures of {edition} are projections ({StatusCounts[GdpStatus.Projection].ToString(System.Globalization.CultureInfo.InvariantCulture)} of {Ranked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} economies), not outturns: the ranking is a forecast.";

    public GdpFigure? Get(string iso3) => _byIso3.TryGetValue(iso3, out var figure) ? figure : null;
}
