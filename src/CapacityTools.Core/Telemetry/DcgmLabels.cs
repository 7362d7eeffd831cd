using System.Text.RegularExpressions;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// The label spellings of dcgm-exporter (see FACTS: <c>Hostname</c>/<c>hostname</c>, <c>UUID</c>/<c>uuid</c>,
/// <c>DCGM_FI_*</c>/<c>dcgm_fi_*</c>) and the rules that saved scrapes and Prometheus answers share:
/// which label names the host, when a host is really the exporter's pod, and what a vGPU profile is a share of.
/// </summary>
public static class DcgmLabels
{
    /// <summary>The labels dcgm-exporter writes the host into (the spelling changed in 2026).</summary>
    public static readonly string[] HostnameLabels = ["Hostname", "hostname"];
    /// <summary>Node labels that Prometheus relabelling or service discovery add.</summary>
    public static readonly string[] NodeLabels = ["node", "nodename", "kubernetes_node", "exported_node"];
    /// <summary>The GPU's UUID, in the current and the old (--use-old-namespace) spelling.</summary>
    public static readonly string[] UuidLabels = ["UUID", "uuid"];
    public const string ModelLabel = "modelName";
    public const string InstanceIdLabel = "GPU_I_ID";
    public const string InstanceLabel = "instance";

    private static readonly Regex s_vgpu = new(@"^GRID\s+(?<base>[A-Za-z]+[0-9]+[A-Za-z]*?)(?<big>D)?-(?:[0-9]+-)?(?<mem>[0-9]{1,4})[ABCQ]$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>True for a DCGM field series in either namespace spelling.</summary>
    public static bool IsDcgmField(string metric) => metric.StartsWith("DCGM_FI_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first of <paramref name="names"/> that has a non-empty value.</summary>
    public static string? First(Func<string, string?> label, IEnumerable<string> names)
    {
        foreach (var name in names)
            if (label(name) is { Length: > 0 } value) return value;
        return null;
    }

    /// <summary>
    /// The host of a series: Hostname/hostname, unless it is the exporter's own pod (NODE_NAME not set), when a
    /// node label is preferred; else a node label; else the scrape target without its port. <paramref name="podHost"/>
    /// is set when the answer is an exporter pod name all the same (the caller warns).
    /// </summary>
    public static string? Host(Func<string, string?> label, out bool podHost)
    {
        podHost = false;
        var host = First(label, HostnameLabels);
        var node = First(label, NodeLabels);
        if (host is not null && !IsExporterPod(host, label("pod"))) return host;
        if (node is not null) return node;
        if (host is not null)
        {
            podHost = true;
            return host;
        }
        var instance = label(InstanceLabel);
        if (string.IsNullOrEmpty(instance)) return null;
        var colon = instance!.LastIndexOf(':');
        return colon > 0 && instance.IndexOf(']') < colon && instance.Substring(colon + 1).All(char.IsDigit) ? instance.Substring(0, colon).Trim('[', ']') : instance;
    }

    /// <summary>A dcgm-exporter pod name such as <c>dcgm-exporter-lcxpl</c> or <c>nvidia-dcgm-exporter-zxgzh</c>, or the series' own pod label.</summary>
    public static bool IsExporterPod(string host, string? pod) =>
        host.IndexOf("dcgm-exporter", StringComparison.OrdinalIgnoreCase) >= 0 || string.Equals(host, pod, StringComparison.Ordinal);

    /// <summary>
    /// A vGPU profile name (<c>GRID A100-10C</c>): the physical GPU it is carved from and its share of it by frame buffer.
    /// NVIDIA names profiles of the 80 GB boards with a D (<c>A100D-20C</c>), so without one the smallest board of the family is meant.
    /// </summary>
    public static bool TryVgpu(GpuCatalog catalog, string modelName, out GpuSpec? parent, out double fraction)
    {
        parent = null;
        fraction = 0;
        var m = s_vgpu.Match(modelName.Trim());
        if (!m.Success) return false;
        // ASCII digits only (the pattern says [0-9]: \d would also match other scripts' digits), at most 4 of them.
        var profileGb = double.Parse(m.Groups["mem"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (profileGb <= 0) return false;
        var family = catalog.FindFamily(m.Groups["base"].Value);
        var members = family is null ? [] : catalog.FamilyMembers(family).Where(s => s.MemoryGB is > 0 && s.MemoryGB >= profileGb).ToList();
        if (members.Count == 0 && catalog.FindSpec(m.Groups["base"].Value) is { MemoryGB: > 0 } spec && spec.MemoryGB >= profileGb) members.Add(spec);
        if (members.Count == 0) return true;
        var big = m.Groups["big"].Success;
        parent = big ? members.OrderByDescending(s => s.MemoryGB).First() : members.OrderBy(s => s.MemoryGB).First();
        fraction = Math.Min(1, profileGb / parent.MemoryGB!.Value);
        return true;
    }
}
