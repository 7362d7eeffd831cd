using System.Globalization;
using System.Text.Json;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads <c>kubectl get nodes -o json</c> (a List or NodeList, or one Node) and a node's labels map.
/// NVIDIA GPUs are typed by GPU Feature Discovery's <c>nvidia.com/gpu.product</c> and counted by
/// <c>nvidia.com/gpu.count</c> (physical GPUs), so MIG slices (<c>nvidia.com/mig-*</c> resources or a
/// MIG product under the single strategy) and time-sliced replicas (<c>nvidia.com/gpu.replicas</c>) are
/// reported but never counted as GPUs. AMD GPUs come from <c>amd.com/gpu</c> and the AMD node
/// labeller's product label; TPUs from <c>google.com/tpu</c> and the GKE TPU accelerator label.
/// </summary>
internal static class KubernetesReader
{
    private const string NvidiaGpu = "nvidia.com/gpu";
    private const string MigPrefix = "nvidia.com/mig-";

    public static IEnumerable<InventoryEntry> Read(byte[] utf8, ReadContext context, InventoryFormat requested)
    {
        var blocks = JsonBlocks.Read(utf8, "items", out var kind, out var error);
        var tally = context.Tally(requested);
        var entries = new List<InventoryEntry>();
        if (kind == JsonRootKind.Items || kind == JsonRootKind.Array)
        {
            // Items have no name; the root's own properties (apiVersion, kind, metadata) do.
            foreach (var block in blocks.Where(b => b.Name is null))
            {
                context.Token.ThrowIfCancellationRequested();
                if (JsonBlocks.Text(block.Value, "kind") is { } k && !k.Equals("Node", StringComparison.OrdinalIgnoreCase)) continue;
                ReadNode(block.Value, block.Line, context, tally, entries);
            }
        }
        else if (blocks.Any(b => b.Name == "metadata") && blocks.Any(b => b.Name == "status" || b.Name == "kind"))
        {
            if (error is null) ReadNode(Rebuild(blocks).RootElement, 1, context, tally, entries);
        }
        else if (blocks.Count > 0 && blocks.All(b => b.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number))
        {
            // A key given twice keeps its last value, as JSON readers do.
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var b in blocks) labels[b.Name!] = JsonBlocks.Text(b.Value) ?? "";
            context.Stats.Records++;
            labels.TryGetValue("kubernetes.io/hostname", out var host);
            ReadGpus(host, labels, new Dictionary<string, double>(StringComparer.Ordinal), 1, context, tally, entries);
        }
        else if (error is null)
        {
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName,
                "the JSON is neither a node list, a node, nor a labels map.",
                "Save it with 'kubectl get nodes -o json' or 'kubectl get node NAME -o jsonpath=\"{.metadata.labels}\"'."), 1));
        }
        entries.AddRange(tally.Drain());
        if (error is { } e)
        {
            context.Stats.Records++;
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"the JSON breaks off or is invalid ({e.Message}); the nodes before it were read."), e.Line));
        }
        return entries;
    }

    private static JsonDocument Rebuild(List<JsonBlock> blocks)
    {
        var json = "{" + string.Join(",", blocks.Select(b => JsonSerializer.Serialize(b.Name) + ":" + b.Value.GetRawText())) + "}";
        return JsonDocument.Parse(json, JsonBlocks.DocumentOptions);
    }

    private static void ReadNode(JsonElement node, long line, ReadContext context, InventoryTally tally, List<InventoryEntry> entries)
    {
        context.Stats.Records++;
        var host = JsonBlocks.Text(node, "metadata", "name");
        if (!context.FirstSighting(host, "node", line, entries)) return;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonBlocks.TryGet(node, "metadata", out var metadata) && JsonBlocks.TryGet(metadata, "labels", out var labelMap) && labelMap.ValueKind == JsonValueKind.Object)
            foreach (var p in labelMap.EnumerateObject()) labels[p.Name] = JsonBlocks.Text(p.Value) ?? "";
        var capacity = new Dictionary<string, double>(StringComparer.Ordinal);
        if (JsonBlocks.TryGet(node, "status", out var status) && JsonBlocks.TryGet(status, "capacity", out var cap) && cap.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in cap.EnumerateObject())
            {
                // Only accelerator resources are read, and each by the count rule: one bad value and the node's GPUs do not count.
                if (!IsAccelerator(p.Name)) continue;
                if (!TryCount(host, $"capacity {p.Name}", JsonBlocks.Text(p.Value), line, context, entries, out var v)) return;
                capacity[p.Name] = v;
            }
        }
        ReadGpus(host, labels, capacity, line, context, tally, entries);
    }

    private static void ReadGpus(string? host, Dictionary<string, string> labels, Dictionary<string, double> capacity, long line,
        ReadContext context, InventoryTally tally, List<InventoryEntry> entries)
    {
        if (!labels.TryGetValue(CountLabel, out var countText)) countText = null;
        double? countLabel = null;
        if (!string.IsNullOrWhiteSpace(countText))
        {
            if (!TryCount(host, $"label {CountLabel}", countText, line, context, entries, out var counted)) return;
            countLabel = counted;
        }
        ReadNvidia(host, labels, capacity, countLabel, line, context, tally, entries);

        var amd = Get(capacity, "amd.com/gpu");
        if (amd > 0)
        {
            var product = Label(labels, "amd.com/gpu.product-name", "beta.amd.com/gpu.product-name");
            var memory = ParseVram(Label(labels, "amd.com/gpu.vram", "beta.amd.com/gpu.vram"));
            if (product is null) NoType(context, tally, host, "amd.com/gpu", amd, line, "amd.com/gpu.product-name", "Deploy the AMD GPU node labeller with -product-name so nodes carry amd.com/gpu.product-name.");
            else tally.AddPhysical(host, product, amd, 0, 0, line, memory);
        }

        var tpu = Get(capacity, "google.com/tpu");
        if (tpu > 0)
        {
            var accelerator = Label(labels, "cloud.google.com/gke-tpu-accelerator");
            var topology = Label(labels, "cloud.google.com/gke-tpu-topology");
            if (accelerator is null) NoType(context, tally, host, "google.com/tpu", tpu, line, "cloud.google.com/gke-tpu-accelerator", "Read the node pool's TPU type from GKE (gcloud container node-pools describe).");
            else tally.AddPhysical(host, accelerator, tpu, 0, 0, line, note: topology is null ? null : $"TPU topology {topology}");
        }
    }

    private static void ReadNvidia(string? host, Dictionary<string, string> labels, Dictionary<string, double> capacity, double? countLabel, long line,
        ReadContext context, InventoryTally tally, List<InventoryEntry> entries)
    {
        var advertised = Get(capacity, NvidiaGpu);
        var migResources = capacity.Where(c => c.Key.StartsWith(MigPrefix, StringComparison.Ordinal) && c.Value > 0).ToList();
        if (advertised <= 0 && migResources.Count == 0 && !(countLabel > 0)) return;

        var product = Label(labels, "nvidia.com/gpu.product");
        var memory = Number(Label(labels, "nvidia.com/gpu.memory"));
        var replicasPerGpu = Number(Label(labels, "nvidia.com/gpu.replicas")) ?? 1;
        var notes = new List<string>();
        string? raw = product;
        if (raw is null)
        {
            // No GPU Feature Discovery: a cloud's accelerator or instance-type label may still name the type.
            raw = Label(labels, "cloud.google.com/gke-accelerator", "k8s.amazonaws.com/accelerator");
            if (raw is null && Label(labels, "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type") is { } instance
                && context.Resolutions.Resolve(instance, out _) is not null)
            {
                raw = instance;
                notes.Add($"type from the instance-type label {instance}");
            }
        }
        if (raw is null)
        {
            NoType(context, tally, host, NvidiaGpu, countLabel ?? advertised, line, "nvidia.com/gpu.product",
                "Deploy GPU Feature Discovery (part of the NVIDIA GPU Operator) so nodes carry nvidia.com/gpu.product, or read the node's nvidia-smi output.");
            return;
        }
        // GFD appends -SHARED to the product of time-sliced GPUs (unless renameByDefault is off).
        var resolveAs = raw.EndsWith("-SHARED", StringComparison.OrdinalIgnoreCase) ? raw.Substring(0, raw.Length - "-SHARED".Length) : raw;
        var replicas = replicasPerGpu > 1 ? (int)advertised : 0;
        if (replicas > 0) notes.Add($"time-sliced: {replicasPerGpu.ToString(CultureInfo.InvariantCulture)} replicas per GPU");

        var resolution = context.Resolutions.Resolve(resolveAs, out _);
        var isMigProduct = resolution?.MatchKind == Gpu.MatchKind.MigSlice;
        if (isMigProduct)
        {
            // MIG single strategy: every nvidia.com/gpu is a slice of the profile the product names.
            var slices = (int)advertised;
            var gpus = countLabel ?? advertised * resolution!.Fraction;
            if (countLabel is null) notes.Add("physical GPUs estimated from the MIG slices (no nvidia.com/gpu.count label)");
            notes.Add("MIG single strategy");
            tally.AddPhysical(host, raw, gpus, slices, 0, line, memory, string.Join("; ", notes), resolveAs);
            return;
        }

        var migSlices = (int)migResources.Sum(m => m.Value);
        double physical;
        if (countLabel is { } counted)
        {
            physical = counted;
            // Whole GPUs only (no MIG, no time-slicing): the capacity and the label count the same thing.
            if (migResources.Count == 0 && replicasPerGpu <= 1 && capacity.ContainsKey(NvidiaGpu) && advertised != counted)
            {
                var who = host ?? context.DefaultHost ?? "a node";
                var mismatch = $"{CountLabel} says {counted.ToString(CultureInfo.InvariantCulture)} GPU(s) but the node's capacity {NvidiaGpu} is {advertised.ToString(CultureInfo.InvariantCulture)}; the label (physical GPUs) was counted";
                notes.Add(mismatch);
                entries.Add(InventoryEntry.Warn($"{context.SourceName}:{line}: {SafeText.Quote(who)}: {mismatch}. A GPU may be unhealthy or the device plugin may be restarting."));
            }
        }
        else
        {
            // Mixed strategy without the count label: whole GPUs plus each slice's share of one.
            physical = replicasPerGpu > 1 ? advertised / replicasPerGpu : advertised;
            foreach (var mig in migResources)
            {
                var slice = context.Resolutions.Resolve($"{resolveAs}-MIG-{mig.Key.Substring(MigPrefix.Length)}", out _);
                physical += mig.Value * (slice?.Fraction ?? 1);
            }
            if (migSlices > 0) notes.Add("physical GPUs estimated from the MIG slices (no nvidia.com/gpu.count label)");
        }
        if (migSlices > 0) notes.Add("MIG mixed strategy: " + string.Join(", ", migResources.Select(m => $"{m.Value.ToString(CultureInfo.InvariantCulture)} x {m.Key.Substring(MigPrefix.Length)}")));
        tally.AddPhysical(host, raw, physical, migSlices, replicas, line, memory, string.Join("; ", notes), resolveAs);
    }

    private const string CountLabel = "nvidia.com/gpu.count";

    // Extended resources that count accelerators: NVIDIA (GPUs and MIG slices), AMD, Google TPU, AWS Neuron, Intel Gaudi.
    private static bool IsAccelerator(string resource) =>
        resource.StartsWith("nvidia.com/", StringComparison.Ordinal) || resource.StartsWith("amd.com/", StringComparison.Ordinal)
        || resource.StartsWith("google.com/tpu", StringComparison.Ordinal) || resource.StartsWith("aws.amazon.com/neuron", StringComparison.Ordinal)
        || resource.StartsWith("habana.ai/", StringComparison.Ordinal);

    // A count from a label or the capacity, by the one count rule; a bad one is an error for the node, which then does not count.
    private static bool TryCount(string? host, string what, string? text, long line, ReadContext context, List<InventoryEntry> entries, out double count)
    {
        if (GpuCount.TryParse(text, out count, out var problem)) return true;
        var who = host ?? context.DefaultHost ?? "a node";
        entries.Add(context.Skip(problem.WithMessage($"Node '{SafeText.Quote(who)}', {what}: {problem.Message} The node's accelerators were not counted.", host), line));
        return false;
    }

    private static void NoType(ReadContext context, InventoryTally tally, string? host, string resource, double count, long line, string label, string action)
    {
        var who = host ?? context.DefaultHost ?? "the node";
        tally.AddUntyped(host, resource, count, new Problem(ErrorIds.GpuTypeMissing, ProblemKind.InvalidData,
            $"{who} has {count.ToString(CultureInfo.InvariantCulture)} {resource} but no {label} label names their type, so they are not counted.",
            host, null, action), line);
    }

    private static string? Label(Dictionary<string, string> labels, params string[] names)
    {
        foreach (var name in names)
            if (labels.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        return null;
    }

    private static double Get(Dictionary<string, double> capacity, string name) => capacity.TryGetValue(name, out var v) ? v : 0;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;

    // The AMD labeller writes VRAM as "192G" (GiB).
    private static double? ParseVram(string? text)
    {
        if (text is null) return null;
        var t = text.Trim().TrimEnd('B', 'b');
        if (t.EndsWith("G", StringComparison.OrdinalIgnoreCase) && Number(t.Substring(0, t.Length - 1)) is { } g) return g * 1024;
        if (t.EndsWith("M", StringComparison.OrdinalIgnoreCase) && Number(t.Substring(0, t.Length - 1)) is { } m) return m;
        return null;
    }
}
