using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

/// <summary>
/// Every 'Hardware name' of Epoch AI's ml_hardware.csv (Data/epoch/ml_hardware.csv, CC BY 4.0) resolves from
/// Epoch's own spelling to the catalog entry Data/epoch-names.csv expects, and a chip the catalog lacks is an error,
/// never a near neighbour ("NVIDIA L2 PCle" is not an L20, "Google TPU v4i" is not a v4).
/// </summary>
public class EpochNameTests
{
    private static readonly Dictionary<string, CapacityTools.Core.Data.CsvRecord> s_expected =
        TestData.CsvRows("epoch-names.csv").ToDictionary(r => r.Get("HardwareName")!, StringComparer.Ordinal);

    public static IEnumerable<object[]> EpochNames() =>
        TestData.CsvRows(Path.Combine("epoch", "ml_hardware.csv")).Select(r => new object[] { r.Get("Hardware name")! });

    [Fact]
    public void EveryEpochChipHasAnExpectationAndTheCatalogCoversTheDataCentreOnes()
    {
        var names = EpochNames().Select(n => (string)n[0]).ToList();
        Assert.Equal(170, names.Count);
        Assert.All(names, n => Assert.True(s_expected.ContainsKey(n), n));
        Assert.True(s_expected.Values.Count(r => r.Get("ExpectedId") is not null) >= 70);
    }

    [Theory]
    [MemberData(nameof(EpochNames))]
    public void ResolvesFromEpochsName(string name)
    {
        var expected = s_expected[name];
        var resolution = GpuCatalog.Embedded.Resolver.Resolve(name, out var problem);
        if (expected.Get("ExpectedId") is not { } id)
        {
            Assert.True(resolution is null, $"'{name}' must not resolve, but became {resolution?.Id}");
            Assert.Equal("UnknownGpuModel", problem!.ErrorId);
            return;
        }
        Assert.True(resolution is not null, $"'{name}': {problem}");
        Assert.Equal(id, resolution!.Id);
        Assert.Equal(expected.Get("MatchKind"), resolution.MatchKind.ToString());
        Assert.Equal(1, resolution.GpusPerUnit);
    }
}
