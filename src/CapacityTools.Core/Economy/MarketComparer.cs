using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>Puts an amount among the economies of one year of an edition: rank, neighbours, nearest economies, share of world GDP.</summary>
public static class MarketComparer
{
    /// <summary>The comparisons for an amount: one for a single figure, two (Low, High) for a range.</summary>
    public static IEnumerable<MarketComparison> Compare(GdpEdition edition, GdpYear year, MoneyAmount amount, string? label, int nearest)
    {
        var name = string.IsNullOrWhiteSpace(label) ? amount.Text : label!;
        if (!amount.IsRange)
        {
            yield return Compare(edition, year, amount.LowUsd, AmountBound.Point, name, nearest, amount);
            yield break;
        }
        yield return Compare(edition, year, amount.LowUsd, AmountBound.Low, name, nearest, amount);
        yield return Compare(edition, year, amount.HighUsd!.Value, AmountBound.High, name, nearest, amount);
    }

    public static MarketComparison Compare(GdpEdition edition, GdpYear year, double amountUsd, AmountBound bound, string label, int nearest, MoneyAmount? amount = null)
    {
        var ranked = year.Ranked;
        var larger = CountLarger(ranked, amountUsd);
        var tied = 0;
        while (larger + tied < ranked.Count && ranked[larger + tied].Usd == amountUsd) tied++;

        var notes = new List<string>();
        var above = larger > 0 ? Neighbour(ranked[larger - 1], amountUsd) : null;
        var below = larger + tied < ranked.Count ? Neighbour(ranked[larger + tied], amountUsd) : null;
        if (above is null && ranked.Count > 0) notes.Add($"Larger than every economy in {year.Year.ToString(CultureInfo.InvariantCulture)}, including {ranked[0].Economy.Name} ({Money.Format(ranked[0].Usd)}).");
        if (below is null && ranked.Count > 0) notes.Add($"Smaller than every economy in {year.Year.ToString(CultureInfo.InvariantCulture)}, including {ranked[ranked.Count - 1].Economy.Name} ({Money.Format(ranked[ranked.Count - 1].Usd)}).");
        if (tied > 0) notes.Add($"Equal to the GDP of {string.Join(", ", ranked.Skip(larger).Take(tied).Select(f => f.Economy.Name))}; the amount shares their rank.");

        if (year.StatusCounts.Count > 1)
        {
            var parts = year.StatusCounts.OrderBy(c => c.Key).Select(c => $"{c.Value.ToString(CultureInfo.InvariantCulture)} {c.Key.ToString().ToLowerInvariant()}");
            notes.Add($"The {year.Year.ToString(CultureInfo.InvariantCulture)} figures are mixed: {string.Join(", ", parts)}.");
        }
        if (year.Missing.Count > 0)
        {
            var names = year.Missing.Select(e => e.Name).ToList();
            var list = names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(8)) + $" and {(names.Count - 8).ToString(CultureInfo.InvariantCulture)} more";
            notes.Add($"{names.Count.ToString(CultureInfo.InvariantCulture)} economies of {edition.Name} have no value for {year.Year.ToString(CultureInfo.InvariantCulture)} and are not ranked: {list}.");
        }
        if (amount?.UsdPerUnit is { } rate)
            notes.Add($"Converted from {amount.Currency} at {rate.ToString("0.######", CultureInfo.InvariantCulture)} US dollars per {amount.Currency}.");

        return new MarketComparison
        {
            Label = label,
            Bound = bound,
            AmountUsd = amountUsd,
            AmountText = amount?.Text ?? amountUsd.ToString("R", CultureInfo.InvariantCulture),
            Year = year.Year,
            Edition = edition.Name,
            Source = edition.Source,
            Rank = larger + 1,
            EconomiesRanked = ranked.Count,
            Above = above,
            Below = below,
            TiedWith = ranked.Skip(larger).Take(tied).Select(f => Neighbour(f, amountUsd)).ToList(),
            Nearest = Nearest(ranked, larger, amountUsd, nearest).ToDisplayList(),
            ShareOfWorld = year.World is { } world ? amountUsd / world.Usd : null,
            WorldGdpUsd = year.World?.Usd,
            Status = year.Status,
            Notes = notes,
        };
    }

    /// <summary>How many economies have a GDP strictly larger than the amount (the list is sorted largest first).</summary>
    internal static int CountLarger(IReadOnlyList<GdpFigure> ranked, double amountUsd)
    {
        int lo = 0, hi = ranked.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (ranked[mid].Usd > amountUsd) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The <paramref name="count"/> economies closest to the amount by ratio (|ln(GDP/amount)|), largest first.</summary>
    private static IReadOnlyList<MarketNeighbour> Nearest(IReadOnlyList<GdpFigure> ranked, int larger, double amountUsd, int count)
    {
        var picked = new List<GdpFigure>(Math.Max(0, count));
        int up = larger - 1, down = larger;
        while (picked.Count < count && (up >= 0 || down < ranked.Count))
        {
            var upDistance = up >= 0 ? Math.Abs(Math.Log(ranked[up].Usd / amountUsd)) : double.MaxValue;
            var downDistance = down < ranked.Count ? Math.Abs(Math.Log(ranked[down].Usd / amountUsd)) : double.MaxValue;
            if (upDistance <= downDistance) picked.Add(ranked[up--]);
            else picked.Add(ranked[down++]);
        }
        return picked.OrderByDescending(f => f.Usd).Select(f => Neighbour(f, amountUsd)).ToList();
    }

    private static MarketNeighbour Neighbour(GdpFigure figure, double amountUsd) => new()
    {
        Rank = figure.Rank,
        Iso3 = figure.Economy.Iso3,
        Country = figure.Economy.Name,
        GdpUsd = figure.Usd,
        Status = figure.Status,
        Ratio = amountUsd / figure.Usd,
    };
}
