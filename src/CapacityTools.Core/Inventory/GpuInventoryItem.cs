namespace CapacityTools.Core.Inventory;

/// <summary>
/// The GPUs of one model on one host (or one row of a CSV export), as an inventory source reports them.
/// <see cref="Count"/> is physical GPUs: MIG slices and time-sliced replicas are reported in
/// <see cref="MigSlices"/> and <see cref="Replicas"/>, never counted as extra GPUs.
/// </summary>
public sealed class GpuInventoryItem
{
    /// <summary>The host or node, when the source names one (or the computer the text came from).</summary>
    public string? Host { get; set; }
    /// <summary>The catalog id the source's name resolved to; null when the source names no known type (an error says why).</summary>
    public string? Model { get; set; }
    /// <summary>The name as the source wrote it.</summary>
    public string RawName { get; set; } = "";
    /// <summary>Physical GPUs (an instance type counts its GPUs; a fractional-GPU VM its share of one).</summary>
    public double Count { get; set; }
    /// <summary>MIG instances on these GPUs (0 when MIG is off).</summary>
    public int MigSlices { get; set; }
    /// <summary>Time-sliced (shared) replicas the node advertises for these GPUs (0 when not shared).</summary>
    public int Replicas { get; set; }
    /// <summary>Memory per GPU in MiB, where the source says.</summary>
    public double? MemoryMiB { get; set; }
    /// <summary>The format the item was read from.</summary>
    public InventoryFormat Format { get; set; }
    /// <summary>Where the item was read: file (or pipeline) and line.</summary>
    public SourceLocation? Source { get; set; }
    /// <summary>How the name was matched, and anything the reader inferred.</summary>
    public string Note { get; set; } = "";

    public override string ToString() => $"{Host}{(Host is null ? "" : ": ")}{Count} x {Model ?? RawName}";
}
