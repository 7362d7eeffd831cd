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
public sealed class GetGpuEquivalentCommand : FleetInputCmdlet
{
    private const string ModelSet = "Model";
    private EquivalenceCalculator? _calculator;

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

    protected override void BeginProcessing()
    {
        try
        {
            _calculator = new EquivalenceCalculator(Catalog, Metric, Reference, this);
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
                else if (Row.TryRead(InputObject, out var model, out var count, out var problem)) Add(model, count, Row.CountIsGpus);
                else if (problem is not null) WriteProblem(problem);
                break;
            default:
                var literal = ParameterSetName == LiteralPathSet;
                ReadFiles(ResolveFiles(literal ? LiteralPath : Path, literal));
                break;
        }
    }

    private void Add(string? model, double count, bool countIsGpus = false)
    {
        var problem = _calculator!.Add(model, count, countIsGpus: countIsGpus);
        if (problem is not null) WriteProblem(problem);
    }

    private void ReadFiles(IEnumerable<string> files)
    {
        ReadBulk(files, BulkOptions, "Get-GpuEquivalent", m =>
        {
            var problem = _calculator!.Add(m.Resolution, m.Units, m.FirstSeen);
            if (problem is not null) WriteProblem(problem);
        });
    }

    protected override void EndProcessing()
    {
        foreach (var result in _calculator!.Results()) WriteObject(result);
    }

}
