using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Economy;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Get-CountryGdp: nominal GDP in US dollars by economy and year, from an embedded or imported edition.</summary>
[Cmdlet(VerbsCommon.Get, "CountryGdp")]
[OutputType(typeof(CountryGdp))]
public sealed class GetCountryGdpCommand : CapacityCmdlet
{
    private GdpEdition? _edition;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "Iso3", "Economy", "CountryCode")]
    [ArgumentCompleter(typeof(CountryNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Country { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1900, 2100)]
    [ArgumentCompleter(typeof(GdpYearCompleter))]
    public int[]? Year { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(GdpEditionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Edition { get; set; }

    [Parameter]
    public GdpSource? Source { get; set; }

    [Parameter]
    public SwitchParameter IncludeAggregates { get; set; }

    protected override void BeginProcessing()
    {
        _edition = SessionData.Gdp.Current.Select(Edition, Source, out var problem);
        if (_edition is null) ThrowProblem(problem!);
    }

    protected override void ProcessRecord()
    {
        var edition = _edition!;
        var years = new List<GdpYear>();
        foreach (var year in Year ?? [edition.DefaultYear])
        {
            var table = edition.GetYear(year, out var problem);
            if (table is null) WriteProblem(problem!);
            else years.Add(table);
        }
        if (years.Count == 0) return;

        if (Country is null)
        {
            foreach (var table in years)
            {
                foreach (var figure in table.Ranked) WriteObject(edition.ToCountryGdp(figure));
                if (IncludeAggregates) foreach (var figure in table.Aggregates) WriteObject(edition.ToCountryGdp(figure));
            }
            return;
        }

        foreach (var name in Country)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteMatches(edition, name, years);
                continue;
            }
            foreach (var table in years)
            {
                var figure = edition.Find(name, table.Year, IncludeAggregates, out var problem);
                if (figure is not null) WriteObject(edition.ToCountryGdp(figure));
                else
                {
                    WriteProblem(problem!);
                    if (problem!.ErrorId != "GdpValueMissing") break;
                }
            }
        }
    }

    private void WriteMatches(GdpEdition edition, string name, List<GdpYear> years)
    {
        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
        var matches = edition.Economies
            .Where(e => (IncludeAggregates || !e.IsAggregate) && (pattern.IsMatch(e.Iso3) || e.Names.Any(pattern.IsMatch)))
            .ToList();
        if (matches.Count == 0)
        {
            WriteProblem(new Problem(ErrorIds.UnknownCountry, ProblemKind.NotFound, $"No economy of {edition.Name} matches '{name}'.", name,
                recommendedAction: IncludeAggregates ? "Check the pattern; names are matched in every spelling the editions use." : "Check the pattern, or add -IncludeAggregates for country groups."));
            return;
        }
        foreach (var economy in matches)
        {
            foreach (var table in years)
            {
                var figure = table.Get(economy.Iso3);
                if (figure is not null) WriteObject(edition.ToCountryGdp(figure));
                else WriteVerbose($"{edition.Name} has no value for {economy.Name} ({economy.Iso3}) in {table.Year}.");
            }
        }
    }
}
