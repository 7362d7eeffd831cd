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
    private readonly SortedSet<string> _inputMetrics = new(StringComparer.Ordinal);
    private EquivalenceCalculator? _fleet;
    private int _warningsShown;
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
            _fleet = new EquivalenceCalculator(Catalog, GpuMetric.Epoch8Bit, EquivalenceCalculator.DefaultReference);
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
                WriteObject(Compare(value, "As given: taken to be H100 equivalents on Epoch's 8-bit basis (Epoch8Bit).", []));
            return;
        }
        if (InputObject is null) return;
        switch (InputObject.BaseObject)
        {
            case double or float or int or long or decimal:
                var number = Convert.ToDouble(InputObject.BaseObject, CultureInfo.InvariantCulture);
                if (number > 0 && !double.IsInfinity(number))
                    WriteObject(Compare(number, "As given: taken to be H100 equivalents on Epoch's 8-bit basis (Epoch8Bit).", []));
                else
                    WriteProblem(new Problem(ErrorIds.InvalidEquivalents, ProblemKind.InvalidData, $"{number.ToString(CultureInfo.InvariantCulture)} is not a positive number of H100 equivalents.",
                        InputObject, recommendedAction: "Give a number above zero."));
                return;
            case FleetSummary summary:
                _inputMetrics.Add(summary.Metric.ToString());
                foreach (var byModel in summary.ByModel) Add(byModel.Model, byModel.Gpus);
                _objects++;
                break;
            case GpuEquivalent equivalent:
                _inputMetrics.Add(equivalent.Metric.ToString());
                Add(equivalent.Model, equivalent.Count);
                _objects++;
                break;
            default:
                if (_row.TryRead(InputObject, out var model, out var count, out var problem)) Add(model, count);
                else if (problem is not null) WriteProblem(problem);
                _objects++;
                break;
        }
        FlushWarnings();
    }

    protected override void EndProcessing()
    {
        FlushWarnings();
        if (ParameterSetName != InputSet || _objects == 0) return;
        var rows = _fleet!.Results();
        if (rows.Count == 0) return;
        var gpus = rows.Sum(r => r.Count);
        var notes = new List<string>();
        var other = _inputMetrics.Where(m => m != nameof(GpuMetric.Epoch8Bit)).ToList();
        if (other.Count > 0)
            notes.Add($"The input was computed under {string.Join(", ", other)}; it was recomputed under Epoch8Bit, the basis of Epoch's H100 equivalents, from its GPUs.");
        var basis = $"Recomputed under Epoch8Bit (dense 8-bit, else 16-bit tensor, else FP32, over the H100 SXM's 1,979 TOPS) from {gpus.ToString("N0", CultureInfo.InvariantCulture)} GPU(s) of {rows.Count} model(s): " +
            string.Join(", ", rows.Select(r => $"{r.Count.ToString("N0", CultureInfo.InvariantCulture)} x {r.Model}"));
        WriteObject(Compare(rows.Sum(r => r.Equivalents), basis, notes));
    }

    private ClusterComparison Compare(double equivalents, string basis, IEnumerable<string> notes)
    {
        var label = string.IsNullOrEmpty(Label) ? $"{equivalents.ToString("N0", CultureInfo.InvariantCulture)} H100e" : Label!;
        return ClusterComparer.Compare(ClusterDataset.Embedded, ChipSales.Embedded, equivalents, Date, label, basis, Nearest, notes);
    }

    private void Add(string? model, double count)
    {
        var problem = _fleet!.Add(model, count);
        if (problem is not null) WriteProblem(problem);
    }

    private void FlushWarnings()
    {
        var warnings = _fleet!.Warnings;
        for (; _warningsShown < warnings.Count; _warningsShown++) WriteWarning(warnings[_warningsShown]);
    }
}
