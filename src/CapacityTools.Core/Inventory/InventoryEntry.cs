namespace CapacityTools.Core.Inventory;

/// <summary>What a reader yields, in input order: an item, a problem with one row or block, or a warning.</summary>
public sealed class InventoryEntry
{
    private InventoryEntry(GpuInventoryItem? item, Problem? problem, string? warning)
    {
        Item = item;
        Problem = problem;
        Warning = warning;
    }

    public GpuInventoryItem? Item { get; }
    public Problem? Problem { get; }
    public string? Warning { get; }

    public static InventoryEntry Of(GpuInventoryItem item) => new(item, null, null);
    public static InventoryEntry Of(Problem problem) => new(null, problem, null);
    public static InventoryEntry Warn(string warning) => new(null, null, warning);
}
