using System.Globalization;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// Measures GPU use over a window with aggregated instant queries evaluated at its end: GPU-hours (a subquery
/// counting distinct GPUs), time-weighted utilisation and power, and energy from the counter's increase().
/// One <see cref="GpuUsage"/> per host and model, sorted; problems and warnings as <see cref="InventoryEntry"/>-like callbacks.
/// </summary>
public sealed class GpuUsageReader
{
    public const string EngineActive = "DCGM_FI_PROF_GR_ENGINE_ACTIVE";
    public const string GpuUtil = "DCGM_FI_DEV_GPU_UTIL";
    private const double MillijoulesPerKWh = 3.6e9;
    private readonly PrometheusClient _client;
    private readonly ResolutionCache _resolutions;
    private readonly DcgmQuery _query;
    private readonly string _source;

    /// <exception cref="CapacityException">The selector is not a label matcher.</exception>
    public GpuUsageReader(PrometheusClient client, GpuCatalog catalog, PrometheusOptions options)
    {
        _client = client;
        _resolutions = new ResolutionCache(catalog);
        _query = new DcgmQuery(options.Selector);
        _source = options.DisplayUri;
    }

    /// <summary>The subquery step for GPU-hours: a minute, or coarser so that a window takes at most 1,000 steps.</summary>
    public static TimeSpan Step(TimeSpan window) => TimeSpan.FromSeconds(Math.Max(60, Math.Ceiling(window.TotalSeconds / 1000 / 60) * 60));

    /// <exception cref="CapacityException">The window is empty, or the server cannot be reached or refused a query.</exception>
    public IReadOnlyList<GpuUsage> Read(DateTimeOffset start, DateTimeOffset end, IProblemSink sink, CancellationToken token = default)
    {
        if (end <= start)
            throw new CapacityException(new Problem(ErrorIds.InvalidTimeWindow, ProblemKind.InvalidArgument,
                $"The window from {start:u} to {end:u} is empty.", start, recommendedAction: "Give -Start before -End, or a positive -Last."));
        var window = end - start;
        Dictionary<string, PrometheusInventoryReader.HostModel> Ask(string promql, Func<double, double, double>? combine = null)
        {
            var answer = _client.Query(promql, end, token);
            foreach (var warning in answer.Warnings) sink.Warning($"{_source}: the server warns: {warning}");
            return PrometheusInventoryReader.Group(answer.Series, null, _source, combine);
        }
        var hoursAnswer = _client.Query(_query.GpuHours(window, Step(window)), end, token);
        foreach (var warning in hoursAnswer.Warnings) sink.Warning($"{_source}: the server warns: {warning}");
        var podHosts = new List<InventoryEntry>();
        var hours = PrometheusInventoryReader.Group(hoursAnswer.Series, podHosts, _source);
        foreach (var entry in podHosts) sink.Warning(entry.Warning!);
        var profSum = Ask(_query.WholeGpuMean("sum", "PROF_GR_ENGINE_ACTIVE", window));
        var profCount = Ask(_query.WholeGpuMean("count", "PROF_GR_ENGINE_ACTIVE", window));
        var utilSum = Ask(_query.WholeGpuMean("sum", "DEV_GPU_UTIL", window));
        var utilCount = Ask(_query.WholeGpuMean("count", "DEV_GPU_UTIL", window));
        var powerSum = Ask(_query.Power("sum", window));
        var powerCount = Ask(_query.Power("count", window));
        var energy = Ask(_query.Energy(window));

        var results = new List<GpuUsage>();
        foreach (var pair in hours.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (host, raw, gpuHours) = (pair.Value.Host, pair.Value.Model, pair.Value.Value);
            var notes = new List<string>();
            var usage = new GpuUsage { Host = host, RawName = raw, Start = start, End = end, Source = _source };
            var fraction = 1.0;
            if (DcgmLabels.TryVgpu(_resolutions.Catalog, raw, out var parent, out var share) && parent is not null)
            {
                usage.Model = parent.Id;
                fraction = share;
                notes.Add($"vGPU profile: {share.ToString("0.###", CultureInfo.InvariantCulture)} of a {parent.Id}");
            }
            else if (_resolutions.Resolve(raw, out var problem) is { } resolution)
            {
                usage.Model = resolution.Id;
            }
            else
            {
                sink.Problem(problem!.At(new SourceLocation(_source, 0)));
            }
            usage.GpuHours = gpuHours * fraction;
            usage.Gpus = usage.GpuHours / window.TotalHours;
            if (Mean(profSum, profCount, pair.Key) is { } prof)
            {
                usage.AverageUtilization = prof;
                usage.UtilizationMetric = EngineActive;
            }
            else if (Mean(utilSum, utilCount, pair.Key) is { } util)
            {
                usage.AverageUtilization = util / 100;
                usage.UtilizationMetric = GpuUtil;
            }
            else notes.Add("no whole-GPU utilisation series (DCGM_FI_PROF_GR_ENGINE_ACTIVE or DCGM_FI_DEV_GPU_UTIL; MIG instances report it per instance only)");
            usage.AveragePowerWatts = Mean(powerSum, powerCount, pair.Key);
            if (energy.TryGetValue(pair.Key, out var mj)) usage.EnergyKWh = mj.Value * fraction / MillijoulesPerKWh;
            else notes.Add("no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: energy not measured");
            usage.Note = string.Join("; ", notes);
            results.Add(usage);
        }
        if (results.Count == 0)
            sink.Warning($"{_source} has no dcgm-exporter GPU series between {start.ToString("u", CultureInfo.InvariantCulture)} and {end.ToString("u", CultureInfo.InvariantCulture)} "
                + "matching the selector: check that it scrapes dcgm-exporter, the -Selector, and the window (-Start/-End or -Last) against the server's retention.");
        return results;
    }

    private static double? Mean(Dictionary<string, PrometheusInventoryReader.HostModel> sums, Dictionary<string, PrometheusInventoryReader.HostModel> counts, string key) =>
        sums.TryGetValue(key, out var sum) && counts.TryGetValue(key, out var count) && count.Value > 0 ? sum.Value / count.Value : null;
}
