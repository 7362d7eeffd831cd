namespace CapacityTools.Core.Gpu;

/// <summary>
/// One accelerator SKU. Every figure is dense (never the "with sparsity" datasheet number), per GPU
/// (per chip for TPUs, per GPU of a superchip), and null where the chip has no such capability.
/// Immutable: the embedded catalog is shared by every runspace, so a copy with other figures is made with <c>with</c>.
/// </summary>
public sealed record GpuSpec
{
    public string Id { get; internal init; } = "";
    public string Vendor { get; internal init; } = "";
    public string Model { get; internal init; } = "";
    public string Family { get; internal init; } = "";
    public string FormFactor { get; internal init; } = "";
    public double? MemoryGB { get; internal init; }
    public double? MemoryBandwidthGBps { get; internal init; }
    public double? TdpWatts { get; internal init; }
    /// <summary>What <see cref="TdpWatts"/> covers and who gives it ("GPU: board or module TDP", "Chip; Epoch AI estimate", a superchip module...).</summary>
    public string TdpBasis { get; internal init; } = "";
    public double? Fp64Tflops { get; internal init; }
    public double? Fp64TensorTflops { get; internal init; }
    public double? Fp32Tflops { get; internal init; }
    public double? Tf32Tflops { get; internal init; }
    public double? Bf16Tflops { get; internal init; }
    /// <summary>Dense 16-bit floating-point tensor (matrix) figure.</summary>
    public double? Fp16Tflops { get; internal init; }
    public double? Fp8Tflops { get; internal init; }
    public double? Int8Tops { get; internal init; }
    public double? Fp4Tflops { get; internal init; }
    public int? ReleaseYear { get; internal init; }
    public DisplayList<string> Aliases { get; internal init; } = [];
    /// <summary>Datasheet URL or dataset row the figures come from, with any note on choices made.</summary>
    public string Source { get; internal init; } = "";
    /// <summary>Embedded (the shipped catalog) or the path of the file that Import-GpuCatalog read.</summary>
    public string Origin { get; internal init; } = "Embedded";

    public override string ToString() => Id;
}
