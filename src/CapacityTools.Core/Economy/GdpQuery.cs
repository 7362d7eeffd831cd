using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Get-CountryGdp's question in the core: the figures of named economies (codes, names in any spelling, or
/// wildcard patterns on codes and names) for some years of an edition. A missing value is reported and never
/// a zero; an unknown year or economy is a problem, and the other names and years still answer.
/// </summary>
public static class GdpQuery
{
    public static IEnumerable<CountryGdp> Figures(GdpEdition edition, IReadOnlyList<string>? countries, IReadOnlyList<int>? years,
        bool includeAggregates, IProblemSink sink)
    {
        var tables = new List<GdpYear>();
        foreach (var year in years ?? [edition.DefaultYear])
        {
            var table = edition.GetYear(year, out var problem);
            if (table is null) sink.Problem(problem!);
            else tables.Add(table);
        }
        if (tables.Count == 0) yield break;

        if (countries is null)
        {
            foreach (var table in tables)
            {
                foreach (var figure in table.Ranked) yield return edition.ToCountryGdp(figure);
                if (includeAggregates) foreach (var figure in table.Aggregates) yield return edition.ToCountryGdp(figure);
            }
            yield break;
        }

        foreach (var name in countries)
        {
            if (Glob.HasWildcards(name))
            {
                foreach (var figure in Matches(edition, name, tables, includeAggregates, sink)) yield return figure;
                continue;
            }
            foreach (var table in tables)
            {
                var figure = edition.Find(name, table.Year, includeAggregates, out var problem);
                if (figure is not null)
                {
                    yield return edition.ToCountryGdp(figure);
                    continue;
                }
                sink.Problem(problem!);
                // An unknown name is unknown in every year; a missing value is only missing in this one.
                if (problem!.ErrorId != ErrorIds.GdpValueMissing) break;
            }
        }
    }

    private static IEnumerable<CountryGdp> Matches(GdpEdition edition, string pattern, List<GdpYear> tables, bool includeAggregates, IProblemSink sink)
    {
        var glob = new Glob(pattern);
        var matches = edition.Economies
            .Where(e => (includeAggregates || !e.IsAggregate) && (glob.IsMatch(e.Iso3) || e.Names.Any(glob.IsMatch)))
            .ToList();
        if (matches.Count == 0)
        {
            sink.Problem(new Problem(ErrorIds.UnknownCountry, ProblemKind.NotFound, $"No economy of {edition.Name} matches '{SafeText.Quote(pattern)}'.", pattern,
                recommendedAction: includeAggregates ? "Check the pattern; names are matched in every spelling the editions use." : "Check the pattern, or add -IncludeAggregates for country groups."));
            yield break;
        }
        foreach (var economy in matches)
        {
            foreach (var table in tables)
            {
                var figure = table.Get(economy.Iso3);
                if (figure is not null) yield return edition.ToCountryGdp(figure);
                else sink.Verbose($"{edition.Name} has no value for {economy.Name} ({economy.Iso3}) in {table.Year.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
