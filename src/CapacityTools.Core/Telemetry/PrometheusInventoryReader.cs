using System.Globalization;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// Reads a live GPU inventory from a Prometheus-compatible server that scrapes dcgm-exporter, with four aggregated
/// instant queries (GPUs, MIG instances, frame buffer, GPUs without modelName), and turns the answers into the same
/// <see cref="GpuInventoryItem"/>s as the file readers (Format Prometheus), one per host and model, sorted.
/// </summary>
public sealed class PrometheusInventoryReader
{
    private readonly PrometheusClient _client;
    private readonly GpuCatalog _catalog;
    private readonly DcgmQuery _query;
    private readonly string _source;

    /// <exception cref="CapacityException">The selector is not a label matcher.</exception>
    public PrometheusInventoryReader(PrometheusClient client, GpuCatalog catalog, PrometheusOptions options)
    {
        _client = client;
        _catalog = catalog;
        _query = new DcgmQuery(options.Selector);
        _source = options.DisplayUri;
    }

    /// <summary>Items, errors and warnings; <paramref name="time"/> null is the server's now.</summary>
    /// <exception cref="CapacityException">The server cannot be reached or refused a query.</exception>
    public IReadOnlyList<InventoryEntry> Read(DateTimeOffset? time, CancellationToken token = default)
    {
        var entries = new List<InventoryEntry>();
        var gpus = Ask(_query.Gpus(), time, token, entries);
        var mig = Group(Ask(_query.MigInstances(), time, token, entries), null, _source);
        var memory = Group(Ask(_query.FrameBuffer(), time, token, entries), null, _source, Math.Max);
        var context = new ReadContext(new ResolutionCache(_catalog), new InventoryOptions(), _source, new InventoryStats(), InventoryFormat.Prometheus, token);
        var tally = context.Tally;
        foreach (var group in Group(gpus, entries, _source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var slices = mig.TryGetValue(group.Key, out var s) ? (int)Math.Round(s.Value) : 0;
            double? mib = memory.TryGetValue(group.Key, out var m) ? m.Value + 1 : null;
            DcgmExporterReader.AddGpus(tally, _catalog, group.Value.Host, group.Value.Model, group.Value.Value, slices, 0, mib);
        }
        entries.AddRange(tally.Drain());
        foreach (var series in Ask(_query.WithoutModel(), time, token, entries))
        {
            var host = DcgmLabels.Host(series.Label, out _);
            entries.Add(InventoryEntry.Of(new Problem(ErrorIds.DcgmModelNameMissing, ProblemKind.InvalidData,
                $"{_source}: {series.Value.ToString(CultureInfo.InvariantCulture)} GPU(s){(host is null ? "" : " on " + host)} have series without a modelName label, so their type is unknown; they were not counted.",
                host, recommendedAction: "Upgrade dcgm-exporter on that host (2.x and later label every series with modelName), or read it with 'nvidia-smi -q -x'.")));
        }
        if (gpus.Count == 0)
            entries.Add(InventoryEntry.Warn($"{_source} has no dcgm-exporter GPU series{(time is { } t ? " at " + t.ToString("u", CultureInfo.InvariantCulture) : "")} matching the selector: "
                + "check that it scrapes dcgm-exporter (DCGM_FI_DEV_SM_CLOCK), the -Selector, and -Time."));
        return entries;
    }

    private IReadOnlyList<PrometheusSeries> Ask(string promql, DateTimeOffset? time, CancellationToken token, List<InventoryEntry> entries)
    {
        var answer = _client.Query(promql, time, token);
        foreach (var warning in answer.Warnings) entries.Add(InventoryEntry.Warn($"{_source}: the server warns: {warning}"));
        return answer.Series;
    }

    /// <summary>
    /// Answers keyed by (host, modelName); values of one key are summed (or <paramref name="combine"/>d), since a host
    /// may come from two label spellings. A host that is an exporter pod's name is warned about once, in <paramref name="warnings"/>.
    /// </summary>
    internal static Dictionary<string, HostModel> Group(IReadOnlyList<PrometheusSeries> answer, List<InventoryEntry>? warnings, string source,
        Func<double, double, double>? combine = null)
    {
        var groups = new Dictionary<string, HostModel>(StringComparer.Ordinal);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in answer)
        {
            if (double.IsNaN(series.Value)) continue;
            var host = DcgmLabels.Host(series.Label, out var podHost);
            var model = series.Label(DcgmLabels.ModelLabel) ?? "";
            if (podHost && warnings is not null && warned.Add(host!))
                warnings.Add(InventoryEntry.Warn($"{source}: the host '{host}' is the dcgm-exporter pod's name, not the node's (the exporter runs without NODE_NAME "
                    + "and no node label was added); GPUs on different nodes may look like one host. Set NODE_NAME in the exporter's pod spec."));
            var key = (host ?? "") + "\u0001" + model;
            if (groups.TryGetValue(key, out var group)) group.Value = combine is null ? group.Value + series.Value : combine(group.Value, series.Value);
            else groups[key] = new HostModel(host, model, series.Value);
        }
        return groups;
    }

    internal sealed class HostModel(string? host, string model, double value)
    {
        public string? Host { get; } = host;
        public string Model { get; } = model;
        public double Value { get; set; } = value;
    }
}
