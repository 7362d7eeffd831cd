using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Economy;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Compare-MarketToGdp: the rank an amount would take among the world's economies, with its neighbours and share of world GDP.</summary>
[Cmdlet(VerbsData.Compare, "MarketToGdp")]
[OutputType(typeof(MarketComparison))]
public sealed class CompareMarketToGdpCommand : CapacityCmdlet
{
    private readonly HashSet<(string, int)> _warned = [];
    private GdpEdition? _edition;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Value", "MarketSize", "Revenue")]
    [AllowEmptyString]
    public string[] Amount { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ValueHigh")]
    [AllowNull, AllowEmptyString]
    public string? HighAmount { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1900, 2100)]
    [ArgumentCompleter(typeof(GdpYearCompleter))]
    public int? Year { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(GdpEditionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Edition { get; set; }

    [Parameter]
    [ValidateRange(0, 250)]
    public int Nearest { get; set; } = 5;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Subject")]
    [AllowEmptyString]
    public string? Label { get; set; }

    [Parameter]
    [ValidateRange(1e-9, 1e9)]
    public double? ExchangeRate { get; set; }

    protected override void BeginProcessing()
    {
        _edition = SessionData.Gdp.Current.Select(Edition, null, out var problem);
        if (_edition is null) ThrowProblem(problem!);
    }

    protected override void ProcessRecord()
    {
        var edition = _edition!;
        var table = edition.GetYear(Year ?? edition.DefaultYear, out var yearProblem);
        if (table is null)
        {
            WriteProblem(yearProblem!);
            return;
        }

        var high = string.IsNullOrWhiteSpace(HighAmount) ? null : HighAmount;
        if (high is not null && Amount.Length != 1)
        {
            ThrowProblem(new Problem(ErrorIds.InvalidAmountRange, ProblemKind.InvalidArgument, "-HighAmount goes with a single -Amount (the low end of the range).", HighAmount));
        }

        foreach (var item in Amount)
        {
            var amount = AmountParser.Parse(item, ExchangeRate, out var problem);
            if (amount is not null && high is not null)
            {
                var highAmount = AmountParser.Parse(high, ExchangeRate, out problem);
                amount = highAmount is null ? null : AmountParser.Range(amount, highAmount, out problem);
            }
            if (amount is null)
            {
                WriteProblem(problem!);
                continue;
            }
            WarnIfProjected(edition, table);
            foreach (var comparison in MarketComparer.Compare(edition, table, amount, Label, Nearest)) WriteObject(comparison);
        }
    }

    private void WarnIfProjected(GdpEdition edition, GdpYear table)
    {
        if (table.ProjectionWarning(edition.Name) is { } warning && _warned.Add((edition.Name, table.Year))) WriteWarning(warning);
    }
}
