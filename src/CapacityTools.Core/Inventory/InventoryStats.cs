namespace CapacityTools.Core.Inventory;

/// <summary>Counters of one read, for progress and the closing summary.</summary>
public sealed class InventoryStats
{
    /// <summary>Rows (CSV) or blocks (GPUs, nodes, cards) read.</summary>
    public long Records { get; internal set; }
    /// <summary>Rows or blocks that did not count: a bad count, no or an unknown model, malformed text.</summary>
    public long Skipped { get; internal set; }
    /// <summary>Bytes of the input read so far (for progress).</summary>
    public long Position { get; internal set; }
    /// <summary>Bytes of the input in all, or 0 when unknown.</summary>
    public long Length { get; internal set; }
}
