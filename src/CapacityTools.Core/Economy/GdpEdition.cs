using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>
/// One dated edition of nominal GDP in US dollars (an IMF WEO vintage, a WDI update, or a user's file):
/// immutable once built, indexed by year and economy.
/// </summary>
public sealed class GdpEdition
{
    private readonly Dictionary<int, GdpYear> _years;
    private readonly Dictionary<string, int[]> _yearsByIso3;
    private readonly HashSet<string> _members;

    internal GdpEdition(GdpEditionHeader header, EconomyDirectory directory, IReadOnlyCollection<GdpFigure> figures,
        int? firstProjectionYear, IReadOnlyList<Problem> problems, int rowsSkipped)
    {
        Name = header.Name;
        Source = header.Source;
        Title = header.Title;
        Attribution = header.Attribution;
        Origin = header.Origin;
        Layout = header.Layout;
        Directory = directory;
        LoadProblems = problems;
        RowsSkipped = rowsSkipped;
        Observations = figures.Count;

        Economies = figures.Select(f => f.Economy).Distinct().OrderBy(e => e.IsAggregate).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
        _members = new HashSet<string>(Economies.Select(e => e.Iso3), StringComparer.OrdinalIgnoreCase);
        _yearsByIso3 = figures.GroupBy(f => f.Economy.Iso3, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Year).OrderBy(y => y).ToArray(), StringComparer.OrdinalIgnoreCase);
        var world = Economies.FirstOrDefault(e => string.Equals(e.Iso3, WorldIso3, StringComparison.OrdinalIgnoreCase));
        _years = figures.GroupBy(f => f.Year).ToDictionary(g => g.Key, g => new GdpYear(g.Key, g, Economies, world?.Iso3));
        Years = _years.Keys.OrderBy(y => y).ToList();
        // A file that states each figure's status (the tidy layout) shows its first projection year by them.
        FirstProjectionYear = firstProjectionYear ?? Years.Where(y => _years[y].Status == GdpStatus.Projection).Cast<int?>().FirstOrDefault();
        DefaultYear = Years.Count == 0 ? 0 : Years.Where(y => _years[y].Status != GdpStatus.Projection).DefaultIfEmpty(Years[0]).Max();
    }

    /// <summary>The key of the World aggregate (IMF G001; the World Bank's WLD maps to it).</summary>
    public const string WorldIso3 = "G001";

    public string Name { get; }
    public GdpSource Source { get; }
    public string Title { get; }
    public string Attribution { get; }
    /// <summary>"Embedded" or the path of the file it was read from.</summary>
    public string Origin { get; }
    public GdpFileLayout Layout { get; }
    public int? FirstProjectionYear { get; }
    /// <summary>The directory the edition's codes were resolved with (the embedded one plus any new codes of the file).</summary>
    public EconomyDirectory Directory { get; }
    /// <summary>Economies first, then country groups, each by name.</summary>
    public IReadOnlyList<Economy> Economies { get; }
    public IReadOnlyList<int> Years { get; }
    /// <summary>The last year whose figures are mostly not projections: the year used when none is given.</summary>
    public int DefaultYear { get; }
    public int Observations { get; }
    public int RowsSkipped { get; }
    /// <summary>Rows that could not be read (an embedded edition has none).</summary>
    public IReadOnlyList<Problem> LoadProblems { get; }

    /// <summary>Warnings from reading the file (an encoding guessed, a file that may be cut short).</summary>
    public IReadOnlyList<string> LoadWarnings { get; internal set; } = [];

    public bool Contains(Economy economy) => _members.Contains(economy.Iso3);

    public GdpYear? GetYear(int year) => _years.TryGetValue(year, out var table) ? table : null;

    /// <summary>The year's table, or a YearNotInEdition problem that lists the years the edition has.</summary>
    public GdpYear? GetYear(int year, out Problem? problem)
    {
        problem = null;
        if (_years.TryGetValue(year, out var table)) return table;
        problem = new Problem(ErrorIds.YearNotInEdition, ProblemKind.NotFound,
            $"The edition {Name} has no figures for {year.ToString(CultureInfo.InvariantCulture)}; it has {DescribeYears(Years)}.", year,
            recommendedAction: "Choose one of those years, or another edition with -Edition.");
        return null;
    }

    /// <summary>
    /// The figure of a named economy for a year. Fails with a Problem when the name is unknown, names a
    /// country group without <paramref name="includeAggregates"/>, is not covered by this edition, or has
    /// no value for the year (never a zero).
    /// </summary>
    public GdpFigure? Find(string country, int year, bool includeAggregates, out Problem? problem)
    {
        var economy = Resolve(country, includeAggregates, out problem);
        if (economy is null) return null;
        var table = GetYear(year, out problem);
        if (table is null) return null;
        var figure = table.Get(economy.Iso3);
        if (figure is not null) return figure;

        var years = _yearsByIso3[economy.Iso3];
        var span = years.Length == 0 ? "" : $" It has values for {DescribeYears(years)}.";
        problem = new Problem(ErrorIds.GdpValueMissing, ProblemKind.NotAvailable,
            $"{Name} has no GDP value for {economy.Name} ({economy.Iso3}) in {year.ToString(CultureInfo.InvariantCulture)}: the publisher gives none (a missing value is not zero).{span}",
            country, recommendedAction: "Choose another year, or another edition with -Edition.");
        return null;
    }

    /// <summary>The economy a name or code means, if this edition covers it.</summary>
    public Economy? Resolve(string country, bool includeAggregates, out Problem? problem)
    {
        problem = null;
        var economy = Directory.Find(country);
        if (economy is null)
        {
            var suggestions = EconomyDirectory.Suggest(country, Economies.Where(e => includeAggregates || !e.IsAggregate));
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions)}?" : "";
            problem = new Problem(ErrorIds.UnknownCountry, ProblemKind.NotFound,
                $"'{country}' is not an economy or code that {Name} knows.{hint}", country,
                recommendedAction: "Use an ISO3 code (POL), the publisher's code (KOS, WBG, G001, WLD) or a name; wildcards work on names (Get-CountryGdp -Country 'Korea*').")
            { Suggestions = suggestions };
            return null;
        }
        if (economy.IsAggregate && !includeAggregates)
        {
            problem = new Problem(ErrorIds.AggregateNotIncluded, ProblemKind.InvalidArgument,
                $"'{country}' is a country group ({economy.Name}, {economy.Iso3}), not an economy.", country,
                recommendedAction: "Add -IncludeAggregates to get country groups such as World, EU and Euro area.");
            return null;
        }
        if (!Contains(economy))
        {
            problem = new Problem(ErrorIds.CountryNotInEdition, ProblemKind.NotAvailable,
                $"{economy.Name} ({economy.Iso3}) is not covered by {Name}.", country,
                recommendedAction: economy.IsAggregate
                    ? "Country groups differ by publisher: see Get-CountryGdp -IncludeAggregates for this edition's groups."
                    : "Try another edition with -Edition (the World Bank's WDI-2024-09 covers territories the IMF does not; the IMF covers Taiwan).");
            return null;
        }
        return economy;
    }

    public CountryGdp ToCountryGdp(GdpFigure figure) => CountryGdp.From(figure, this);

    public GdpEditionInfo Describe() => new()
    {
        Edition = Name,
        Source = Source,
        Title = Title,
        Layout = Layout,
        Origin = Origin,
        Economies = Economies.Count(e => !e.IsAggregate),
        Aggregates = Economies.Count(e => e.IsAggregate),
        FirstYear = Years.Count > 0 ? Years[0] : 0,
        LastYear = Years.Count > 0 ? Years[Years.Count - 1] : 0,
        FirstProjectionYear = FirstProjectionYear,
        DefaultYear = DefaultYear,
        Observations = Observations,
        RowsSkipped = RowsSkipped,
        HasWorld = Economies.Any(e => string.Equals(e.Iso3, WorldIso3, StringComparison.OrdinalIgnoreCase)),
        Attribution = Attribution,
    };

    /// <summary>"1980–2030", or runs separated by commas when there are gaps.</summary>
    internal static string DescribeYears(IReadOnlyList<int> years)
    {
        if (years.Count == 0) return "no years";
        var runs = new List<string>();
        var start = years[0];
        for (var i = 1; i <= years.Count; i++)
        {
            if (i < years.Count && years[i] == years[i - 1] + 1) continue;
            var end = years[i - 1];
            runs.Add(start == end ? start.ToString(CultureInfo.InvariantCulture) : $"{start.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}");
            if (i < years.Count) start = years[i];
        }
        return string.Join(", ", runs);
    }

    public override string ToString() => Name;
}

/// <summary>What an edition is, before its rows are read.</summary>
internal sealed class GdpEditionHeader
{
    public string Name { get; set; } = "";
    public GdpSource Source { get; set; }
    public string Title { get; set; } = "";
    public string Attribution { get; set; } = "";
    public string Origin { get; set; } = "";
    public GdpFileLayout Layout { get; set; }
}
