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

    public static IEnumerable<InventoryEntry> Read(byte[] utf8, ReadContext context)
    {
        var blocks = JsonBlocks.Read(utf8, "items", out var kind, out var error);
        var tally = context.Tally;
        var entries = new List<InventoryEntry>();
        if (kind == JsonRootKind.Items || kind == JsonRootKind.Array)
        {
            // Items have no name; the root's own properties (apiVersion, kind, metadata) do.
            foreach (var block in blocks.Where(b => b.Name is null))
            {
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
            context.NextRecord();
            labels.TryGetValue("kubernetes.io/hostname", out var host);
            ReadGpus(host, labels, new Dictionary<string, double>(StringComparer.Ordinal), 1, context, tally, entries);
        }
        else if (error is null)
        {
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName,
                "the JSON is neither a node list, a node, nor a labels map.",
                "Save it with 'kubectl get nodes -o json' or 'kubectl get node NAME -o jsonpath=\"{.metadata.labels}\"'."), 1));
        }
        if (error is { } e) entries.Add(context.BrokenOff("JSON", "the nodes", e.Message, e.Line));
        return entries;
    }

    private static JsonDocument Rebuild(List<JsonBlock> blocks)
    {
        var json = "{" + string.Join(",", blocks.Select(b => JsonSerializer.Serialize(b.Name) + ":" + b.Value.GetRawText())) + "}";
        return JsonDocument.Parse(json, JsonBlocks.DocumentOptions);
    }

    private static void ReadNode(JsonElement node, long line, ReadContext context, InventoryTally tally, List<InventoryEntry> entries)
    {
        context.NextRecord();
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
        // GFD's mixed MIG strategy also labels each profile's slices (nvidia.com/mig-1g.10gb.count); a labels map has no
        // capacity, so those labels stand for the MIG resources there.
        if (!capacity.Keys.Any(k => k.StartsWith(MigPrefix, StringComparison.Ordinal)))
        {
            foreach (var label in labels.Where(l => l.Key.StartsWith(MigPrefix, StringComparison.Ordinal) && l.Key.EndsWith(".count", StringComparison.Ordinal)).ToList())
            {
                if (!TryCount(host, $"label {label.Key}", label.Value, line, context, entries, out var slices)) return;
                capacity[label.Key.Substring(0, label.Key.Length - ".count".Length)] = slices;
            }
        }
        ReadNvidia(host, labels, capacity, countLabel, line, context, tally, entries);

        var amd = Get(capacity, "amd.com/gpu");
        if (amd > 0)
        {
            // The labeller's product name, else its PCI device id ("74a1"), which the resolver reads through pci.ids.
            var product = Label(labels, "amd.com/gpu.product-name", "beta.amd.com/gpu.product-name", "amd.com/gpu.device-id", "beta.amd.com/gpu.device-id");
            var memory = ParseVram(Label(labels, "amd.com/gpu.vram", "beta.amd.com/gpu.vram"));
            if (product is null) NoType(context, tally, host, "amd.com/gpu", amd, line, "amd.com/gpu.product-name", "Deploy the AMD GPU node labeller with -product-name so nodes carry amd.com/gpu.product-name.");
            else tally.AddPhysical(host, product, amd, 0, 0, line, memory);
        }

        // The AMD device plugin's mixed naming: one resource per partition mode (amd.com/cpx_nps4: 64, amd.com/spx_nps1: 8).
        foreach (var partition in capacity.Where(c => c.Value > 0 && IsAmdPartition(c.Key)).ToList())
        {
            var product = Label(labels, "amd.com/gpu.product-name", "beta.amd.com/gpu.product-name", "amd.com/gpu.device-id", "beta.amd.com/gpu.device-id");
            if (product is null)
            {
                NoType(context, tally, host, partition.Key, partition.Value, line, "amd.com/gpu.product-name", "Deploy the AMD GPU node labeller with -product-name so nodes carry amd.com/gpu.product-name.");
                continue;
            }
            var mode = partition.Key.Substring("amd.com/".Length, 3);
            var parts = AmdReader.Partitions(mode, context.Resolutions.Resolve(product, out _)?.Id);
            tally.AddPhysical(host, product, partition.Value / parts, parts > 1 ? (int)partition.Value : 0, 0, line, null,
                $"{partition.Key}: {partition.Value.ToString(CultureInfo.InvariantCulture)} {mode.ToUpperInvariant()} partition(s), {parts.ToString(CultureInfo.InvariantCulture)} per GPU");
        }

        var tpu = Get(capacity, "google.com/tpu");
        if (tpu > 0)
        {
            var accelerator = Label(labels, "cloud.google.com/gke-tpu-accelerator");
            var topology = Label(labels, "cloud.google.com/gke-tpu-topology");
            if (accelerator is null) NoType(context, tally, host, "google.com/tpu", tpu, line, "cloud.google.com/gke-tpu-accelerator", "Read the node pool's TPU type from GKE (gcloud container node-pools describe).");
            else tally.AddPhysical(host, accelerator, tpu, 0, 0, line, note: topology is null ? null : $"TPU topology {topology}");
        }

        ReadByInstanceType(host, labels, capacity, line, context, tally, ["aws.amazon.com/neuron", "aws.amazon.com/neurondevice"], "aws.amazon.com/neuroncore");
        ReadByInstanceType(host, labels, capacity, line, context, tally, ["habana.ai/gaudi"], null);
    }

    // AWS Neuron (Trainium, Inferentia) and Intel Gaudi device plugins advertise devices (chips) with no label for
    // the chip: it comes from the node's instance type. A node that advertises only NeuronCores counts the chips
    // its instance type has (cores per chip differ by generation), and says so.
    private static void ReadByInstanceType(string? host, Dictionary<string, string> labels, Dictionary<string, double> capacity, long line,
        ReadContext context, InventoryTally tally, string[] deviceResources, string? coreResource)
    {
        var resource = deviceResources.FirstOrDefault(r => Get(capacity, r) > 0);
        var cores = coreResource is null ? 0 : Get(capacity, coreResource);
        if (resource is null && cores <= 0) return;
        var devices = resource is null ? 0 : Get(capacity, resource);
        var instance = Label(labels, "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type");
        var type = instance is null ? null : context.Resolutions.Resolve(instance, out _);
        if (type is not { MatchKind: Gpu.MatchKind.InstanceType })
        {
            NoType(context, tally, host, resource ?? coreResource!, devices > 0 ? devices : cores, line, "node.kubernetes.io/instance-type",
                "Keep the node's instance-type label (the chip comes from it), or read the node's neuron-ls / hl-smi output.");
            return;
        }
        var note = devices > 0
            ? $"{resource} counts chips; the chip is {type.Id}, from the instance type {instance}"
            : $"only {coreResource} ({cores.ToString(CultureInfo.InvariantCulture)} cores) is advertised: counted as the {type.GpusPerUnit.ToString(CultureInfo.InvariantCulture)} chip(s) of {instance}";
        tally.AddPhysical(host, instance!, devices > 0 ? devices : type.GpusPerUnit * type.Fraction, 0, 0, line, null, note, type.Id);
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
            raw = Label(labels, "cloud.google.com/gke-accelerator", "k8s.amazonaws.com/accelerator", "karpenter.k8s.aws/instance-gpu-name");
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

    // amd.com/spx_nps1, amd.com/dpx_nps2, amd.com/cpx_nps4 …: a compute-partition mode and a memory-partition mode.
    private static bool IsAmdPartition(string resource) =>
        resource.Length > "amd.com/xpx_nps".Length && resource.StartsWith("amd.com/", StringComparison.Ordinal)
        && resource.Substring("amd.com/".Length + 1).StartsWith("px_nps", StringComparison.Ordinal);

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
