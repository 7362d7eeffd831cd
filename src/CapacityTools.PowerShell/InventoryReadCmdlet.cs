using System.Management.Automation;
using CapacityTools.Core.Inventory;

namespace CapacityTools.PowerShell;

/// <summary>
/// What the two inventory readers share (Import-GpuInventory from files, ConvertFrom-GpuInventory from text):
/// the format (detected unless given) and the CSV column names when a file's headers are unusual.
/// </summary>
public abstract class InventoryReadCmdlet : CapacityCmdlet
{
    [Parameter]
    public InventoryFormat Format { get; set; } = InventoryFormat.Auto;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelColumn { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CountColumn { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? HostColumn { get; set; }

    /// <summary>The reader options these parameters give; <paramref name="host"/> names the host when the source does not.</summary>
    protected InventoryOptions ReadOptions(string? host = null) => new()
    {
        Format = Format, ModelColumn = ModelColumn, CountColumn = CountColumn, HostColumn = HostColumn, Host = host,
    };
}
