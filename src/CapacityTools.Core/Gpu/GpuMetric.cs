namespace CapacityTools.Core.Gpu;

/// <summary>The figure that equivalence is computed on.</summary>
public enum GpuMetric
{
    /// <summary>Dense BF16 tensor; the FP16 tensor figure where a chip has no BF16 (stated in the output).</summary>
    Bf16,
    Fp16,
    Fp8,
    Int8,
    Fp4,
    Tf32,
    Fp32,
    Fp64,
    Memory,
    Bandwidth,
    /// <summary>Epoch AI's H100-equivalent rule: dense FP8, else INT8, else 16-bit tensor, else FP32.</summary>
    Epoch8Bit,
    /// <summary>FP64 on the matrix (tensor) units; none for chips without an FP64 matrix path (MI100, Intel Max).</summary>
    Fp64Tensor,
}
