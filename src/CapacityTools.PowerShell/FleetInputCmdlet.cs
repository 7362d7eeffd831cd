using System.Management.Automation;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>
/// What the two fleet calculators share (Get-GpuEquivalent, Measure-GpuFleet): whole objects from the pipeline,
/// the bulk -Path/-LiteralPath modes with their format and column options, and the metric and reference GPU.
/// -Path and -LiteralPath themselves stay on each cmdlet, whose positional parameters differ.
/// </summary>
public abstract class FleetInputCmdlet : CapacityCmdlet
{
    protected const string InputSet = "InputObject";
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";

    // Whole objects from the pipeline (Import-Csv rows, inventory items, files): their Model and Count are read
    // by the same names as -Model and -Count bind, without PowerShell's per-row parameter binding.
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

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
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Reference { get; set; } = EquivalenceCalculator.DefaultReference;

    [Parameter]
    public GpuMetric Metric { get; set; } = GpuMetric.Bf16;

    /// <summary>Reads a pipeline object's model and count by the names admins' columns have.</summary>
    private protected PipelineRow Row { get; } = new();

    /// <summary>The options of the bulk -Path modes.</summary>
    protected InventoryOptions BulkOptions => new() { Format = Format, ModelColumn = ModelColumn, CountColumn = CountColumn };
}
