using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

public class GpuMetricsTests
{
    private static readonly GpuSpec V100 = new() { Id = "V", Fp16Tflops = 125, Fp32Tflops = 15.7, MemoryGB = 32 };
    private static readonly GpuSpec Fp32Only = new() { Id = "F", Fp32Tflops = 20 };
    private static readonly GpuSpec Int8Chip = new() { Id = "I", Bf16Tflops = 312, Fp16Tflops = 312, Int8Tops = 624 };

    [Fact]
    public void Bf16FallsBackToFp16AndSaysSo()
    {
        var r = GpuMetrics.Read(V100, GpuMetric.Bf16)!.Value;
        Assert.Equal(125, r.Value);
        Assert.True(r.IsFallback);
        Assert.Contains("no BF16", r.Basis);
    }

    [Theory]
    [InlineData(GpuMetric.Fp8)]
    [InlineData(GpuMetric.Int8)]
    [InlineData(GpuMetric.Tf32)]
    public void OtherMetricsHaveNoFallback(GpuMetric metric) => Assert.Null(GpuMetrics.Read(V100, metric));

    [Fact]
    public void Epoch8BitTakesFp8ThenInt8Then16BitThenFp32()
    {
        Assert.Equal(624, GpuMetrics.Read(Int8Chip, GpuMetric.Epoch8Bit)!.Value.Value);
        Assert.Equal(125, GpuMetrics.Read(V100, GpuMetric.Epoch8Bit)!.Value.Value);
        Assert.Equal(20, GpuMetrics.Read(Fp32Only, GpuMetric.Epoch8Bit)!.Value.Value);
        var h100 = GpuCatalog.Embedded.GetById("H100-SXM5-80GB")!;
        var reading = GpuMetrics.Read(h100, GpuMetric.Epoch8Bit)!.Value;
        Assert.Equal(1978.9, reading.Value);
        Assert.False(reading.IsFallback);
    }

    [Theory]
    [InlineData("H100-SXM5-80GB", 34.0, 67.0)]
    [InlineData("A100-SXM4-80GB", 9.7, 19.5)]
    [InlineData("MI300X", 81.7, 163.4)]
    [InlineData("GB200", 40.0, 40.0)]
    public void Fp64HasAVectorAndATensorPeak(string id, double vector, double tensor)
    {
        var spec = GpuCatalog.Embedded.GetById(id)!;
        Assert.Equal(vector, GpuMetrics.Read(spec, GpuMetric.Fp64)!.Value.Value);
        Assert.Equal(tensor, GpuMetrics.Read(spec, GpuMetric.Fp64Tensor)!.Value.Value);
    }

    [Theory]
    [InlineData("MI100")]
    [InlineData("MAX-1550")]
    [InlineData("MAX-1100")]
    public void ChipsWithoutAnFp64MatrixPathHaveNoFp64Tensor(string id)
    {
        var spec = GpuCatalog.Embedded.GetById(id)!;
        Assert.Null(GpuMetrics.Read(spec, GpuMetric.Fp64Tensor));
        Assert.NotNull(GpuMetrics.Read(spec, GpuMetric.Fp64));
    }

    [Theory]
    [InlineData(GpuMetric.Memory, "GB")]
    [InlineData(GpuMetric.Bandwidth, "GB/s")]
    [InlineData(GpuMetric.Int8, "TOPS")]
    [InlineData(GpuMetric.Bf16, "TFLOPS")]
    public void UnitsAreNamed(GpuMetric metric, string unit) => Assert.Equal(unit, GpuMetrics.Unit(metric));
}
