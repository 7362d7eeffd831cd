namespace CapacityTools.Core.Gpu;

/// <summary>A cloud instance (or TPU slice) type and the accelerators it carries.</summary>
public sealed class InstanceType
{
    public string Name { get; set; } = "";
    public string Provider { get; set; } = "";
    public string GpuId { get; set; } = "";
    public int GpusPerUnit { get; set; }
    /// <summary>The share of one GPU per accelerator, for fractional-GPU VMs; 1 otherwise.</summary>
    public double Fraction { get; set; } = 1;
    public string Source { get; set; } = "";

    public override string ToString() => Name;
}
