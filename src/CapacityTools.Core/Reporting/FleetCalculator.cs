using System.Globalization;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// Totals a fleet in one pass: GPUs, equivalents (through <see cref="EquivalenceCalculator"/>, so both
/// cmdlets agree), PFLOPS, memory, power and energy. A model without a figure still counts as GPUs
/// and adds nothing to that figure's total; <see cref="FleetSummary.Notes"/> says so.
/// </summary>
public sealed class FleetCalculator
{
    private readonly EquivalenceCalculator _equivalence;
    private readonly FleetAssumptions _assumptions;
    private readonly Dictionary<string, Accumulator> _byModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Accumulator> _order = [];

    /// <exception cref="CapacityException">The reference is unknown or lacks the metric, or an assumption is out of range.</exception>
    public FleetCalculator(GpuCatalog catalog, FleetAssumptions assumptions, GpuMetric metric = GpuMetric.Bf16, string reference = EquivalenceCalculator.DefaultReference,
        IProblemSink? sink = null)
    {
        Check(assumptions.Pue >= 1 && !double.IsInfinity(assumptions.Pue), "Pue", assumptions.Pue, "PUE is facility power over IT power: 1.0 or more.");
        Check(assumptions.Utilization is >= 0 and <= 1, "Utilization", assumptions.Utilization, "Utilization is a share of TDP from 0 to 1.");
        Check(assumptions.PricePerKwh >= 0 && !double.IsInfinity(assumptions.PricePerKwh), "PricePerKwh", assumptions.PricePerKwh, "The price per kWh is 0 or more.");
        _equivalence = new EquivalenceCalculator(catalog, metric, reference, sink);
        _assumptions = assumptions;
    }

    /// <summary>Rows the caller skipped (bad input), carried into the summary.</summary>
    public long Skipped { get; set; }

    private long _untypedItems;
    private double _untypedGpus;

    /// <summary>
    /// Counts an inventory item whose reader found GPUs but no model (and wrote an error for it): skipped, and
    /// said once in the summary's warnings and notes, so the GPUs left out are never silent.
    /// </summary>
    public void AddUntyped(double gpus)
    {
        Skipped++;
        _untypedItems++;
        _untypedGpus += gpus;
    }

    /// <summary>Adds a count of a model by name; returns the problem when the pair cannot count.</summary>
    public Problem? Add(string? model, double count, SourceLocation? location = null, bool countIsGpus = false)
    {
        var resolution = _equivalence.Prepare(model, ref count, location, countIsGpus, out var problem);
        if (resolution is null)
        {
            Skipped++;
            return problem;
        }
        Add(resolution, count, location);
        return null;
    }

    /// <summary>Adds units of a resolved name (an instance type counts its GPUs, a MIG slice its share).</summary>
    public void Add(GpuResolution resolution, double count, SourceLocation? location = null)
    {
        // A model without the metric still counts as GPUs; the summary notes what it leaves out.
        _equivalence.Add(resolution, count, location);
        var spec = resolution.Spec;
        if (!_byModel.TryGetValue(spec.Id, out var acc))
        {
            acc = new Accumulator(spec);
            _byModel[spec.Id] = acc;
            _order.Add(acc);
        }
        acc.Gpus += count * resolution.GpusPerUnit * resolution.Fraction;
        if (!acc.Inputs.Contains(resolution.Input, StringComparer.OrdinalIgnoreCase) && acc.Inputs.Count < 16) acc.Inputs.Add(resolution.Input);
    }

    /// <summary>
    /// Adds GPUs measured by Get-GpuUsage: their average count counts like inventory, and their measured energy,
    /// GPU-hours and utilisation are reported beside the TDP estimate. Returns the problem when the model is unknown.
    /// </summary>
    public Problem? AddMeasured(GpuUsage usage)
    {
        var problem = Add(usage.Model, usage.Gpus, new SourceLocation(usage.Source, 0));
        if (problem is not null) return problem;
        _measured.GpuHours += usage.GpuHours;
        if (usage.EnergyKWh is { } kwh && usage.Hours > 0)
        {
            _measured.EnergyKWh += kwh;
            _measured.AnnualKWh += kwh * _assumptions.HoursPerYear / usage.Hours;
            _measured.EnergyGpuHours += usage.GpuHours;
            _measured.WindowHours = Math.Max(_measured.WindowHours, usage.Hours);
        }
        if (usage.AverageUtilization is { } utilization)
        {
            _measured.UtilizationHours += usage.GpuHours;
            _measured.UtilizationSum += utilization * usage.GpuHours;
            if (usage.UtilizationMetric is { } metric && !_measured.Metrics.Contains(metric)) _measured.Metrics.Add(metric);
        }
        return null;
    }

