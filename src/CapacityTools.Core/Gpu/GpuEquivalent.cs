namespace CapacityTools.Core.Gpu;

/// <summary>A count of one model expressed as equivalents of a reference GPU under a named metric.</summary>
public sealed class GpuEquivalent
{
    /// <summary>The catalog id the input resolved to.</summary>
    public string Model { get; set; } = "";
    /// <summary>Physical GPUs (MIG slices and fractional VMs count as their share of one).</summary>
    public double Count { get; set; }
    public GpuMetric Metric { get; set; }
    public string Reference { get; set; } = "";
    /// <summary>How many reference GPUs one of these is worth under the metric.</summary>
    public double PerUnit { get; set; }
    public double Equivalents { get; set; }
    public double ModelValue { get; set; }
    public double ReferenceValue { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>The figure used for the model, e.g. "BF16 dense" or "FP16 tensor (no BF16)".</summary>
    public string Basis { get; set; } = "";
    public string ReferenceBasis { get; set; } = "";
    /// <summary>The names the input gave for this model, as written.</summary>
    public DisplayList<string> InputNames { get; set; } = [];
    /// <summary>How the model was matched, and any fallback or family default used.</summary>
    public string Note { get; set; } = "";

    public override string ToString() => $"{Count} x {Model} = {Equivalents} x {Reference} ({Metric})";
}
