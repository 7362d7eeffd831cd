using System.Globalization;

namespace CapacityTools.Core.Economy;

/// <summary>One value read from a file, before its code is resolved and its status decided.</summary>
internal sealed class GdpObservation
{
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public int Year { get; set; }
    public double Usd { get; set; }
    /// <summary>The status the file states, if it states one.</summary>
    public GdpStatus? Status { get; set; }
    /// <summary>The publisher's latest-actual year for the series (IMF), if the file gives one.</summary>
    public int? LastActualYear { get; set; }
    /// <summary>Whether the file marks the row as a country group, if it does.</summary>
    public bool? IsAggregate { get; set; }
    public SourceLocation Location { get; set; } = new("", 0);
}

/// <summary>
/// Collects a file's observations, maps their codes onto the directory (UVK and KOS to XKX, WBG to PSE,
/// WLD to G001), rejects duplicates and non-positive values, decides each figure's status and builds
/// the immutable <see cref="GdpEdition"/>.
/// </summary>
internal sealed class GdpEditionBuilder
{
    private readonly EconomyDirectory _directory;
    private readonly Dictionary<string, Economy> _newByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Iso3, int Year), GdpObservation> _observations = new();
    private readonly Dictionary<string, (Economy Economy, string Code, string Name)> _spelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Problem> _problems = [];

    public GdpEditionBuilder(EconomyDirectory directory) => _directory = directory;

    /// <summary>The first projection year, when the file or the caller knows it; otherwise inferred from the latest-actual years.</summary>
    public int? FirstProjectionYear { get; set; }

    public int RowsSkipped { get; private set; }

    public IReadOnlyList<Problem> Problems => _problems;

    public int Count => _observations.Count;

    /// <summary>The largest GDP a row may hold: ten times world GDP in 2024 (about 111 trillion USD, IMF WEO October 2025).</summary>
    public const double MaxGdpUsd = 1.2e15;

    /// <summary>Figures for economies (not country groups such as World or the EU).</summary>
    public int EconomyCount => _observations.Keys.Select(k => k.Iso3).Distinct().Count(iso3 => _spelling.TryGetValue(iso3, out var s) && !s.Economy.IsAggregate);

    /// <summary>Records a row that cannot be used; it is reported and the others still count.</summary>
    public void Skip(Problem problem)
    {
        _problems.Add(problem);
        RowsSkipped++;
    }

    public void Add(GdpObservation observation)
    {
        var location = observation.Location;
        if (observation.Year is < 1900 or > 2100)
        {
            Skip(Invalid(location, $"the year {observation.Year.ToString(CultureInfo.InvariantCulture)} is out of range (1900–2100).", observation.Code));
            return;
        }
        if (double.IsNaN(observation.Usd) || double.IsInfinity(observation.Usd) || observation.Usd <= 0)
        {
            var what = observation.Usd == 0
                ? "a GDP of zero is not a figure; leave the cell empty (or n/a) where the publisher has no value."
                : $"the GDP {observation.Usd.ToString("R", CultureInfo.InvariantCulture)} is not above zero.";
            Skip(Invalid(location, $"{observation.Code} {observation.Year.ToString(CultureInfo.InvariantCulture)}: {what}", observation.Code));
            return;
        }

        if (observation.Usd > MaxGdpUsd)
        {
            Skip(new Problem(ErrorIds.GdpValueOutOfRange, ProblemKind.InvalidData,
                $"{SafeText.Quote(observation.Code)} {observation.Year.ToString(CultureInfo.InvariantCulture)}: the GDP {observation.Usd.ToString("G4", CultureInfo.InvariantCulture)} USD is more than ten times world GDP, so it cannot be one economy's; the row was skipped.",
                observation.Code, location, "Check the unit: the figure must be in US dollars (a file in billions needs its SCALE or Units column)."));
            return;
        }

        var economy = ResolveEconomy(observation);
        if (economy is null)
        {
            Skip(Invalid(location, "the row has no country code.", observation.Name));
            return;
        }

        var key = (economy.Iso3, observation.Year);
        if (_observations.TryGetValue(key, out var first))
        {
            Skip(new Problem(ErrorIds.DuplicateGdpValue, ProblemKind.InvalidData,
                $"{economy.Name} ({observation.Code}) {observation.Year.ToString(CultureInfo.InvariantCulture)} is already given at {first.Location} (as {first.Code}); this row was skipped.",
                observation.Code, location, "Keep one row per economy and year (UVK, KOS and XKX are all Kosovo; WBG and PSE are West Bank and Gaza)."));
            return;
        }
        _observations[key] = observation;
        if (!_spelling.ContainsKey(economy.Iso3))
            _spelling[economy.Iso3] = (economy, observation.Code.Trim(), observation.Name?.Trim() ?? economy.Name);
    }

    public GdpEdition Build(GdpEditionHeader header)
    {
        var firstProjection = FirstProjectionYear ?? InferFirstProjectionYear();
        var directory = _directory.With(_newByCode.Values.Distinct());
        var figures = new List<GdpFigure>(_observations.Count);
        foreach (var pair in _observations)
        {
            var (economy, code, name) = _spelling[pair.Key.Iso3];
            var observation = pair.Value;
            figures.Add(new GdpFigure(economy, code, name, observation.Year, observation.Usd, StatusOf(observation, economy, firstProjection)));
        }
        return new GdpEdition(header, directory, figures, firstProjection, _problems, RowsSkipped);
    }

    private static GdpStatus StatusOf(GdpObservation observation, Economy economy, int? firstProjection)
    {
        if (observation.Status is { } stated) return stated;
        var year = observation.Year;
        if (firstProjection is { } projection && year >= projection) return GdpStatus.Projection;
        if (observation.LastActualYear is { } lastActual) return year <= lastActual ? GdpStatus.Actual : GdpStatus.Estimate;
        // The IMF gives country groups no latest-actual year: their past values are estimates.
        return economy.IsAggregate && firstProjection is not null ? GdpStatus.Estimate : GdpStatus.Actual;
    }

    /// <summary>The year after the most common latest-actual year among economies (2024 → 2025 for the April 2025 WEO).</summary>
    private int? InferFirstProjectionYear()
    {
        var lastActuals = _observations.Values
            .Where(o => o.LastActualYear is not null)
            .GroupBy(o => o.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First().LastActualYear!.Value)
            .ToList();
        if (lastActuals.Count == 0) return null;
        return lastActuals.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key + 1;
    }

    private Economy? ResolveEconomy(GdpObservation observation)
    {
        var code = observation.Code?.Trim() ?? "";
        if (code.Length == 0) return null;
        var known = _directory.FindByCode(code);
        if (known is not null) return known;
        if (_newByCode.TryGetValue(code, out var added)) return added;
        // A code the module does not know (a new economy or group): it joins the edition under its own code.
        var name = observation.Name?.Trim();
        var isAggregate = observation.IsAggregate ?? LooksLikeImfGroup(code);
        var economy = new Economy(code.ToUpperInvariant(), string.IsNullOrEmpty(name) ? code : name!, isAggregate,
            [code], string.IsNullOrEmpty(name) ? [] : [name!]);
        _newByCode[code] = economy;
        return economy;
    }

    private static bool LooksLikeImfGroup(string code) =>
        code.Length >= 3 && (code[0] == 'G' || code[0] == 'g') && (Ascii.IsDigit(code[1]) || (code.Length > 2 && code[1] is 'X' or 'x' && Ascii.IsDigit(code[2])));

    internal static Problem Invalid(SourceLocation location, string message, object? target) =>
        new(ErrorIds.InvalidGdpRow, ProblemKind.InvalidData, $"{message} The row was skipped.", target, location);
}
