using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Tests.Verdicts;

public class VerdictRuleTests
{
    private static readonly GdpEdition s_weo = GdpLibrary.Embedded.Find(GdpLibrary.DefaultEdition)!;

    [Theory]
    [InlineData(110_000, ClaimVerdict.Supported)]
    [InlineData(150_000, ClaimVerdict.Overstated)]
    [InlineData(80_000, ClaimVerdict.Understated)]
    public void EquivalenceClaimsAreJudgedWithinTheTolerance(double claimed, ClaimVerdict expected)
    {
        var check = GpuClaims.Check(GpuCatalog.Embedded, new GpuClaim { Model = "A100", Count = 350_000, ClaimedEquivalents = claimed }, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, check!.Verdict);
        Assert.Equal(claimed / (350_000 * 312 / 989.4), check.Ratio!.Value, 9);
        Assert.Equal(expected == ClaimVerdict.Supported, check.Holds);
    }

    [Fact]
    public void APartialClaimThatTheKnownGpusAlreadyExplainIsSupported()
    {
        var check = GpuClaims.Check(GpuCatalog.Embedded, new GpuClaim { Model = "H100", Count = 1000, ClaimedEquivalents = 1000, IncludesOtherGpus = true }, out _);
        Assert.Equal(ClaimVerdict.Supported, check!.Verdict);
        Assert.Null(check.Unexplained);
    }

    [Fact]
    public void OtherMetricsAndReferencesChangeTheMeasure()
    {
        var check = GpuClaims.Check(GpuCatalog.Embedded, new GpuClaim { Model = "A100", Count = 1000, ClaimedEquivalents = 1000, Metric = GpuMetric.Fp64 }, out _);
        Assert.Equal(1000 * 9.7 / 34, check!.Measured!.Value, 6);
        Assert.Equal(ClaimVerdict.Overstated, check.Verdict);
    }

    [Fact]
    public void AnUnknownModelIsAProblemNotAVerdict()
    {
        Assert.Null(GpuClaims.Check(GpuCatalog.Embedded, new GpuClaim { Model = "Z9000", Count = 1, ClaimedEquivalents = 1 }, out var problem));
        Assert.Equal(ErrorIds.UnknownGpuModel, problem!.ErrorId);
    }

    [Fact]
    public void AnAmountFarBelowARivalIsOverstatedAndFarAboveIsUnderstated()
    {
        var sink = new ListSink();
        var amount = AmountParser.Parse("$800 billion", null, out _)!;
        var germany = MoneyClaims.Check(s_weo, new MoneyClaim { Amount = amount, Year = 2024, Rivals = ["Germany"] }, sink)!;
        Assert.Equal(ClaimVerdict.Overstated, germany.Verdict);
        var malta = MoneyClaims.Check(s_weo, new MoneyClaim { Amount = amount, Year = 2024, Rivals = ["Malta"] }, sink)!;
        Assert.Equal(ClaimVerdict.Understated, malta.Verdict);
        var strict = MoneyClaims.Check(s_weo, new MoneyClaim { Amount = amount, Year = 2024, Rivals = ["POL"], Tolerance = 0.1 }, sink)!;
        Assert.Equal(ClaimVerdict.Overstated, strict.Verdict);
        Assert.Empty(sink.Problems);
    }

    [Fact]
    public void AnUnknownRivalIsAProblemAndTheOthersStillCount()
    {
        var sink = new ListSink();
        var check = MoneyClaims.Check(s_weo, new MoneyClaim { Amount = AmountParser.Parse("800B", null, out _)!, Year = 2024, Rivals = ["Atlantis", "TWN"] }, sink)!;
        Assert.Equal(ErrorIds.UnknownCountry, Assert.Single(sink.Problems).ErrorId);
        Assert.Single(check.Details);
        Assert.Equal(ClaimVerdict.Supported, check.Verdict);
    }

    [Fact]
    public void MalformedRowsAreProblems()
    {
        var sink = new ListSink();
        Assert.Null(ClaimRows.Check(new ClaimRecord { Id = "x", Kind = "Rumour" }, _ => null, GpuCatalog.Embedded, s_weo, null, sink));
        Assert.Null(ClaimRows.Check(new ClaimRecord { Id = "y", Kind = "GpuEquivalents", Value = "10", Unit = "H100", Includes = "nowhere" }, _ => null, GpuCatalog.Embedded, s_weo, null, sink));
        Assert.Null(ClaimRows.Check(new ClaimRecord { Id = "z", Kind = "GpuCount", Value = "1,5", Unit = "A100" }, _ => null, GpuCatalog.Embedded, s_weo, null, sink));
        Assert.All(sink.Problems, p => Assert.Equal(ErrorIds.InvalidClaim, p.ErrorId));
        Assert.Equal(3, sink.Problems.Count);
    }

    [Theory]
    [InlineData(RequirementKind.MinimumEquivalents, 300, ClaimVerdict.Supported)]
    [InlineData(RequirementKind.MinimumEquivalents, 400, ClaimVerdict.Overstated)]
    [InlineData(RequirementKind.MinimumGpus, 1000, ClaimVerdict.Supported)]
    [InlineData(RequirementKind.MaximumFacilityPowerMW, 0.45, ClaimVerdict.Understated)]
    [InlineData(RequirementKind.MaximumFacilityPowerMW, 0.48, ClaimVerdict.Supported)]
    public void RequirementsGateAFleet(RequirementKind kind, double limit, ClaimVerdict expected)
    {
        var calculator = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions());
        calculator.Add("A100-SXM4-80GB", 1000);
        var fleet = calculator.Result(); // 315.3 H100e, 0.4 MW IT, 0.48 MW facility
        var check = new FleetRequirement(kind, limit).Check(fleet);
        Assert.Equal(expected, check.Verdict);
        Assert.Equal(ClaimKind.Requirement, check.Kind);
        Assert.Equal(limit, check.Claimed);
        Assert.Contains(check.Measured!.Value.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture), check.Explanation);
    }
}