    public FleetSummary Result()
    {
        var equivalents = _equivalence.Results().ToDictionary(r => r.Model, r => r.Equivalents, StringComparer.OrdinalIgnoreCase);
        var notes = new List<string>();
        var models = new List<FleetModelSummary>();
        foreach (var acc in _order)
        {
            var spec = acc.Spec;
            var row = new FleetModelSummary
            {
                Model = spec.Id,
                Gpus = acc.Gpus,
                Equivalents = equivalents.TryGetValue(spec.Id, out var e) ? e : 0,
                Bf16Pflops = acc.Gpus * (GpuMetrics.Read(spec, GpuMetric.Bf16)?.Value ?? 0) / 1000,
                Fp8Pflops = acc.Gpus * (GpuMetrics.Read(spec, GpuMetric.Fp8)?.Value ?? 0) / 1000,
                Fp64Pflops = acc.Gpus * (GpuMetrics.Read(spec, GpuMetric.Fp64)?.Value ?? 0) / 1000,
                Fp64TensorPflops = acc.Gpus * (GpuMetrics.Read(spec, GpuMetric.Fp64Tensor)?.Value ?? 0) / 1000,
                MemoryTB = acc.Gpus * (spec.MemoryGB ?? 0) / 1000,
                ItPowerMW = acc.Gpus * (spec.TdpWatts ?? 0) / 1e6,
                InputNames = acc.Inputs.ToArray(),
            };
            models.Add(row);
            var gpus = acc.Gpus.ToString("0.###", CultureInfo.InvariantCulture);
            if (!equivalents.ContainsKey(spec.Id)) notes.Add($"{spec.Id} has no {_equivalence.Metric} figure: its {gpus} GPU(s) add nothing to Equivalents.");
            if (GpuMetrics.Read(spec, GpuMetric.Fp8) is null) notes.Add($"{spec.Id} has no FP8: its {gpus} GPU(s) add nothing to Fp8Pflops.");
            if (GpuMetrics.Read(spec, GpuMetric.Bf16) is { IsFallback: true } bf16) notes.Add($"{spec.Id}: Bf16Pflops uses {bf16.Basis}.");
            if (spec.TdpWatts is null) notes.Add($"{spec.Id} has no TDP in the catalog{Basis(spec)}: its {gpus} GPU(s) add nothing to power and energy.");
            else if (spec.TdpBasis.IndexOf("estimate", StringComparison.OrdinalIgnoreCase) >= 0 || spec.TdpBasis.StartsWith("Superchip", StringComparison.Ordinal))
                notes.Add($"{spec.Id}'s power is {spec.TdpWatts.Value.ToString(CultureInfo.InvariantCulture)} W per GPU{Basis(spec)}.");
            if (spec.MemoryGB is null) notes.Add($"{spec.Id} has no memory figure: its {gpus} GPU(s) add nothing to MemoryTB.");
        }
        if (_untypedItems > 0)
        {
            var untyped = $"{_untypedItems.ToString(CultureInfo.InvariantCulture)} inventory item(s) with {_untypedGpus.ToString("0.##", CultureInfo.InvariantCulture)} GPU(s) have no model and were not counted; their reader wrote an error for each.";
            _equivalence.Warn(untyped);
            notes.Add(untyped);
        }
        var a = _assumptions;
        var it = models.Sum(m => m.ItPowerMW);
        var facility = it * a.Pue;
        var gwh = facility * a.Utilization * a.HoursPerYear / 1000;
        var m = _measured;
        var estimate = $"TDP x Utilization {a.Utilization.ToString("0.###", CultureInfo.InvariantCulture)} (assumed) x PUE";
        double? measuredAnnual = m.EnergyGpuHours > 0 ? m.AnnualKWh * a.Pue / 1e6 : null;
        double? measuredUtilization = m.UtilizationHours > 0 ? m.UtilizationSum / m.UtilizationHours : null;
        if (m.GpuHours > 0)
        {
            notes.Add($"Measured by dcgm-exporter: {m.GpuHours.ToString("0.##", CultureInfo.InvariantCulture)} GPU-hours"
                + (measuredAnnual is { } annual ? $", {m.EnergyKWh.ToString("0.###", CultureInfo.InvariantCulture)} kWh of GPU energy; annualised with PUE {a.Pue.ToString("0.##", CultureInfo.InvariantCulture)}: {annual.ToString("0.######", CultureInfo.InvariantCulture)} GWh against the TDP estimate of {gwh.ToString("0.######", CultureInfo.InvariantCulture)} GWh" : ", no energy counter")
                + (measuredUtilization is { } u ? $"; utilisation {u.ToString("0.###", CultureInfo.InvariantCulture)} measured against {a.Utilization.ToString("0.###", CultureInfo.InvariantCulture)} assumed" : "") + ".");
            if (m.EnergyGpuHours > 0 && m.EnergyGpuHours < m.GpuHours - 1e-9)
                notes.Add($"Measured energy covers {m.EnergyGpuHours.ToString("0.##", CultureInfo.InvariantCulture)} of the {m.GpuHours.ToString("0.##", CultureInfo.InvariantCulture)} GPU-hours (the others report no energy counter).");
        }
        return new FleetSummary
        {
            MeasuredGpuHours = m.GpuHours > 0 ? m.GpuHours : null,
            MeasuredEnergyKWh = m.EnergyGpuHours > 0 ? m.EnergyKWh : null,
            MeasuredAnnualEnergyGWh = measuredAnnual,
            MeasuredUtilization = measuredUtilization,
            EnergyBasis = measuredAnnual is null ? estimate
                : $"{estimate}; measured: DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION over windows of up to {m.WindowHours.ToString("0.##", CultureInfo.InvariantCulture)} h (MeasuredEnergyKWh, MeasuredAnnualEnergyGWh)",
            UtilizationBasis = measuredUtilization is null ? "assumed (-Utilization)"
                : $"assumed (-Utilization) for the estimate; measured from {string.Join(" and ", m.Metrics)} (MeasuredUtilization)",
            Gpus = models.Sum(m => m.Gpus),
            Models = models.Count,
            Metric = _equivalence.Metric,
            Reference = _equivalence.ReferenceSpec.Id,
            Equivalents = models.Sum(m => m.Equivalents),
            Bf16Pflops = models.Sum(m => m.Bf16Pflops),
            Fp8Pflops = models.Sum(m => m.Fp8Pflops),
            Fp64Pflops = models.Sum(m => m.Fp64Pflops),
            Fp64TensorPflops = models.Sum(m => m.Fp64TensorPflops),
            MemoryTB = models.Sum(m => m.MemoryTB),
            ItPowerMW = it,
            FacilityPowerMW = facility,
            AnnualEnergyGWh = gwh,
            AnnualEnergyCost = gwh * 1e6 * a.PricePerKwh,
            Pue = a.Pue,
            Utilization = a.Utilization,
            PricePerKwh = a.PricePerKwh,
            Currency = a.Currency,
            HoursPerYear = a.HoursPerYear,
            Skipped = Skipped,
            ByModel = models.ToArray(),
            Notes = notes.ToArray(),
        };
    }

    private static void Check(bool ok, string name, double value, string rule)
    {
        if (ok) return;
        throw new CapacityException(new Problem(ErrorIds.InvalidAssumption, ProblemKind.InvalidArgument,
            $"-{name} {value.ToString(CultureInfo.InvariantCulture)} is out of range. {rule}", value, recommendedAction: $"Give -{name} a value in range."));
    }

    private readonly Measured _measured = new();

    private sealed class Measured
    {
        public double GpuHours { get; set; }
        public double EnergyKWh { get; set; }
        public double AnnualKWh { get; set; }
        public double EnergyGpuHours { get; set; }
        public double WindowHours { get; set; }
        public double UtilizationSum { get; set; }
        public double UtilizationHours { get; set; }
        public List<string> Metrics { get; } = [];
    }

    private sealed class Accumulator(GpuSpec spec)
    {
        public GpuSpec Spec { get; } = spec;
        public double Gpus { get; set; }
        public List<string> Inputs { get; } = [];
    }

    private static string Basis(GpuSpec spec) => spec.TdpBasis.Length == 0 ? "" : $" ({spec.TdpBasis})";
}
