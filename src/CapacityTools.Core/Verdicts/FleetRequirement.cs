using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Verdicts;

/// <summary>Which fleet figure a requirement bounds, and from which side.</summary>
public enum RequirementKind
{
    MinimumEquivalents,
    MinimumGpus,
    MinimumBf16Pflops,
    MinimumMemoryTB,
    MaximumItPowerMW,
    MaximumFacilityPowerMW,
    MaximumAnnualEnergyGWh,
    MaximumAnnualEnergyCost,
}

/// <summary>A capacity requirement for a CI gate: a bound on one figure of a <see cref="FleetSummary"/>.</summary>
public sealed class FleetRequirement(RequirementKind kind, double limit)
{
    public RequirementKind Kind { get; } = kind;
    public double Limit { get; } = limit;

    /// <summary>True for a lower bound (Minimum...), false for an upper bound (Maximum...).</summary>
    public bool IsMinimum => Kind.ToString().StartsWith("Minimum", StringComparison.Ordinal);

    /// <summary>
    /// Supported when the fleet meets the bound; a minimum not reached is Overstated (the fleet is claimed larger than
    /// it is), a maximum exceeded is Understated. The tolerance is zero: a gate is a gate.
    /// </summary>
    public ClaimCheck Check(FleetSummary fleet)
    {
        var (measured, unit, name) = Figure(fleet);
        var holds = IsMinimum ? measured >= Limit : measured <= Limit;
        var verdict = holds ? ClaimVerdict.Supported : IsMinimum ? ClaimVerdict.Overstated : ClaimVerdict.Understated;
        var bound = IsMinimum ? "at least" : "at most";
        var ratio = measured == 0 ? (double?)null : Limit / measured;
        var outcome = holds ? "met" : IsMinimum ? $"short by {Figures.Decimal(Limit - measured)}" : $"exceeded by {Figures.Decimal(measured - Limit)}";
        var assumptions = Kind is RequirementKind.MinimumEquivalents
            ? $"{fleet.Metric} equivalents of {fleet.Reference}"
            : $"PUE {Figures.Decimal(fleet.Pue)}, utilization {Figures.Percent(fleet.Utilization)}, {Figures.Decimal(fleet.PricePerKwh)} {fleet.Currency}/kWh";
        return new ClaimCheck
        {
            Id = Kind.ToString(),
            Kind = ClaimKind.Requirement,
            Claim = $"{name} {bound} {Figures.Decimal(Limit)} {unit}",
            Verdict = verdict,
            Claimed = Limit,
            Measured = measured,
            Ratio = ratio,
            Tolerance = 0,
            Unit = unit,
            Basis = $"Measure-GpuFleet: {Figures.Decimal(fleet.Gpus)} GPUs of {fleet.Models} model(s); {assumptions}",
            Explanation = $"The fleet has {Figures.Decimal(measured)} {unit}; the requirement of {bound} {Figures.Decimal(Limit)} is {outcome}.",
        };
    }

    private (double Value, string Unit, string Name) Figure(FleetSummary f) => Kind switch
    {
        RequirementKind.MinimumEquivalents => (f.Equivalents, $"{f.Reference} equivalents", "Equivalents"),
        RequirementKind.MinimumGpus => (f.Gpus, "GPUs", "GPUs"),
        RequirementKind.MinimumBf16Pflops => (f.Bf16Pflops, "PFLOPS", "Dense BF16"),
        RequirementKind.MinimumMemoryTB => (f.MemoryTB, "TB", "GPU memory"),
        RequirementKind.MaximumItPowerMW => (f.ItPowerMW, "MW", "IT power"),
        RequirementKind.MaximumFacilityPowerMW => (f.FacilityPowerMW, "MW", "Facility power"),
        RequirementKind.MaximumAnnualEnergyGWh => (f.AnnualEnergyGWh, "GWh", "Annual energy"),
        _ => (f.AnnualEnergyCost, f.Currency, "Annual energy cost"),
    };
}
