using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

/// <summary>
/// Data/gpu-names.csv: strings as nvidia-smi, GPU Feature Discovery, Slurm, rocm-smi, amd-smi,
/// SkyPilot and the clouds print them, each with the resolution it must get.
/// </summary>
public class NameCorpusTests
{
    public static IEnumerable<object[]> Corpus() =>
        TestData.CsvRows("gpu-names.csv").Select(row => new object[]
        {
            row.Get("Input") ?? "", row.Get("ExpectedId") ?? "", row.Get("MatchKind")!,
            (int)(row.GetDouble("GpusPerUnit") ?? 1), row.GetDouble("Fraction") ?? 1, row.Get("Origin") ?? "",
        });

    [Fact]
    public void CorpusCoversEverySource()
    {
        var origins = Corpus().GroupBy(r => (string)r[5]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(Corpus().Count() >= 120);
        foreach (var origin in new[] { "nvidia-smi", "gfd-label", "slurm-gres", "skypilot", "aws", "gcp", "azure", "family", "parts", "count", "pci-id", "lspci", "near-miss" })
            Assert.True(origins.ContainsKey(origin), origin);
        Assert.True(origins.Keys.Any(o => o.Contains("smi") && o != "nvidia-smi"), "rocm-smi / amd-smi");
    }

    [Theory]
    [InlineData("  Tesla T4  ")]
    [InlineData("\tTesla T4\r")]
    public void SurroundingWhitespaceNeverDecides(string input) =>
        Assert.Equal("T4", GpuCatalog.Embedded.Resolver.Resolve(input, out _)!.Id);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Resolves(string input, string expectedId, string matchKind, int gpusPerUnit, double fraction, string origin)
    {
        var resolution = GpuCatalog.Embedded.Resolver.Resolve(input, out var problem);
        if (matchKind == "Unknown")
        {
            Assert.Null(resolution);
            Assert.NotNull(problem);
            return;
        }
        Assert.True(resolution is not null, $"{origin} '{input}': {problem}");
        Assert.Equal(expectedId, resolution!.Id);
        Assert.Equal(Enum.Parse<MatchKind>(matchKind), resolution.MatchKind);
        Assert.Equal(gpusPerUnit, resolution.GpusPerUnit);
        Assert.Equal(fraction, resolution.Fraction, 5);
        if (resolution.MatchKind is MatchKind.Parts or MatchKind.PciId) Assert.NotEqual("", resolution.Parts);
    }
}
