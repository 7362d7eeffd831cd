namespace CapacityTools.Core.Inventory;

/// <summary>What a reader yields, in input order: an item, a problem with one row or block, a warning, or a note for -Verbose.</summary>
public sealed class InventoryEntry
{
    private InventoryEntry(GpuInventoryItem? item, Problem? problem, string? warning, string? info = null)
    {
        Item = item;
        Problem = problem;
        Warning = warning;
        Info = info;
    }

    public GpuInventoryItem? Item { get; }
    public Problem? Problem { get; }
    public string? Warning { get; }
    /// <summary>What the reader detected (columns, counts), for -Verbose.</summary>
    public string? Info { get; }

    public static InventoryEntry Of(GpuInventoryItem item) => new(item, null, null);
    public static InventoryEntry Of(Problem problem) => new(null, problem, null);
    public static InventoryEntry Warn(string warning) => new(null, null, warning);
    public static InventoryEntry Note(string info) => new(null, null, null, info);
}
