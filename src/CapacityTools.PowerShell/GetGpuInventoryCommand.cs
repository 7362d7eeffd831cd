using System.Management.Automation;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.PowerShell;

/// <summary>
/// Get-GpuInventory: the GPUs of a fleet from a Prometheus-compatible server that scrapes dcgm-exporter (counted by
/// the server, per host and model), or of this machine from its vendor tools.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GpuInventory", DefaultParameterSetName = LocalSet)]
[OutputType(typeof(GpuInventoryItem))]
public sealed class GetGpuInventoryCommand : PrometheusCmdlet
{
    private const string LocalSet = "Local";

    [Parameter(ParameterSetName = PrometheusSet)]
    public DateTime? Time { get; set; }

    protected override void EndProcessing()
    {
        if (ParameterSetName == LocalSet)
        {
            Write(LocalGpuTools.Read(Catalog, Environment.MachineName, TimeSpan.FromSeconds(60), StopToken));
            return;
        }
        var options = ConnectionOptions();
        Ask(options, client =>
        {
            var reader = new PrometheusInventoryReader(client, Catalog, options);
            Write(reader.Read(Time is { } t ? new DateTimeOffset(t) : null, StopToken));
        });
    }

    private void Write(IEnumerable<InventoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Item is not null) WriteObject(entry.Item);
            else if (entry.Problem is not null) WriteProblem(entry.Problem);
            else if (entry.Warning is not null) WriteWarning(entry.Warning);
        }
    }
}
