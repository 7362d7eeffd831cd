using System.Text;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

public class GpuCatalogTests
{
    private static GpuCatalog Catalog => GpuCatalog.Embedded;

    [Fact]
    public void EmbeddedCatalogLoadsWithoutProblemsOrConflicts()
    {
        Assert.Empty(Catalog.LoadProblems);
        Assert.Empty(Catalog.Conflicts);
        Assert.True(Catalog.Specs.Count >= 15);
    }

    [Fact]
    public void EveryEntryHasASourceAndAVendor()
    {
        Assert.All(Catalog.Specs, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Source), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Vendor), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Family), s.Id);
        });
    }

    [Theory]
    [InlineData("A100-SXM4-40GB")]
    [InlineData("A100-SXM4-80GB")]
    [InlineData("A100-PCIE-40GB")]
    [InlineData("A100-PCIE-80GB")]
    [InlineData("H100-SXM5-80GB")]
    [InlineData("H100-PCIE-80GB")]
    [InlineData("H100-NVL-94GB")]
    [InlineData("T4")]
    [InlineData("A10")]
    [InlineData("L40S")]
    [InlineData("B200")]
    [InlineData("MI300X")]
    public void FoundationChipsAreInTheCatalog(string id) => Assert.NotNull(Catalog.GetById(id));

    // Chips whose dense figures step by more than 2x by design, checked against the vendor:
    // Blackwell Ultra runs FP4 at 3x its FP8 rate; Trainium3 runs MXFP8 at 3.75x its BF16 rate.
    private static readonly HashSet<string> s_wideSteps = ["B300", "GB300", "TRAINIUM3"];

    [Fact]
    public void NoFigureLooksLikeASparsityFigure()
    {
        // Dense datasheet figures double per precision step at most; a "with sparsity" number doubles again.
        Assert.All(Catalog.Specs.Where(s => !s_wideSteps.Contains(s.Id)), s =>
        {
            if (s.Bf16Tflops is { } bf16 && s.Tf32Tflops is { } tf32) Assert.True(bf16 <= 2.05 * tf32, $"{s.Id}: BF16 {bf16} vs TF32 {tf32}");
            if (s.Fp8Tflops is { } fp8 && (s.Bf16Tflops ?? s.Fp16Tflops) is { } b) Assert.True(fp8 <= 2.05 * b, $"{s.Id}: FP8 {fp8} vs 16-bit {b}");
            // GeForce FP8 (like its FP16/BF16) is the FP32-accumulate rate, half the full rate; FP4 has no such halving.
            var fp4Step = s.Model.StartsWith("GeForce", StringComparison.Ordinal) ? 4.1 : 2.05;
            if (s.Fp4Tflops is { } fp4 && s.Fp8Tflops is { } f8) Assert.True(fp4 <= fp4Step * f8 + 0.01, $"{s.Id}: FP4 {fp4} vs FP8 {f8}");
        });
    }

    [Fact]
    public void FamiliesPointAtMembersOfTheFamily()
    {
        Assert.All(Catalog.Families, f =>
        {
            var spec = Catalog.GetById(f.DefaultId);
            Assert.NotNull(spec);
            Assert.Contains(spec!, Catalog.FamilyMembers(f));
            Assert.Same(spec, Catalog.FamilyMembers(f)[0]);
        });
    }

    [Fact]
    public void ReaderReportsBadRowsWithLineAndKeepsGoodOnes()
    {
        var csv = """
            Id,Vendor,Model,Bf16Tflops,MemoryGB,ReleaseYear,Source
            X1,ACME,Accel One,100,64,2024,https://example.invalid/x1
            X2,ACME,Accel Two,lots,64,2024,https://example.invalid/x2
            ,ACME,No Id,100,64,2024,src
            X3,ACME,Accel Three,-5,64,2024,src
            X4,ACME,Accel Four,200,96,20x4,src
            X1,ACME,Accel One again,100,64,2024,src
            X5,ACME,Accel Five,250,128,2025,src
            """;
        var problems = new List<Problem>();
        var specs = GpuCatalogReader.ReadSpecs(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "mine.csv", "mine.csv", problems);

        Assert.Equal(["X1", "X5"], specs.Select(s => s.Id));
        Assert.Equal(5, problems.Count);
        Assert.Equal([3L, 4L, 5L, 6L, 7L], problems.Select(p => p.Location!.Line));
        Assert.All(problems, p => Assert.Equal("mine.csv", p.Location!.File));
        Assert.Contains("Bf16Tflops 'lots' is not a number", problems[0].Message);
        Assert.Contains("Id is empty", problems[1].Message);
        Assert.Contains("negative", problems[2].Message);
        Assert.Contains("ReleaseYear", problems[3].Message);
        Assert.Equal("DuplicateGpuId", problems[4].ErrorId);
    }

    [Fact]
    public void ReaderRejectsAFileWithoutTheIdColumn()
    {
        var csv = "Name,Bf16Tflops\nX,1\n";
        var ex = Assert.Throws<CapacityException>(() =>
            GpuCatalogReader.ReadSpecs(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "bad.csv", "bad.csv", new List<Problem>()));
        Assert.Equal("MissingCatalogColumn", ex.Problem.ErrorId);
    }

    [Fact]
    public void WithReplacesByIdAndTakesOverNames()
    {
        var mine = new GpuSpec { Id = "A100-SXM4-80GB", Vendor = "NVIDIA", Model = "mine", Family = "A100", Bf16Tflops = 300, Source = "test" };
        var extra = new GpuSpec { Id = "X9", Vendor = "ACME", Model = "X9", Family = "X", Bf16Tflops = 10, Aliases = ["A100-80GB"], Source = "test" };
        var merged = Catalog.With([mine, extra]);

        Assert.Equal(300, merged.GetById("A100-SXM4-80GB")!.Bf16Tflops);
        Assert.Equal("X9", merged.FindSpec("A100-80GB")!.Id);
        Assert.Equal(312, Catalog.GetById("A100-SXM4-80GB")!.Bf16Tflops);
        Assert.Equal("A100-SXM4-80GB", Catalog.FindSpec("A100-80GB")!.Id);
        // The re-defined entry kept its other built-in names, and the move of A100-80GB to X9 is said.
        Assert.Equal("A100-SXM4-80GB", merged.FindSpec("NVIDIA A100-SXM4-80GB")?.Id ?? merged.Resolver.Resolve("NVIDIA A100-SXM4-80GB", out _)!.Id);
        Assert.Contains(merged.Conflicts, c => c.Contains("A100-80GB") && c.Contains("A100-SXM4-80GB"));
        Assert.Contains(merged.Notes, n => n.Contains("keeps that entry's"));
    }

    [Fact]
    public void ARowWithoutAliasesKeepsTheBuiltInOnes()
    {
        // The help's own example: re-define H100-SXM5-80GB with measured figures and no aliases.
        var mine = new GpuSpec { Id = "H100-SXM5-80GB", Vendor = "NVIDIA", Model = "H100 (measured)", Family = "H100", Bf16Tflops = 900, Source = "lab" };
        var merged = Catalog.With([mine]);
        var r = merged.Resolver.Resolve("NVIDIA H100 80GB HBM3", out var problem);
        Assert.Null(problem);
        Assert.Equal("H100-SXM5-80GB", r!.Id);
        Assert.Equal(900, r.Spec!.Bf16Tflops);
        Assert.Equal(Catalog.GetById("H100-SXM5-80GB")!.Aliases, merged.GetById("H100-SXM5-80GB")!.Aliases);
    }
}
