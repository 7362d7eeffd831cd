using System.IO;
using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Pricing;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Telemetry;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Measure-GpuFleet: fleet totals (GPUs, equivalents, PFLOPS, memory, power, energy, cost) with every assumption on the output.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "GpuFleet", DefaultParameterSetName = InputSet)]
[OutputType(typeof(FleetSummary))]
public sealed class MeasureGpuFleetCommand : FleetInputCmdlet
{
    private FleetCalculator? _fleet;

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter]
    [ValidateRange(1.0, 10.0)]
    public double Pue { get; set; } = FleetAssumptions.DefaultPue;

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Utilization { get; set; } = FleetAssumptions.DefaultUtilization;

    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double PricePerKwh { get; set; } = FleetAssumptions.DefaultPricePerKwh;

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CurrencyCompleter))]
    public string Currency { get; set; } = FleetAssumptions.DefaultCurrency;

    [Parameter]
    [ValidateRange(0.01, 100.0)]
    public double Years { get; set; } = CostAssumptions.DefaultYears;

    [Parameter]
    [ArgumentCompleter(typeof(PriceProviderCompleter))]
    [ValidateNotNullOrEmpty]
    public string? RentProvider { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(PriceRegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? RentRegion { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _fleet = new FleetCalculator(Catalog, new FleetAssumptions
            {
                Pue = Pue, Utilization = Utilization, PricePerKwh = PricePerKwh, Currency = Currency,
            }, Metric, Reference, this);
        }
        catch (CapacityException ex)
        {
            ThrowProblem(ex.Problem);
        }
    }

    protected override void ProcessRecord()
    {
        var fleet = _fleet!;
        if (ParameterSetName != InputSet)
        {
            var literal = ParameterSetName == LiteralPathSet;
            ReadFiles(ResolveFiles(literal ? LiteralPath : Path, literal));
            return;
        }
        if (InputObject is null) return;
        if (InputObject.BaseObject is FileInfo file)
        {
            // Get-ChildItem *.csv | Measure-GpuFleet reads the files in bulk.
            ReadFiles([file.FullName]);
            return;
        }
        if (InputObject.BaseObject is GpuUsage usage)
        {
            // Get-GpuUsage | Measure-GpuFleet: measured energy and utilisation beside the TDP estimate.
            if (usage.Model is null) fleet.Skipped++;
            else if (fleet.AddMeasured(usage) is { } unknown) WriteProblem(unknown);
            return;
        }
        if (!Row.TryRead(InputObject, out var model, out var count, out var problem))
        {
            if (problem is not null)
            {
                fleet.Skipped++;
                WriteProblem(problem);
            }
            else fleet.AddUntyped(((GpuInventoryItem)InputObject.BaseObject).Count);
            return;
        }
        problem = fleet.Add(model, count, countIsGpus: Row.CountIsGpus);
        if (problem is not null) WriteProblem(problem);
    }

    protected override void EndProcessing()
    {
        var summary = _fleet!.Result();
        try
        {
            FleetCosts.Apply(summary, SessionData.Prices.Current, new CostAssumptions { Years = Years, RentProvider = RentProvider, RentRegion = RentRegion });
        }
        catch (CapacityException ex)
        {
            ThrowProblem(ex.Problem);
        }
        WriteObject(summary);
    }

    private void ReadFiles(IEnumerable<string> files)
    {
        _fleet!.Skipped += ReadBulk(files, BulkOptions, "Measure-GpuFleet", m => _fleet.Add(m.Resolution, m.Units, m.FirstSeen));
    }

}
