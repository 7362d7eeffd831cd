namespace CapacityTools.Core.Gpu;

/// <summary>A bare family name ("A100", "MI300") and the SKU it stands for when no variant is given.</summary>
public sealed class GpuFamily
{
    public string Family { get; set; } = "";
    public string DefaultId { get; set; } = "";
    public string[] Aliases { get; set; } = [];
    /// <summary>Why this representative was chosen.</summary>
    public string Note { get; set; } = "";

    public override string ToString() => Family;
}
