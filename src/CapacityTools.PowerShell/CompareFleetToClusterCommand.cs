using System.Globalization;
using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Perspective;
using CapacityTools.Core.Reporting;

namespace CapacityTools.PowerShell;

/// <summary>
/// Compare-FleetToCluster: the rank H100 equivalents would take among Epoch AI's known AI clusters at a date,
/// and their share of all AI compute shipped by then. GPUs on the pipeline are converted under Epoch8Bit.
/// </summary>
[Cmdlet(VerbsData.Compare, "FleetToCluster", DefaultParameterSetName = EquivalentsSet)]
[OutputType(typeof(ClusterComparison))]
public sealed class CompareFleetToClusterCommand : CapacityCmdlet
{
    private const string EquivalentsSet = "Equivalents";
    private const string InputSet = "InputObject";
    private readonly PipelineRow _row = new();
    private Epoch8BitFleet? _fleet;
    private int _objects;

    [Parameter(ParameterSetName = EquivalentsSet, Mandatory = true, Position = 0)]
    [Alias("H100e")]
    [ValidateRange(1e-9, 1e12)]
    public double[] Equivalents { get; set; } = [];

    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public DateTime Date { get; set; } = DateTime.Today;

    [Parameter]
    [ValidateRange(0, 50)]
    public int Nearest { get; set; } = 5;

    [Parameter]
    [AllowEmptyString]
    public string? Label { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _fleet = new Epoch8BitFleet(Catalog, this);
        }
        catch (CapacityException ex)
        {
            ThrowProblem(ex.Problem);
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == EquivalentsSet)
        {
            foreach (var value in Equivalents)
                WriteObject(Compare(value, Epoch8BitFleet.GivenBasis, []));
            return;
        }
        if (InputObject is null) return;
        switch (InputObject.BaseObject)
        {
            case double or float or int or long or decimal:
                var number = Convert.ToDouble(InputObject.BaseObject, CultureInfo.InvariantCulture);
                if (number > 0 && !double.IsInfinity(number))
                    WriteObject(Compare(number, Epoch8BitFleet.GivenBasis, []));
                else
                    WriteProblem(new Problem(ErrorIds.InvalidEquivalents, ProblemKind.InvalidData, $"{number.ToString(CultureInfo.InvariantCulture)} is not a positive number of H100 equivalents.",
                        InputObject, recommendedAction: "Give a number above zero."));
                return;
            case FleetSummary summary:
                foreach (var byModel in summary.ByModel) Add(byModel.Model, byModel.Gpus, summary.Metric);
                _objects++;
                break;
            case GpuEquivalent equivalent:
                Add(equivalent.Model, equivalent.Count, equivalent.Metric);
                _objects++;
                break;
            default:
                if (_row.TryRead(InputObject, out var model, out var count, out var problem)) Add(model, count, countIsGpus: _row.CountIsGpus);
                else if (problem is not null) WriteProblem(problem);
                _objects++;
                break;
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName != InputSet || _objects == 0 || _fleet!.Result() is not { } fleet) return;
        WriteObject(Compare(fleet.Equivalents, fleet.Basis, fleet.Notes));
    }

    private ClusterComparison Compare(double equivalents, string basis, IEnumerable<string> notes)
    {
        var label = string.IsNullOrEmpty(Label) ? $"{equivalents.ToString("N0", CultureInfo.InvariantCulture)} H100e" : Label!;
        return ClusterComparer.Compare(ClusterDataset.Embedded, ChipSales.Embedded, equivalents, Date, label, basis, Nearest, notes);
    }

    private void Add(string? model, double count, GpuMetric? metric = null, bool countIsGpus = false)
    {
        var problem = _fleet!.Add(model, count, metric, countIsGpus);
        if (problem is not null) WriteProblem(problem);
    }

}
