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
        foreach (var figure in GdpQuery.Figures(_edition!, Country, Year, IncludeAggregates, this)) WriteObject(figure);
    }
}
