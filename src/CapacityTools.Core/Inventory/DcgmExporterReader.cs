using System.Globalization;
using System.IO;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads saved dcgm-exporter scrapes (<c>curl :9400/metrics</c>, one or several scrapes in a file, with or without
/// HELP/TYPE lines, any label spelling): one physical GPU per distinct (host, UUID), its MIG instances (distinct
/// GPU_I_ID) as slices, a vGPU profile as its share of the GPU it is carved from. Streams the text, keeping one
/// record per GPU, so memory grows with GPUs, not with lines.
/// </summary>
internal static class DcgmExporterReader
{
    public static IEnumerable<InventoryEntry> Read(TextReader text, ReadContext context)
    {
        var parser = new ExpositionParser(text, InventoryReader.MaxLineLength);
        var sample = new ExpositionSample();
        var gpus = new Dictionary<string, Gpu>(StringComparer.Ordinal);
        var order = new List<Gpu>();
        var podHosts = new HashSet<string>(StringComparer.Ordinal);
        var missingUuid = 0L;
        long missingUuidLine = 0;
        string? Label(string name) => sample.Label(name);
        while (parser.Next(sample, out var malformed))
        {
            context.Token.ThrowIfCancellationRequested();
            context.Stats.Position = parser.Characters;
            if (parser.TooLong is { } length)
            {
                context.NextRecord();
                yield return context.Skip(InventoryReader.TooLong("line", length, InventoryReader.MaxLineLength), parser.Line);
                continue;
            }
            if (malformed)
            {
                context.NextRecord();
                yield return context.Skip(ReadContext.Malformed(context.SourceName, $"this is not a line of the Prometheus text format: {parser.Error}.",
                    "Save the exporter's /metrics output again, unchanged."), parser.Line);
                continue;
            }
            if (!DcgmLabels.IsDcgmField(sample.Name)) continue;
            var uuid = DcgmLabels.First(Label, DcgmLabels.UuidLabels);
            if (uuid is null)
            {
                if (missingUuid++ == 0) missingUuidLine = sample.Line;
                continue;
            }
            var host = DcgmLabels.Host(Label, out var podHost);
            if (podHost && podHosts.Add(host!))
                yield return InventoryEntry.Warn($"{context.SourceName}:{sample.Line}: the host '{host}' is the dcgm-exporter pod's name, not the node's "
                    + "(the exporter runs without NODE_NAME); GPUs on different nodes may look like one host. Set NODE_NAME in the exporter's pod spec.");
            var key = (host ?? "") + "\u0001" + uuid;
            if (!gpus.TryGetValue(key, out var gpu))
            {
                gpu = new Gpu(host, uuid, Label(DcgmLabels.ModelLabel), sample.Name, sample.Line);
                gpus[key] = gpu;
                order.Add(gpu);
            }
            gpu.Model ??= Label(DcgmLabels.ModelLabel) is { Length: > 0 } m ? m : null;
            if (Label(DcgmLabels.InstanceIdLabel) is { Length: > 0 } instance) gpu.Instances.Add(instance);
            else gpu.Memory(sample.Name, sample.Value);
        }
        context.Stats.Position = parser.Characters;
        if (missingUuid > 0)
        {
            context.NextRecord();
            yield return context.Skip(new Problem(ErrorIds.DcgmUuidMissing, ProblemKind.InvalidData,
                $"{missingUuid.ToString(CultureInfo.InvariantCulture)} DCGM series have no UUID (or uuid) label, so their GPUs cannot be told apart and were not counted.",
                context.SourceName, recommendedAction: "Save the scrape from dcgm-exporter itself; a relabelling rule may have dropped the UUID label."), missingUuidLine);
        }
        var tally = context.Tally;
        foreach (var gpu in order)
        {
            context.NextRecord();
            if (gpu.Model is null)
            {
                yield return context.Skip(new Problem(ErrorIds.DcgmModelNameMissing, ProblemKind.InvalidData,
                    $"the series {gpu.FirstMetric} of GPU {gpu.Uuid}{(gpu.Host is null ? "" : " on " + gpu.Host)} has no modelName label, so the GPU's type is unknown; it was not counted.",
                    gpu.Uuid, recommendedAction: "Upgrade dcgm-exporter (2.x and later label every series with modelName), or read the node with 'nvidia-smi -q -x'."), gpu.Line);
                continue;
            }
            AddGpus(tally, context.Resolutions.Catalog, gpu.Host, gpu.Model, 1, gpu.Instances.Count, gpu.Line, gpu.MemoryMiB);
        }
    }

    /// <summary>
    /// Adds physical GPUs of a dcgm-exporter modelName with their MIG instances; a vGPU profile adds its share of the
    /// GPU it is carved from. Shared by the file reader and the Prometheus reader, so both count alike.
    /// </summary>
    internal static void AddGpus(InventoryTally tally, GpuCatalog catalog, string? host, string model, double gpus, int migSlices, long line, double? memoryMiB)
    {
        if (DcgmLabels.TryVgpu(catalog, model, out var parent, out var fraction) && parent is not null)
        {
            tally.AddPhysical(host, model, gpus * fraction, 0, 0, line, memoryMiB,
                $"vGPU profile: {fraction.ToString("0.###", CultureInfo.InvariantCulture)} of a {parent.Id}", parent.Id);
            return;
        }
        tally.AddPhysical(host, model, gpus, migSlices, 0, line, memoryMiB, migSlices > 0 ? "MIG enabled" : null);
    }

    private sealed class Gpu(string? host, string uuid, string? model, string firstMetric, long line)
    {
        private double? _free, _used, _reserved;

        public string? Host { get; } = host;
        public string Uuid { get; } = uuid;
        public string? Model { get; set; } = model is { Length: > 0 } ? model : null;
        public string FirstMetric { get; } = firstMetric;
        public long Line { get; } = line;
        public HashSet<string> Instances { get; } = new(StringComparer.Ordinal);

        /// <summary>FB_FREE + FB_USED + FB_RESERVED is nvidia-smi's total less 1 MiB (FACTS); null without FREE and USED.</summary>
        public double? MemoryMiB => _free is { } f && _used is { } u ? f + u + (_reserved ?? 0) + 1 : null;

        public void Memory(string metric, double value)
        {
            if (double.IsNaN(value) || value < 0) return;
            if (metric.Equals("DCGM_FI_DEV_FB_FREE", StringComparison.OrdinalIgnoreCase)) _free ??= value;
            else if (metric.Equals("DCGM_FI_DEV_FB_USED", StringComparison.OrdinalIgnoreCase)) _used ??= value;
            else if (metric.Equals("DCGM_FI_DEV_FB_RESERVED", StringComparison.OrdinalIgnoreCase)) _reserved ??= value;
        }
    }
}
