using CapacityTools.Core;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

public class EquivalenceCalculatorTests
{
    private static EquivalenceCalculator Calc(GpuMetric metric = GpuMetric.Bf16, string reference = EquivalenceCalculator.DefaultReference) =>
        new(GpuCatalog.Embedded, metric, reference);

    [Fact]
    public void SeedClaimByBf16()
    {
        var calc = Calc();
        Assert.Null(calc.Add("A100", 350_000));
        var r = Assert.Single(calc.Results());
        Assert.Equal("A100-SXM4-80GB", r.Model);
        Assert.Equal(312 / 989.4, r.PerUnit, 12);
        Assert.Equal(110_370, r.Equivalents, 0);
        Assert.Equal("BF16 dense", r.Basis);
    }

    [Fact]
    public void SeedClaimByEpoch8Bit()
    {
        var calc = Calc(GpuMetric.Epoch8Bit);
        calc.Add("A100", 350_000);
        var r = Assert.Single(calc.Results());
        Assert.Equal(624 / 1978.9, r.PerUnit, 12);
        Assert.Equal(0.315, r.PerUnit, 3);
        Assert.Equal("INT8 dense (no FP8)", r.Basis);
    }

    [Theory]
    [InlineData(GpuMetric.Memory, "MI300X", "A100-SXM4-80GB", 2.4)]
    [InlineData(GpuMetric.Bandwidth, "H200-SXM-141GB", "H100-SXM5-80GB", 4800.0 / 3350)]
    [InlineData(GpuMetric.Fp64, "MI300X", "H100-SXM5-80GB", 81.7 / 34)]
    [InlineData(GpuMetric.Fp8, "H100-SXM5-80GB", "MI300X", 1978.9 / 2614.9)]
    [InlineData(GpuMetric.Bf16, "T4", "A10", 65.0 / 125)]
    public void PerUnitIsTheRatioOfFigures(GpuMetric metric, string model, string reference, double expected)
    {
        var calc = Calc(metric, reference);
        Assert.Null(calc.Add(model, 10));
        var r = Assert.Single(calc.Results());
        Assert.Equal(expected, r.PerUnit, 9);
        Assert.Equal(10 * expected, r.Equivalents, 9);
    }

    [Fact]
    public void OneRowPerDistinctModelInFirstSeenOrder()
    {
        var calc = Calc();
        calc.Add("NVIDIA H100 80GB HBM3", 8);
        calc.Add("A100-SXM4-40GB", 4);
        calc.Add("h100-sxm5-80gb", 8);
        var results = calc.Results();
        Assert.Equal(["H100-SXM5-80GB", "A100-SXM4-40GB"], results.Select(r => r.Model));
        Assert.Equal(16, results[0].Count);
        Assert.Equal(["NVIDIA H100 80GB HBM3", "h100-sxm5-80gb"], results[0].InputNames);
    }

    [Fact]
    public void InstanceTypesAndMigSlicesCountAsTheirGpus()
    {
        var calc = Calc();
        calc.Add("p4d.24xlarge", 2);
        calc.Add("NVIDIA-A100-SXM4-80GB-MIG-1g.10gb", 7);
        var results = calc.Results();
        Assert.Equal(16, results.Single(r => r.Model == "A100-SXM4-40GB").Count);
        Assert.Equal(1, results.Single(r => r.Model == "A100-SXM4-80GB").Count, 9);
    }

    [Fact]
    public void BadPairsAreProblemsAndTheRestCounts()
    {
        var calc = Calc(GpuMetric.Fp8);
        Assert.Equal("UnknownGpuModel", calc.Add("Z9000", 1)!.ErrorId);
        Assert.Equal("InvalidGpuCount", calc.Add("H100", -8)!.ErrorId);
        Assert.Equal("InvalidGpuCount", calc.Add("H100", double.NaN)!.ErrorId);
        Assert.Equal("InvalidGpuCount", calc.Add("H100", 1e308)!.ErrorId);
        Assert.Equal("MetricNotAvailable", calc.Add("A100-SXM4-80GB", 4)!.ErrorId);
        Assert.Null(calc.Add("H100", 2));
        Assert.Equal(2, Assert.Single(calc.Results()).Equivalents);
    }

    [Fact]
    public void ProblemsCarryTheLocationGiven()
    {
        var calc = Calc();
        var problem = calc.Add("Z9000", 1, new SourceLocation("fleet.csv", 7))!;
        Assert.Equal("fleet.csv:7", problem.Location!.ToString());
        Assert.StartsWith("fleet.csv:7: ", problem.FullMessage);
    }

    [Fact]
    public void FamilyDefaultWarnsOnceWhenVariantsDiffer()
    {
        var sink = new ListSink();
        var calc = new EquivalenceCalculator(GpuCatalog.Embedded, GpuMetric.Memory, EquivalenceCalculator.DefaultReference, sink);
        calc.Add("A100", 10);
        calc.Add("A100", 10);
        var warning = Assert.Single(sink.Warnings);
        Assert.Contains("A100-SXM4-40GB", warning);

        var quiet = new ListSink();
        var bf16 = new EquivalenceCalculator(GpuCatalog.Embedded, GpuMetric.Bf16, EquivalenceCalculator.DefaultReference, quiet);
        bf16.Add("A100", 10);
        Assert.Empty(quiet.Warnings);
    }

    [Fact]
    public void AReferenceWithoutTheMetricIsRejected()
    {
        var ex = Assert.Throws<CapacityException>(() => Calc(GpuMetric.Fp8, "A100-SXM4-80GB"));
        Assert.Equal("MetricNotAvailable", ex.Problem.ErrorId);
        Assert.Equal("UnknownGpuModel", Assert.Throws<CapacityException>(() => Calc(GpuMetric.Bf16, "nope")).Problem.ErrorId);
    }
}
