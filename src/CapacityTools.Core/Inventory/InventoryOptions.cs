namespace CapacityTools.Core.Inventory;

/// <summary>How to read an inventory: its format and, for CSV, which columns hold what.</summary>
public sealed class InventoryOptions
{
    public InventoryFormat Format { get; set; } = InventoryFormat.Auto;
    /// <summary>The CSV column of the GPU model (or instance type); found by its common names when null.</summary>
    public string? ModelColumn { get; set; }
    /// <summary>The CSV column of the count; found by its common names when null, and 1 per row when absent.</summary>
    public string? CountColumn { get; set; }
    /// <summary>The CSV column of the host; found by its common names when null.</summary>
    public string? HostColumn { get; set; }
    /// <summary>The host to report when the source names none (e.g. the PSComputerName the text came from).</summary>
    public string? Host { get; set; }
}
