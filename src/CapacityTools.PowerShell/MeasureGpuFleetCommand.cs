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
public sealed class MeasureGpuFleetCommand : CapacityCmdlet
{
    private const string InputSet = "InputObject";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private FleetCalculator? _fleet;
    private readonly PipelineRow _row = new();
    private int _warningsShown;
    private int _untypedItems;
    private double _untypedGpus;

    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public InventoryFormat Format { get; set; } = InventoryFormat.Auto;

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string? ModelColumn { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string? CountColumn { get; set; }

    [Parameter]
    public GpuMetric Metric { get; set; } = GpuMetric.Bf16;

    [Parameter]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Reference { get; set; } = EquivalenceCalculator.DefaultReference;

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
            }, Metric, Reference);
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
            FlushWarnings();
            return;
        }
        if (!_row.TryRead(InputObject, out var model, out var count, out var problem))
        {
            fleet.Skipped++;
            if (problem is not null) WriteProblem(problem);
            else
            {
                _untypedItems++;
                _untypedGpus += ((GpuInventoryItem)InputObject.BaseObject).Count;
            }
            return;
        }
        problem = fleet.Add(model, count);
        if (problem is not null) WriteProblem(problem);
        FlushWarnings();
    }

    protected override void EndProcessing()
    {
        FlushWarnings();
        if (_untypedItems > 0)
            WriteWarning($"{_untypedItems} inventory item(s) with {_untypedGpus:0.##} GPU(s) have no model and were not counted; their reader wrote an error for each.");
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
        var options = new InventoryOptions { Format = Format, ModelColumn = ModelColumn, CountColumn = CountColumn };
        _fleet!.Skipped += ReadBulk(files, options, "Measure-GpuFleet", m => _fleet.Add(m.Resolution, m.Units, m.FirstSeen));
        FlushWarnings();
    }

    private void FlushWarnings()
    {
        var warnings = _fleet!.Warnings;
        for (; _warningsShown < warnings.Count; _warningsShown++) WriteWarning(warnings[_warningsShown]);
    }
}
