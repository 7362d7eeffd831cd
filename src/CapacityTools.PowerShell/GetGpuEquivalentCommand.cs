using System.IO;
using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Get-GpuEquivalent: counts of GPUs as equivalents of a reference GPU, one row per distinct model.</summary>
[Cmdlet(VerbsCommon.Get, "GpuEquivalent", DefaultParameterSetName = InputSet)]
[OutputType(typeof(GpuEquivalent))]
public sealed class GetGpuEquivalentCommand : CapacityCmdlet
{
    private const string ModelSet = "Model";
    private const string InputSet = "InputObject";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private EquivalenceCalculator? _calculator;
    private int _warningsShown;
    private readonly PipelineRow _row = new();

    // Whole objects from the pipeline (Import-Csv rows, inventory items, files): their Model and Count are read
    // by the same names as -Model and -Count bind, without PowerShell's per-row parameter binding.
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = ModelSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "Gpu", "Product", "GpuModel", "GpuType")]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [AllowEmptyString]
    [AllowNull]
    public string? Model { get; set; } = "";

    [Parameter(ParameterSetName = ModelSet, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Quantity", "Qty", "Gpus", "GpuCount", "Number")]
    public double Count { get; set; } = 1;

    [Parameter(ParameterSetName = PathSet, Mandatory = true)]
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
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Reference { get; set; } = EquivalenceCalculator.DefaultReference;

    [Parameter]
    public GpuMetric Metric { get; set; } = GpuMetric.Bf16;

    protected override void BeginProcessing()
    {
        try
        {
            _calculator = new EquivalenceCalculator(Catalog, Metric, Reference);
        }
        catch (CapacityException ex)
        {
            ThrowProblem(ex.Problem);
        }
    }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ModelSet:
                if (GpuCount.Check(Count, Count.ToString("R", System.Globalization.CultureInfo.InvariantCulture), out var countProblem)) Add(Model, Count);
                else WriteProblem(countProblem);
                break;
            case InputSet:
                if (InputObject is null) return;
                if (InputObject.BaseObject is FileInfo file) ReadFiles([file.FullName]);
                else if (_row.TryRead(InputObject, out var model, out var count, out var problem)) Add(model, count);
                else if (problem is not null) WriteProblem(problem);
                break;
            default:
                var literal = ParameterSetName == LiteralPathSet;
                ReadFiles(ResolveFiles(literal ? LiteralPath : Path, literal));
                break;
        }
    }

    private void Add(string? model, double count)
    {
        var problem = _calculator!.Add(model, count);
        if (problem is not null) WriteProblem(problem);
        FlushWarnings();
    }

    private void ReadFiles(IEnumerable<string> files)
    {
        var options = new InventoryOptions { Format = Format, ModelColumn = ModelColumn, CountColumn = CountColumn };
        ReadBulk(files, options, "Get-GpuEquivalent", m =>
        {
            var problem = _calculator!.Add(m.Resolution, m.Units, m.FirstSeen);
            if (problem is not null) WriteProblem(problem);
        });
        FlushWarnings();
    }

    protected override void EndProcessing()
    {
        foreach (var result in _calculator!.Results()) WriteObject(result);
    }

    private void FlushWarnings()
    {
        var warnings = _calculator!.Warnings;
        for (; _warningsShown < warnings.Count; _warningsShown++) WriteWarning(warnings[_warningsShown]);
    }
}
