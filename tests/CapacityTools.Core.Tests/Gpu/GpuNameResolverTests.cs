using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

public class GpuNameResolverTests
{
    private static GpuNameResolver Resolver => GpuCatalog.Embedded.Resolver;

    [Theory]
    [InlineData("NVIDIA A100-SXM4-80GB", "A100-SXM4-80GB", MatchKind.Alias, 1)]
    [InlineData("NVIDIA-A100-SXM4-80GB", "A100-SXM4-80GB", MatchKind.Alias, 1)]
    [InlineData("nvidia_a100_sxm4_80gb", "A100-SXM4-80GB", MatchKind.Alias, 1)]
    [InlineData("NVIDIA H100 80GB HBM3", "H100-SXM5-80GB", MatchKind.Alias, 1)]
    [InlineData("Tesla V100-SXM2-32GB", "V100-SXM2-32GB", MatchKind.Alias, 1)]
    [InlineData("a100-sxm4-40gb", "A100-SXM4-40GB", MatchKind.Exact, 1)]
    [InlineData("A100", "A100-SXM4-80GB", MatchKind.FamilyDefault, 1)]
    [InlineData("MI300", "MI300X", MatchKind.FamilyDefault, 1)]
    [InlineData("AMD Instinct MI300X", "MI300X", MatchKind.Alias, 1)]
    [InlineData("gpu:a100:8", "A100-SXM4-80GB", MatchKind.FamilyDefault, 8)]
    [InlineData("gpu:a100:8(S:0-1)", "A100-SXM4-80GB", MatchKind.FamilyDefault, 8)]
    [InlineData("gpu:tesla_v100:2", "V100-SXM2-16GB", MatchKind.FamilyDefault, 2)]
    [InlineData("gpu:nvidia_a100-sxm4-80gb:4", "A100-SXM4-80GB", MatchKind.Alias, 4)]
    [InlineData("p5.48xlarge", "H100-SXM5-80GB", MatchKind.InstanceType, 8)]
    public void ResolvesWhatToolsPrint(string input, string id, MatchKind kind, int perUnit)
    {
        var r = Resolver.Resolve(input, out var problem);
        Assert.Null(problem);
        Assert.NotNull(r);
        Assert.Equal(id, r!.Id);
        Assert.Equal(kind, r.MatchKind);
        Assert.Equal(perUnit, r.GpusPerUnit);
        Assert.Equal(input, r.Input);
    }

    [Theory]
    [InlineData("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb", "A100-SXM4-40GB", 1.0 / 7)]
    [InlineData("NVIDIA-H100-80GB-HBM3-MIG-3g.40gb", "H100-SXM5-80GB", 40.0 / 80)] // memory share (1/2) exceeds compute (3/7)
    [InlineData("NVIDIA A100-SXM4-80GB MIG 7g.80gb", "A100-SXM4-80GB", 1.0)]
    [InlineData("NVIDIA-A100-SXM4-80GB-MIG-1g.10gb+me", "A100-SXM4-80GB", 1.0 / 7)]
    public void MigSlicesResolveToTheirParent(string input, string id, double fraction)
    {
        var r = Resolver.Resolve(input, out _)!;
        Assert.Equal(id, r.Id);
        Assert.Equal(MatchKind.MigSlice, r.MatchKind);
        Assert.Equal(fraction, r.Fraction, 9);
    }

    [Theory]
    [InlineData("gpu:8")]
    [InlineData("gpu")]
    [InlineData("gpu:(null):0")]
    public void UntypedGresIsAProblemNotAGuess(string input)
    {
        Assert.Null(Resolver.Resolve(input, out var problem));
        Assert.Equal("GresTypeMissing", problem!.ErrorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void EmptyIsMissingModel(string? input)
    {
        Assert.Null(Resolver.Resolve(input, out var problem));
        Assert.Equal("MissingGpuModel", problem!.ErrorId);
    }

    [Fact]
    public void UnknownNamesGetUpToThreeSuggestions()
    {
        Assert.Null(Resolver.Resolve("H100 SXM6 80GB", out var problem));
        Assert.Equal("UnknownGpuModel", problem!.ErrorId);
        Assert.InRange(problem.Suggestions.Count, 1, 3);
        Assert.Contains("H100-SXM5-80GB", problem.Suggestions);
        Assert.Null(Resolver.Resolve("Matrox G200eW", out var other));
        Assert.True(other!.Suggestions.Count <= 3);
    }

    [Fact]
    public void NameKeyIgnoresCaseAndPunctuationUnderTurkishCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("nvidiah100pcie", NameKey.Of("NVIDIA H100 PCIE"));
            Assert.Equal("H100-PCIE-80GB", Resolver.Resolve("NVIDIA H100 PCIE", out _)!.Id);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FourSlicesThatFillAGpusMemoryAreOneWholeGpu()
    {
        // 1g.20gb: 1 of 7 compute slices but 20 of 80 GB; four of them occupy the whole H100.
        var slice = GpuCatalog.Embedded.Resolver.Resolve("NVIDIA-H100-80GB-HBM3-MIG-1g.20gb", out _)!;
        Assert.Equal(0.25, slice.Fraction, 9);
        Assert.Contains("20 of 80 GB", slice.Note);
        var seven = GpuCatalog.Embedded.Resolver.Resolve("NVIDIA-H100-80GB-HBM3-MIG-1g.10gb", out _)!;
        Assert.Equal(1.0 / 7, seven.Fraction, 9);
    }
}
