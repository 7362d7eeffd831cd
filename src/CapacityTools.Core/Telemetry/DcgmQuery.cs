using System.Globalization;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// Builds the PromQL that lets the server do the counting: each query returns one series per host and model
/// (O(hosts x models)), never one per GPU or per metric. Every query accepts both namespaces (<c>DCGM_FI_*</c> and
/// <c>dcgm_fi_*</c>) and both spellings of UUID and Hostname; series with a Hostname are grouped by it (and by the
/// node labels), the others by the node labels and the scrape target, so a GPU scraped through two targets of
/// one node counts once.
/// </summary>
internal sealed class DcgmQuery
{
    private const string HostBy = "Hostname, hostname, node, nodename, kubernetes_node, exported_node";
    private const string NodeBy = "node, nodename, kubernetes_node, exported_node, instance";
    private const string GpuKey = "UUID, uuid";
    /// <summary>Fields every exporter's default set has, on whole GPUs and on MIG instances alike.</summary>
    public const string PresenceFields = "DEV_SM_CLOCK|DEV_GPU_TEMP";
    private readonly string _matchers;

    /// <exception cref="CapacityException">The selector is not a label matcher.</exception>
    public DcgmQuery(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            _matchers = "";
            return;
        }
        var text = selector!.Trim();
        if (!text.StartsWith("{", StringComparison.Ordinal) || !text.EndsWith("}", StringComparison.Ordinal))
            throw new CapacityException(new Problem(ErrorIds.InvalidSelector, ProblemKind.InvalidArgument,
                $"-Selector '{selector}' is not a label matcher in braces.", selector,
                recommendedAction: "Give label matchers only, e.g. -Selector '{cluster=\"train-a\"}'; the module picks the metrics itself."));
        var inner = text.Substring(1, text.Length - 2).Trim().TrimEnd(',').Trim();
        _matchers = inner.Length == 0 ? "" : ", " + inner;
    }

    /// <summary>A series selector for DCGM fields (any namespace), the user's matchers, a modelName, and <paramref name="more"/>.</summary>
    public string Series(string fields, string more = "", bool needModel = true)
    {
        var names = string.Join("|", fields.Split('|').SelectMany(f => new[] { "DCGM_FI_" + f, "dcgm_fi_" + f.ToLowerInvariant() }));
        return $"{{__name__=~\"{names}\"{_matchers}{(needModel ? ", modelName!=\"\"" : "")}{more}}}";
    }

    /// <summary>
    /// <paramref name="outer"/> by host and model over <paramref name="perGpu"/>(by, matchers), where <c>by</c> is the
    /// per-GPU grouping to use and <c>matchers</c> the host matchers to add to its series.
    /// </summary>
    public static string PerHost(string outer, Func<string, string, string> perGpu) =>
        $"{outer} by ({HostBy}, modelName) ({perGpu($"{GpuKey}, {HostBy}, modelName", ", Hostname!=\"\"")} or {perGpu($"{GpuKey}, {HostBy}, modelName", ", hostname!=\"\"")})"
        + $" or {outer} by ({NodeBy}, modelName) ({perGpu($"{GpuKey}, {NodeBy}, modelName", ", Hostname=\"\", hostname=\"\"")})";

    /// <summary>Physical GPUs per host and model: distinct UUIDs, MIG instances collapsed.</summary>
    public string Gpus() => PerHost("count", (by, m) => $"count by ({by}) ({Series(PresenceFields, m)})");

    /// <summary>MIG instances per host and model: distinct (UUID, GPU_I_ID).</summary>
    public string MigInstances() =>
        PerHost("count", (by, m) => $"count by ({by}, GPU_I_ID) ({Series(PresenceFields + "|PROF_GR_ENGINE_ACTIVE", m + ", GPU_I_ID!=\"\"")})");

    /// <summary>The largest frame buffer per host and model: FB_FREE + FB_USED + FB_RESERVED of whole GPUs (nvidia-smi's total less 1 MiB).</summary>
    public string FrameBuffer() =>
        PerHost("max", (by, m) => $"sum by ({by}) ({Series("DEV_FB_FREE|DEV_FB_USED|DEV_FB_RESERVED", m + ", GPU_I_ID=\"\"")})");

    /// <summary>GPUs whose series carry no modelName, per host: an error, never a guess.</summary>
    public string WithoutModel() =>
        $"count by ({HostBy}, instance) (count by ({GpuKey}, {HostBy}, instance) ({Series(PresenceFields, ", modelName=\"\"", needModel: false)}))";

    /// <summary>GPU-hours in the window: distinct GPUs at each step of a subquery, times the step.</summary>
    public string GpuHours(TimeSpan window, TimeSpan step) =>
        // The range is a second short of the window, so a window that is a whole number of steps has exactly that many
        // steps whether the server's range is closed (Prometheus 2) or left-open (Prometheus 3).
        $"sum_over_time(({Gpus()})[{Seconds(window - TimeSpan.FromSeconds(1))}:{Seconds(step)}]) * {step.TotalSeconds.ToString(CultureInfo.InvariantCulture)} / 3600";

    /// <summary>
    /// Time-weighted mean of a whole-GPU gauge per GPU (sum over count of samples, so series split by changing
    /// workload labels weigh by their samples), then <paramref name="outer"/> (sum or count) per host and model.
    /// </summary>
    public string WholeGpuMean(string outer, string field, TimeSpan window) =>
        PerHost(outer, (by, m) =>
        {
            var s = Series(field, m + ", GPU_I_ID=\"\"");
            return $"sum by ({by}) (sum_over_time({s}[{Seconds(window)}])) / sum by ({by}) (count_over_time({s}[{Seconds(window)}]))";
        });

    /// <summary>
    /// Mean power per GPU: a MIG instance repeats its GPU's power, so each (GPU, instance) is averaged and the
    /// instances of one GPU give their maximum, never their sum.
    /// </summary>
    public string Power(string outer, TimeSpan window) =>
        PerHost(outer, (by, m) =>
        {
            var s = Series("DEV_POWER_USAGE", m);
            return $"max by ({by}) (sum by ({by}, GPU_I_ID) (sum_over_time({s}[{Seconds(window)}])) / sum by ({by}, GPU_I_ID) (count_over_time({s}[{Seconds(window)}])))";
        });

    /// <summary>
    /// Energy in millijoules: increase() of the counter (it resets when the driver reloads), summed over the series of
    /// one (GPU, instance) as workload labels change, the instances of one GPU collapsed by max, then summed per host.
    /// </summary>
    public string Energy(TimeSpan window) =>
        PerHost("sum", (by, m) => $"max by ({by}) (sum by ({by}, GPU_I_ID) (increase({Series("DEV_TOTAL_ENERGY_CONSUMPTION", m)}[{Seconds(window)}])))");

    internal static string Seconds(TimeSpan span) => Math.Max(1, (long)Math.Round(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
}
