namespace CapacityTools.Core.Gpu;

/// <summary>A bare family name ("A100", "MI300") and the SKU it stands for when no variant is given.</summary>
public sealed record GpuFamily
{
    public string Family { get; internal init; } = "";
    public string DefaultId { get; internal init; } = "";
    public DisplayList<string> Aliases { get; internal init; } = [];
    /// <summary>Why this representative was chosen.</summary>
    public string Note { get; internal init; } = "";

    public override string ToString() => Family;
}
