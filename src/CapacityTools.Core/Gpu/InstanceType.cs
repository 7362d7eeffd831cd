namespace CapacityTools.Core.Gpu;

/// <summary>A cloud instance (or TPU slice) type and the accelerators it carries.</summary>
public sealed record InstanceType
{
    public string Name { get; internal init; } = "";
    public string Provider { get; internal init; } = "";
    public string GpuId { get; internal init; } = "";
    public int GpusPerUnit { get; internal init; }
    /// <summary>The share of one GPU per accelerator, for fractional-GPU VMs; 1 otherwise.</summary>
    public double Fraction { get; internal init; } = 1;
    public string Source { get; internal init; } = "";

    public override string ToString() => Name;
}
