using System.Globalization;
using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Verdicts;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Test-CapacityClaim: a verdict on a GPU or money claim, a row of claims.csv, or a capacity requirement on a fleet.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CapacityClaim", DefaultParameterSetName = RowSet)]
[OutputType(typeof(ClaimCheck), typeof(bool))]
public sealed class TestCapacityClaimCommand : CapacityCmdlet, IProblemSink
{
    private const string GpuSet = "Gpu";
    private const string MoneySet = "Money";
    private const string RequirementSet = "Requirement";
    private const string RowSet = "ClaimRow";
    private readonly Dictionary<string, ClaimRecord> _rows = new(StringComparer.OrdinalIgnoreCase);
    private GdpEdition? _edition;
    private bool _allHold = true;
    private int _checked;

    [Parameter(ParameterSetName = GpuSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Model { get; set; } = "";

    [Parameter(ParameterSetName = GpuSet, Mandatory = true, Position = 1)]
    public double Count { get; set; }

    [Parameter(ParameterSetName = GpuSet, Mandatory = true, Position = 2)]
    [ValidateRange(0, 1e12)]
    public double ClaimedEquivalents { get; set; }

    [Parameter(ParameterSetName = GpuSet)]
    public GpuMetric Metric { get; set; } = GpuMetric.Bf16;

    [Parameter(ParameterSetName = GpuSet)]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Reference { get; set; } = EquivalenceCalculator.DefaultReference;

    [Parameter(ParameterSetName = GpuSet)]
    public SwitchParameter IncludesOtherGpus { get; set; }

    [Parameter(ParameterSetName = MoneySet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Amount { get; set; } = "";

    [Parameter(ParameterSetName = MoneySet, Mandatory = true, Position = 1)]
    [ValidateRange(1900, 2100)]
    [ArgumentCompleter(typeof(GdpYearCompleter))]
    public int Year { get; set; }

    [Parameter(ParameterSetName = MoneySet)]
    [ArgumentCompleter(typeof(CountryNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Rivals { get; set; } = [];

    [Parameter(ParameterSetName = MoneySet)]
    [Parameter(ParameterSetName = RowSet)]
    [ArgumentCompleter(typeof(GdpEditionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Edition { get; set; }

    [Parameter(ParameterSetName = GpuSet)]
    [Parameter(ParameterSetName = MoneySet)]
    [ValidateNotNullOrEmpty]
    public string? Label { get; set; }

    [Parameter(ParameterSetName = GpuSet)]
    [Parameter(ParameterSetName = MoneySet)]
    [Parameter(ParameterSetName = RowSet)]
    [ValidateRange(0.0, 10.0)]
    public double? Tolerance { get; set; }

    [Parameter(ParameterSetName = RequirementSet, Mandatory = true, ValueFromPipeline = true)]
    public FleetSummary? InputObject { get; set; }

    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MinimumEquivalents { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MinimumGpus { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MinimumBf16Pflops { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MinimumMemoryTB { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MaximumItPowerMW { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MaximumFacilityPowerMW { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MaximumAnnualEnergyGWh { get; set; }
    [Parameter(ParameterSetName = RequirementSet)] [ValidateRange(0.0, double.MaxValue)] public double? MaximumAnnualEnergyCost { get; set; }

    /// <summary>A claim row (Import-Csv seeds/claims.csv): its columns are read by property name.</summary>
    [Parameter(ParameterSetName = RowSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? Claim { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void BeginProcessing()
    {
        if (ParameterSetName is MoneySet or RowSet)
        {
            _edition = SessionData.Gdp.Current.Select(Edition, null, out var problem);
            if (_edition is null) ThrowProblem(problem!);
        }
    }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case GpuSet:
                var gpu = GpuClaims.Check(Catalog, new GpuClaim
                {
                    Text = Label ?? "", Model = Model, Count = Count, ClaimedEquivalents = ClaimedEquivalents, IncludesOtherGpus = IncludesOtherGpus,
                    Metric = Metric, Reference = Reference, Tolerance = Tolerance ?? Core.Verdicts.Tolerance.DefaultGpu,
                }, out var problem);
                if (gpu is null) Fail(problem!);
                else Emit(gpu);
                break;
            case MoneySet:
                var amount = AmountParser.Parse(Amount, null, out var amountProblem);
                if (amount is null)
                {
                    Fail(amountProblem!);
                    break;
                }
                Emit(MoneyClaims.Check(_edition!, new MoneyClaim
                {
                    Text = Label ?? "", Amount = amount, Year = Year, Rivals = Rivals, Tolerance = Tolerance ?? Core.Verdicts.Tolerance.DefaultMoney,
                }, this));
                break;
            case RequirementSet:
                var requirements = Requirements();
                if (requirements.Count == 0)
                {
                    ThrowProblem(new Problem(ErrorIds.NoRequirement, ProblemKind.InvalidArgument, "A fleet summary came in, but no requirement to test it against.", InputObject,
                        recommendedAction: "Give at least one of -MinimumEquivalents, -MinimumGpus, -MinimumBf16Pflops, -MinimumMemoryTB, -MaximumItPowerMW, -MaximumFacilityPowerMW, -MaximumAnnualEnergyGWh, -MaximumAnnualEnergyCost."));
                }
                foreach (var requirement in requirements) Emit(requirement.Check(InputObject!));
                break;
            default:
                CheckRow();
                break;
        }
    }

    protected override void EndProcessing()
    {
        if (Quiet) WriteObject(_checked > 0 && _allHold);
    }

    private void CheckRow()
    {
        if (Claim?.BaseObject is FleetSummary)
        {
            ThrowProblem(new Problem(ErrorIds.NoRequirement, ProblemKind.InvalidArgument, "A fleet summary came in, but no requirement to test it against.", Claim,
                recommendedAction: "Give a requirement such as -MinimumEquivalents 1000 or -MaximumFacilityPowerMW 20."));
        }
        var row = ReadRow(Claim);
        if (!string.IsNullOrWhiteSpace(row.Id)) _rows[row.Id] = row;
        Emit(ClaimRows.Check(row, FindRow, Catalog, _edition!, Tolerance, this));
    }

    private ClaimRecord? FindRow(string id) =>
        _rows.TryGetValue(id, out var row) ? row : ClaimRows.Embedded.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    private static ClaimRecord ReadRow(PSObject? input)
    {
        string Get(string name)
        {
            var value = input?.Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value is null ? "" : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        }
        return new ClaimRecord
        {
            Id = Get(nameof(ClaimRecord.Id)), Kind = Get(nameof(ClaimRecord.Kind)), Subject = Get(nameof(ClaimRecord.Subject)),
            Value = Get(nameof(ClaimRecord.Value)), ValueHigh = Get(nameof(ClaimRecord.ValueHigh)), Unit = Get(nameof(ClaimRecord.Unit)),
            Year = Get(nameof(ClaimRecord.Year)), Qualifier = Get(nameof(ClaimRecord.Qualifier)), CompareWith = Get(nameof(ClaimRecord.CompareWith)),
            Attribution = Get(nameof(ClaimRecord.Attribution)), Includes = Get(nameof(ClaimRecord.Includes)), Metric = Get(nameof(ClaimRecord.Metric)),
        };
    }

    private List<FleetRequirement> Requirements()
    {
        var list = new List<FleetRequirement>();
        void Add(RequirementKind kind, double? limit)
        {
            if (limit is { } value) list.Add(new FleetRequirement(kind, value));
        }
        Add(RequirementKind.MinimumEquivalents, MinimumEquivalents);
        Add(RequirementKind.MinimumGpus, MinimumGpus);
        Add(RequirementKind.MinimumBf16Pflops, MinimumBf16Pflops);
        Add(RequirementKind.MinimumMemoryTB, MinimumMemoryTB);
        Add(RequirementKind.MaximumItPowerMW, MaximumItPowerMW);
        Add(RequirementKind.MaximumFacilityPowerMW, MaximumFacilityPowerMW);
        Add(RequirementKind.MaximumAnnualEnergyGWh, MaximumAnnualEnergyGWh);
        Add(RequirementKind.MaximumAnnualEnergyCost, MaximumAnnualEnergyCost);
        return list;
    }

    private void Emit(ClaimCheck? check)
    {
        if (check is null) return;
        _checked++;
        _allHold &= check.Holds;
        if (!Quiet) WriteObject(check);
    }

    /// <summary>A claim that could not be judged is an error, and with -Quiet the answer is then false.</summary>
    private void Fail(Problem problem)
    {
        _allHold = false;
        WriteProblem(problem);
    }

    void IProblemSink.Problem(Problem problem) => Fail(problem);

    void IProblemSink.Warning(string message) => WriteWarning(message);

    void IProblemSink.Verbose(string message) => WriteVerbose(message);
}
