using System.Management.Automation;
using System.Text;
using CapacityTools.Core;
using CapacityTools.Core.Inventory;

namespace CapacityTools.PowerShell;

/// <summary>
/// ConvertFrom-GpuInventory: reads GPU inventories from text on the pipeline, such as the lines that
/// <c>Invoke-Command { nvidia-smi -q -x }</c> returns. Lines are gathered per computer (PSComputerName)
/// or per file (PSPath, as Get-Content adds), and each group is read as one document.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "GpuInventory")]
[OutputType(typeof(GpuInventoryItem))]
public sealed class ConvertFromGpuInventoryCommand : InventoryReadCmdlet
{
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Group> _order = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var input in InputObject)
        {
            var computer = input?.Properties["PSComputerName"]?.Value as string;
            var path = input?.Properties["PSPath"]?.Value as string;
            var key = (computer ?? "") + "\u0001" + (path ?? "");
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new Group(computer, SourceName(computer, path));
                _groups[key] = group;
                _order.Add(group);
            }
            var text = input?.BaseObject switch
            {
                null => "",
                string s => s,
                object[] lines => string.Join("\n", lines),
                var other => other.ToString(),
            };
            group.Text.Append(text).Append('\n');
        }
    }

    protected override void EndProcessing()
    {
        ForEachSource(_order, g => g.SourceName, group =>
        {
            var reader = new InventoryReader(Catalog, ReadOptions(group.Computer));
            foreach (var entry in reader.ReadText(group.Text.ToString(), group.SourceName, StopToken)) WriteEntry(entry);
        });
    }

    private string SourceName(string? computer, string? path)
    {
        if (path is not null)
        {
            try { return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path); }
            catch (Exception ex) when (ex is ItemNotFoundException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException) { return path; }
        }
        return computer is null ? "<pipeline>" : $"<{computer}>";
    }

    private sealed class Group(string? computer, string sourceName)
    {
        public string? Computer { get; } = computer;
        public string SourceName { get; } = sourceName;
        public StringBuilder Text { get; } = new();
    }
}
