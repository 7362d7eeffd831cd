using System.Globalization;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// Inventory items summarised as they come, in one pass and constant memory per host and model: totals per model
/// through <see cref="FleetCalculator"/> (equivalents and power as Measure-GpuFleet gives them) and GPUs per host.
/// A million rows make a few tables, not a million-row dump.
/// </summary>
internal sealed class InventoryDigest(GpuCatalog catalog)
{
    /// <summary>The hosts a report lists and charts, largest first; the rest are counted.</summary>
    public const int HostsShown = 50;
    public const int HostsCharted = 20;

    private readonly FleetCalculator _fleet = new(catalog, new FleetAssumptions());
    private readonly HostTally _hosts = new();
    private readonly Dictionary<string, long> _unresolved = new(StringComparer.OrdinalIgnoreCase);

    public long Rows { get; private set; }

    public void Add(GpuInventoryItem item)
    {
        Rows++;
        _hosts.Add(item.Host, item.Count);
        if (item.Model is null || _fleet.Add(item.Model, item.Count) is not null)
        {
            var name = string.IsNullOrEmpty(item.RawName) ? "(no name)" : item.RawName;
            if (_unresolved.Count < 1000 || _unresolved.ContainsKey(name)) _unresolved[name] = (_unresolved.TryGetValue(name, out var n) ? n : 0) + 1;
        }
    }

    public FleetSummary Fleet() => _fleet.Result();

    public ReportTable HostTable()
    {
        var table = new ReportTable("Inventory by host", [new("Host"), new("GPUs", ColumnKind.Number)]);
        foreach (var (host, gpus) in _hosts.Largest(HostsShown)) table.Rows.Add([host, gpus]);
        table.Note = $"{Count(Rows)} inventory rows from {Count(_hosts.Hosts)} hosts" +
            (_hosts.Hosts > HostsShown ? $"; the {HostsShown} with the most GPUs are listed." : ".") +
            (_unresolved.Count > 0 ? $" Not counted in the totals (no catalog model): {string.Join(", ", _unresolved.OrderByDescending(u => u.Value).Take(10).Select(u => $"{u.Key} ({Count(u.Value)} rows)"))}." : "");
        return table;
    }

    public ReportChart HostChart() => _hosts.Chart("GPUs", "GPUs", HostsCharted);

    private static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
