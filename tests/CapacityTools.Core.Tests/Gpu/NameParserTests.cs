using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

public class NameParserTests
{
    private static readonly NameParser s_parser = new(GpuCatalog.Embedded.Specs.Select(s => s.FormFactor));

    [Theory]
    [InlineData("NVIDIA Tesla V100 SXM2 16 GB", "v100", "sxm2", 16.0, "nvidia,tesla")]
    [InlineData("NVIDIA A100-SXM4-80GB", "a100", "sxm4", 80.0, "nvidia")]
    [InlineData("nvidia_h100_80gb_hbm3", "h100", "", 80.0, "nvidia,hbm3")]
    [InlineData("NVIDIA RTX 6000 Ada Generation", "rtx6000ada", "", null, "nvidia,generation")]
    [InlineData("NVIDIA GB300 (Blackwell Ultra)", "gb300", "", null, "nvidia,blackwell,ultra")]
    [InlineData("A100 (PCIe, 40 GB)", "a100", "pcie", 40.0, "")]
    [InlineData("NVIDIA L20 PCle", "l20", "pcie", null, "nvidia")]
    [InlineData("RTX PRO 6000 Blackwell Max-Q", "rtxpro6000blackwellmaxq", "", null, "")]
    public void ReadsTheParts(string text, string model, string forms, double? memory, string ignored)
    {
        var parts = s_parser.Parse(text);
        Assert.Equal(model, parts.Model);
        Assert.Equal(forms, string.Join(",", parts.FormWords));
        Assert.Equal(memory, parts.MemoryGB);
        Assert.Equal(ignored, string.Join(",", parts.Ignored));
    }

    [Theory]
    [InlineData("8x H100", 8, "H100")]
    [InlineData("4 x A100-80GB", 4, "A100-80GB")]
    [InlineData("L4:2", 2, "L4")]
    [InlineData("MI300X x 8", 8, "MI300X")]
    [InlineData("MI300X", 1, "MI300X")]
    [InlineData("H100 x0", 1, "H100 x0")]
    [InlineData("8", 1, "8")]
    public void SplitsACountWrittenWithTheName(string text, int count, string rest)
    {
        Assert.Equal((count, rest), NameParser.SplitCount(text));
    }

    [Theory]
    [InlineData("NVIDIA Corporation GA102GL [A10G] (rev a1)", "A10G")]
    [InlineData("01:00.0 3D controller [0302]: NVIDIA Corporation GH100 [H100 PCIe] [10de:2331] (rev a1)", "H100 PCIe")]
    [InlineData("Advanced Micro Devices, Inc. [AMD/ATI] Aldebaran/MI200 [Instinct MI210]", "Instinct MI210")]
    [InlineData("NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3")]
    public void TakesTheProductOutOfAnLspciLine(string text, string product)
    {
        Assert.Equal(product, NameParser.Product(text));
    }

    [Fact]
    public void AlternativesWithoutModelWordsTakeThePreviousOnes()
    {
        var parts = s_parser.ParseAlternatives("GH200 120GB / 480GB");
        Assert.Equal(2, parts.Count);
        Assert.Equal("gh200", parts[1].Model);
        Assert.Equal(480, parts[1].MemoryGB);
        Assert.Equal("model=gh200 memory=480GB", parts[1].Describe());
    }
}
