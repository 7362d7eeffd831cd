using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Inventory;

namespace CapacityTools.PowerShell;

/// <summary>Import-GpuInventory: reads GPU inventories from files of any supported format.</summary>
[Cmdlet(VerbsData.Import, "GpuInventory", DefaultParameterSetName = PathSet)]
[OutputType(typeof(GpuInventoryItem))]
public sealed class ImportGpuInventoryCommand : InventoryReadCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string Activity = "Import-GpuInventory";

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        ForEachFile(ResolveFiles(literal ? LiteralPath : Path, literal), file =>
        {
            var reader = new InventoryReader(Catalog, ReadOptions());
            var verbose = true;
            foreach (var entry in reader.ReadFile(file, file, StopToken))
            {
                if (verbose)
                {
                    WriteVerbose($"Reading {reader.Verbose}.");
                    verbose = false;
                }
                WriteEntry(entry);
                WriteFileProgress(1, Activity, file, reader.Stats.Position, reader.Stats.Length);
            }
            WriteVerbose($"{file}: {reader.Stats.Records} row(s) or block(s) read, {reader.Stats.Skipped} skipped.");
        });
    }

    protected override void EndProcessing() => CompleteProgress(1, Activity);
}
