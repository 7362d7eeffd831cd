using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Verdicts;

/// <summary>A claim about GPUs: a count of one model, and what it is said to be worth in equivalents.</summary>
public sealed class GpuClaim
{
    public string Id { get; init; } = "";
    /// <summary>The claim as text; built from the figures when empty.</summary>
    public string Text { get; init; } = "";
    public string Model { get; init; } = "";
    public double Count { get; init; }
    /// <summary>The equivalents claimed; null for a bare count (then the check converts it and says the count is not verifiable).</summary>
    public double? ClaimedEquivalents { get; init; }
    /// <summary>True when the claimed equivalents include other GPUs than <see cref="Model"/> (a partial claim).</summary>
    public bool IncludesOtherGpus { get; init; }
    public GpuMetric Metric { get; init; } = GpuMetric.Bf16;
    public string Reference { get; init; } = EquivalenceCalculator.DefaultReference;
    public double Tolerance { get; init; } = Verdicts.Tolerance.DefaultGpu;
    public string Attribution { get; init; } = "";
}

/// <summary>Judges GPU claims with the <see cref="EquivalenceCalculator"/>, so they agree with Get-GpuEquivalent.</summary>
public static class GpuClaims
{
    /// <summary>The check of a claim; null with a problem when the model, reference or metric cannot count.</summary>
    public static ClaimCheck? Check(GpuCatalog catalog, GpuClaim claim, out Problem? problem)
    {
        problem = null;
        EquivalenceCalculator calculator;
        try
        {
            calculator = new EquivalenceCalculator(catalog, claim.Metric, claim.Reference);
        }
        catch (CapacityException ex)
        {
            problem = ex.Problem;
            return null;
        }
        problem = calculator.Add(claim.Model, claim.Count);
        if (problem is not null) return null;
        var result = calculator.Results()[0];
        var measured = result.Equivalents;
        var unit = $"{result.Reference} equivalents";
        var basis = $"{result.Metric}: {result.Basis} {Figures.Decimal(result.ModelValue)} / {result.ReferenceBasis} {Figures.Decimal(result.ReferenceValue)} {result.Unit} ({result.Model} / {result.Reference})";
        var counted = $"{Figures.Whole(claim.Count)} {result.Model} are {Figures.Whole(measured)} {result.Reference} equivalents by {result.Basis} ({Figures.Decimal(result.PerUnit)} each)";
        var known = new ClaimDetail
        {
            Subject = $"{Figures.Whole(claim.Count)} x {result.Model}",
            Measured = measured,
            Note = counted,
        };

        if (claim.ClaimedEquivalents is not { } claimed)
        {
            return new ClaimCheck
            {
                Id = claim.Id,
                Kind = ClaimKind.GpuCount,
                Claim = Text(claim, $"{Figures.Whole(claim.Count)} {claim.Model}"),
                Verdict = ClaimVerdict.Unverifiable,
                Claimed = claim.Count,
                Tolerance = claim.Tolerance,
                Unit = $"{result.Model} GPUs",
                Basis = basis,
                Explanation = $"{counted}. The count itself is a statement about one owner's fleet that no embedded data records, so it cannot be verified; the equivalents follow from it.",
                Details = [known],
                Attribution = claim.Attribution,
            };
        }

        var ratio = claimed / measured;
        var verdict = Tolerance.Judge(claimed, measured, claim.Tolerance);
        string explanation;
        double? unexplained = null;
        var details = new List<ClaimDetail> { known };
        if (claim.IncludesOtherGpus && verdict == ClaimVerdict.Overstated)
        {
            // The rest is said to come from GPUs the claim does not name: nothing can check them.
            verdict = ClaimVerdict.Unverifiable;
            unexplained = claimed - measured;
            details.Add(new ClaimDetail
            {
                Subject = "other GPUs (not named)",
                Claimed = unexplained,
                Note = $"must supply {Figures.Whole(unexplained.Value)} {result.Reference} equivalents, {Figures.Percent(unexplained.Value / claimed)} of the claim",
            });
            explanation = $"{counted}, {Figures.Percent(measured / claimed)} of the {Figures.Whole(claimed)} claimed. The other GPUs would have to supply {Figures.Whole(unexplained.Value)} equivalents; the claim does not say which they are, so the data cannot check it.";
        }
        else
        {
            var agreement = verdict switch
            {
                ClaimVerdict.Supported => $"within the {Figures.Percent(claim.Tolerance)} tolerance",
                ClaimVerdict.Overstated => $"the claim is {Figures.Percent(ratio - 1)} more, beyond the {Figures.Percent(claim.Tolerance)} tolerance",
                _ => $"the claim is {Figures.Percent(1 - ratio)} less, beyond the {Figures.Percent(claim.Tolerance)} tolerance",
            };
            explanation = $"{counted}; {Figures.Whole(claimed)} claimed: {agreement}.";
        }

        return new ClaimCheck
        {
            Id = claim.Id,
            Kind = ClaimKind.GpuEquivalents,
            Claim = Text(claim, $"{Figures.Whole(claim.Count)} {claim.Model}{(claim.IncludesOtherGpus ? " and other GPUs" : "")} are {Figures.Whole(claimed)} {result.Reference} equivalents"),
            Verdict = verdict,
            Claimed = claimed,
            Measured = measured,
            Ratio = ratio,
            Tolerance = claim.Tolerance,
            Unit = unit,
            Basis = basis,
            Explanation = explanation,
            Unexplained = unexplained,
            Details = details,
            Attribution = claim.Attribution,
        };
    }

    private static string Text(GpuClaim claim, string built) => string.IsNullOrWhiteSpace(claim.Text) ? built : claim.Text;
}
