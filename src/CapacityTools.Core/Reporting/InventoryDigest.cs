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
    private readonly Dictionary<string, double> _byHost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unresolved = new(StringComparer.OrdinalIgnoreCase);

    public long Rows { get; private set; }

    public void Add(GpuInventoryItem item)
    {
        Rows++;
        var host = string.IsNullOrEmpty(item.Host) ? "(no host)" : item.Host!;
        _byHost[host] = (_byHost.TryGetValue(host, out var gpus) ? gpus : 0) + item.Count;
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
        foreach (var (host, gpus) in LargestHosts(HostsShown)) table.Rows.Add([host, gpus]);
        table.Note = $"{Count(Rows)} inventory rows from {Count(_byHost.Count)} hosts" +
            (_byHost.Count > HostsShown ? $"; the {HostsShown} with the most GPUs are listed." : ".") +
            (_unresolved.Count > 0 ? $" Not counted in the totals (no catalog model): {string.Join(", ", _unresolved.OrderByDescending(u => u.Value).Take(10).Select(u => $"{u.Key} ({Count(u.Value)} rows)"))}." : "");
        return table;
    }

    public ReportChart HostChart()
    {
        var hosts = LargestHosts(HostsCharted).Select(h => new ChartBar(h.Host, h.Gpus)).ToList();
        var title = _byHost.Count > HostsCharted ? $"GPUs by host (the {HostsCharted} largest of {Count(_byHost.Count)})" : "GPUs by host";
        return new ReportChart(title, "GPUs", hosts);
    }

    private IEnumerable<(string Host, double Gpus)> LargestHosts(int count)
    {
        // A bounded selection: never sorts a million hosts to show fifty.
        var heap = new SortedSet<(double Gpus, string Host)>(Comparer<(double Gpus, string Host)>.Create((a, b) =>
        {
            var c = a.Gpus.CompareTo(b.Gpus);
            return c != 0 ? c : string.CompareOrdinal(b.Host, a.Host);
        }));
        foreach (var pair in _byHost)
        {
            heap.Add((pair.Value, pair.Key));
            if (heap.Count > count) heap.Remove(heap.Min);
        }
        return heap.Reverse().Select(h => (h.Host, h.Gpus));
    }

    private static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
