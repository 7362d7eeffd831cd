namespace CapacityTools.Core.Gpu;

/// <summary>
/// One accelerator SKU. Every figure is dense (never the "with sparsity" datasheet number), per GPU
/// (per chip for TPUs, per GPU of a superchip), and null where the chip has no such capability.
/// </summary>
public sealed class GpuSpec
{
    public string Id { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Model { get; set; } = "";
    public string Family { get; set; } = "";
    public string FormFactor { get; set; } = "";
    public double? MemoryGB { get; set; }
    public double? MemoryBandwidthGBps { get; set; }
    public double? TdpWatts { get; set; }
    public double? Fp64Tflops { get; set; }
    public double? Fp64TensorTflops { get; set; }
    public double? Fp32Tflops { get; set; }
    public double? Tf32Tflops { get; set; }
    public double? Bf16Tflops { get; set; }
    /// <summary>Dense 16-bit floating-point tensor (matrix) figure.</summary>
    public double? Fp16Tflops { get; set; }
    public double? Fp8Tflops { get; set; }
    public double? Int8Tops { get; set; }
    public double? Fp4Tflops { get; set; }
    public int? ReleaseYear { get; set; }
    public string[] Aliases { get; set; } = [];
    /// <summary>Datasheet URL or dataset row the figures come from, with any note on choices made.</summary>
    public string Source { get; set; } = "";
    /// <summary>Embedded (the shipped catalog) or the path of the file that Import-GpuCatalog read.</summary>
    public string Origin { get; set; } = "Embedded";

    internal GpuSpec Clone() => (GpuSpec)MemberwiseClone();

    public override string ToString() => Id;
}
