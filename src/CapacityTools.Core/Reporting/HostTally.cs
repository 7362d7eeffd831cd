using System.Globalization;

namespace CapacityTools.Core.Reporting;

/// <summary>A figure summed per host as items come (GPUs of an inventory, GPU-hours of usage), and the largest hosts.</summary>
internal sealed class HostTally
{
    private readonly Dictionary<string, double> _byHost = new(StringComparer.Ordinal);

    public int Hosts => _byHost.Count;

    public void Add(string? host, double value)
    {
        var key = string.IsNullOrEmpty(host) ? "(no host)" : host!;
        _byHost[key] = (_byHost.TryGetValue(key, out var sum) ? sum : 0) + value;
    }

    /// <summary>The <paramref name="count"/> hosts with the largest figure, largest first: a bounded selection, never a sort of every host.</summary>
    public IEnumerable<(string Host, double Value)> Largest(int count)
    {
        var kept = new SortedSet<(double Value, string Host)>(Comparer<(double Value, string Host)>.Create((a, b) =>
        {
            var c = a.Value.CompareTo(b.Value);
            return c != 0 ? c : string.CompareOrdinal(b.Host, a.Host);
        }));
        foreach (var pair in _byHost)
        {
            kept.Add((pair.Value, pair.Key));
            if (kept.Count > count) kept.Remove(kept.Min);
        }
        return kept.Reverse().Select(h => (h.Host, h.Value));
    }

    /// <summary>A chart of the largest hosts, saying how many there are when not all are shown.</summary>
    public ReportChart Chart(string what, string unit, int count)
    {
        var title = Hosts > count ? $"{what} by host (the {count} largest of {Hosts.ToString("#,0", CultureInfo.InvariantCulture)})" : $"{what} by host";
        return new ReportChart(title, unit, Largest(count).Select(h => new ChartBar(h.Host, h.Value)).ToList());
    }
}
