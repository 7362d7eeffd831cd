namespace CapacityTools.Core.Gpu;

/// <summary>Reads a chip's figure under a metric, applying the fallbacks that DESIGN.md defines and no others.</summary>
public static class GpuMetrics
{
    public static string Unit(GpuMetric metric) => metric switch
    {
        GpuMetric.Int8 => "TOPS",
        GpuMetric.Epoch8Bit => "TOPS (8-bit)",
        GpuMetric.Memory => "GB",
        GpuMetric.Bandwidth => "GB/s",
        _ => "TFLOPS",
    };

    /// <summary>The chip's value, or null when the chip has no figure for the metric and no fallback applies.</summary>
    public static MetricReading? Read(GpuSpec spec, GpuMetric metric)
    {
        switch (metric)
        {
            case GpuMetric.Bf16:
                return First(spec, (spec.Bf16Tflops, "BF16 dense"), (spec.Fp16Tflops, "FP16 tensor (no BF16)"));
            case GpuMetric.Epoch8Bit:
                // Epoch AI's H100e takes a chip's highest 8-bit figure: INT8 where it outruns FP8 (RTX 4090, whose FP8 is
                // the FP32-accumulate rate; Trainium1; TPUs, whose FP8 runs at the BF16 rate).
                if (spec.Fp8Tflops is > 0 && spec.Int8Tops is { } int8 && int8 > spec.Fp8Tflops)
                    return new MetricReading(int8, "INT8 dense (above FP8)", false);
                return First(spec,
                    (spec.Fp8Tflops, "FP8 dense"),
                    (spec.Int8Tops, "INT8 dense (no FP8)"),
                    (spec.Bf16Tflops ?? spec.Fp16Tflops, "16-bit tensor (no 8-bit)"),
                    (spec.Fp32Tflops, "FP32 (no tensor figure)"));
            default:
                var value = metric switch
                {
                    GpuMetric.Fp16 => spec.Fp16Tflops,
                    GpuMetric.Fp8 => spec.Fp8Tflops,
                    GpuMetric.Int8 => spec.Int8Tops,
                    GpuMetric.Fp4 => spec.Fp4Tflops,
                    GpuMetric.Tf32 => spec.Tf32Tflops,
                    GpuMetric.Fp32 => spec.Fp32Tflops,
                    GpuMetric.Fp64 => spec.Fp64Tflops,
                    GpuMetric.Fp64Tensor => spec.Fp64TensorTflops,
                    GpuMetric.Memory => spec.MemoryGB,
                    GpuMetric.Bandwidth => spec.MemoryBandwidthGBps,
                    _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
                };
                return value is { } v && v > 0 ? new MetricReading(v, Describe(metric), false) : null;
        }
    }

    private static MetricReading? First(GpuSpec spec, params (double? Value, string Basis)[] candidates)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Value is { } v && v > 0) return new MetricReading(v, candidates[i].Basis, i > 0);
        }
        return null;
    }

    private static string Describe(GpuMetric metric) => metric switch
    {
        GpuMetric.Fp16 => "FP16 tensor dense",
        GpuMetric.Fp8 => "FP8 dense",
        GpuMetric.Int8 => "INT8 dense",
        GpuMetric.Fp4 => "FP4 dense",
        GpuMetric.Tf32 => "TF32 tensor dense",
        GpuMetric.Fp32 => "FP32 vector",
        GpuMetric.Fp64 => "FP64 vector",
        GpuMetric.Fp64Tensor => "FP64 tensor (matrix) dense",
        GpuMetric.Memory => "memory capacity",
        GpuMetric.Bandwidth => "memory bandwidth",
        _ => metric.ToString(),
    };
}
