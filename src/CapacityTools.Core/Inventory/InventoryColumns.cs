using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>Which CSV columns hold the model, the count, the host and the memory (-1 when absent).</summary>
public sealed class InventoryColumnMap
{
    public int Model { get; init; } = -1;
    public int Count { get; init; } = -1;
    public int Host { get; init; } = -1;
    public int MemoryMiB { get; init; } = -1;
    /// <summary>The column naming the physical GPU a row's MIG slices are on (its UUID, index or bus id).</summary>
    public int ParentGpu { get; init; } = -1;
    /// <summary>True when the model column holds cloud instance types (InstanceType, VmSize, MachineType...).</summary>
    public bool ModelIsInstanceType { get; init; }
    /// <summary>True when the header is nvidia-smi's (<c>name, memory.total [MiB], ...</c>): one row per GPU.</summary>
    public bool IsNvidiaSmi { get; init; }
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>True when the count column is named for GPUs (Gpus, GpuCount): with instance types it holds GPUs, not instances.</summary>
    public bool CountIsGpus => Count >= 0 && Count < Headers.Count && CountUnits.NamesGpus(Headers[Count]);

    /// <summary>Which columns were taken for what, for -Verbose.</summary>
    public string Describe() =>
        $"model from '{Name(Model)}'{(ModelIsInstanceType ? " (instance types)" : "")}, " +
        (Count >= 0 ? $"count from '{Name(Count)}'{(CountIsGpus ? " (GPUs)" : "")}" : "no count column (one GPU per row)") +
        (Host >= 0 ? $", host from '{Name(Host)}'" : "") +
        (ParentGpu >= 0 ? $", the GPU a MIG slice is on from '{Name(ParentGpu)}'" : "");

    private string Name(int column) => column >= 0 && column < Headers.Count ? SafeText.Quote(Headers[column].Trim(), 60) : "";
}

/// <summary>
/// The one place that recognises inventory columns by name, for Import-GpuInventory and the bulk
/// -Path modes alike. Names compare as <see cref="NameKey"/>s, so "GPU Model", "gpu_model" and
/// "GpuModel" are one name. The pipeline's property names use the same lists.
/// </summary>
public static class InventoryColumns
{
    /// <summary>Column or property names of the GPU model, most specific first.</summary>
    public static readonly IReadOnlyList<string> ModelNames =
        ["Model", "GpuModel", "GpuType", "GpuName", "Gpu", "Product", "ProductName", "Accelerator", "AcceleratorType", "CardSeries", "Name"];

    /// <summary>Column names of a cloud instance type.</summary>
    public static readonly IReadOnlyList<string> InstanceTypeNames =
        ["InstanceType", "Instance", "VmSize", "VmType", "Size", "MachineType", "Shape", "Flavor", "NodeType", "Sku"];

    /// <summary>Property names of a pipeline object's model, in the order the CSV columns are tried: model names, instance types, Name last.</summary>
    public static readonly IReadOnlyList<string> ObjectModelNames =
        [.. ModelNames.Take(ModelNames.Count - 1), .. InstanceTypeNames, "Name"];

    /// <summary>Column or property names of the count.</summary>
    public static readonly IReadOnlyList<string> CountNames =
        ["Count", "Quantity", "Qty", "Gpus", "GpuCount", "Number", "NumGpus", "Instances", "InstanceCount", "Units"];

    /// <summary>Column names of the host.</summary>
    public static readonly IReadOnlyList<string> HostNames =
        ["Host", "HostName", "Node", "NodeName", "Server", "ComputerName", "PSComputerName", "Machine"];

    /// <summary>
    /// Column names of the physical GPU a MIG slice is on. Only names that say "GPU": a plain UUID or Index column of
    /// a slice listing is the slice's own.
    /// </summary>
    public static readonly IReadOnlyList<string> ParentGpuNames =
        ["ParentGpu", "ParentGpuUuid", "PhysicalGpu", "GpuUuid", "GpuIndex", "GpuBusId", "GpuSerial"];

    // nvidia-smi --query-gpu headers that say the file is nvidia-smi's (memory.total [MiB], pci.bus_id, ...).
    private static readonly HashSet<string> s_nvidiaSmiKeys = new(StringComparer.Ordinal)
    {
        "index", "uuid", "pcibusid", "memorytotalmib", "memoryusedmib", "memoryfreemib", "driverversion", "serial",
        "vbiosversion", "powerlimitw", "temperaturegpu", "utilizationgpu", "migmodecurrent", "computemode", "gpuname", "gpuuuid",
    };

    private static readonly HashSet<string> s_model = Keys(ModelNames);
    private static readonly HashSet<string> s_instance = Keys(InstanceTypeNames);

    /// <summary>True when a header (or property) name is one of the model names.</summary>
    public static bool IsModelName(string name) => s_model.Contains(NameKey.Of(name));

    /// <summary>True when a header is one of the instance-type names.</summary>
    public static bool IsInstanceTypeName(string name) => s_instance.Contains(NameKey.Of(name));

    /// <summary>True when a header names a model or instance-type column (so the line is a header, not data).</summary>
    public static bool NamesAModelColumn(IReadOnlyList<string> headers) =>
        headers.Select(h => NameKey.Of(h)).Any(k => s_model.Contains(k) || s_instance.Contains(k));

    /// <summary>Finds the columns; an explicit column that does not exist, or no model column at all, stops the read.</summary>
    /// <exception cref="CapacityException">A named column is missing, or no column holds a model.</exception>

    public static InventoryColumnMap Find(IReadOnlyList<string> headers, InventoryOptions options, string sourceName)
    {
        var keys = headers.Select(h => NameKey.Of(h)).ToArray();
        var nvidiaSmi = keys.Count(s_nvidiaSmiKeys.Contains) > 0 && (keys.Contains("name") || keys.Contains("gpuname"));

        var model = Explicit(headers, keys, options.ModelColumn, "-ModelColumn", sourceName);
        var isInstance = false;
        if (model < 0)
        {
            // A strong model name wins; then an instance type; "Name" last, since exports also use it for hosts.
            model = FirstOf(keys, ModelNames.Take(ModelNames.Count - 1));
            if (model < 0)
            {
                model = FirstOf(keys, InstanceTypeNames);
                isInstance = model >= 0;
            }
            if (model < 0) model = FirstOf(keys, ["Name"]);
        }
        else
        {
            isInstance = s_instance.Contains(keys[model]);
        }
        if (model < 0)
        {
            throw new CapacityException(new Problem(ErrorIds.ModelColumnNotFound, ProblemKind.InvalidArgument,
                $"No column of {sourceName} names the GPU model; its columns are {List(headers)}.", sourceName,
                recommendedAction: $"Name the column with -ModelColumn, or call it one of {string.Join(", ", ModelNames)} (or {string.Join(", ", InstanceTypeNames.Take(4))} for instance types)."));
        }

        var count = Explicit(headers, keys, options.CountColumn, "-CountColumn", sourceName);
        if (count < 0 && !nvidiaSmi) count = FirstOf(keys, CountNames, model);
        var host = Explicit(headers, keys, options.HostColumn, "-HostColumn", sourceName);
        if (host < 0) host = FirstOf(keys, HostNames, model, count);
        // An instance-type export often calls its hosts "Name" (az vm list, cloud consoles).
        if (host < 0 && isInstance) host = FirstOf(keys, ["Name"], model, count);
        var memory = FirstOf(keys, ["memory.total [MiB]", "MemoryMiB", "memory.total"], model, count);
        var parent = nvidiaSmi ? -1 : FirstOf(keys, ParentGpuNames, model, count, host);
        // A GPU index is only unique within its host.
        if (parent >= 0 && host < 0 && keys[parent] == NameKey.Of("GpuIndex")) parent = -1;

        return new InventoryColumnMap
        {
            Model = model, Count = count, Host = host, MemoryMiB = memory, ParentGpu = parent,
            ModelIsInstanceType = isInstance, IsNvidiaSmi = nvidiaSmi, Headers = headers,
        };
    }

    private static int Explicit(IReadOnlyList<string> headers, string[] keys, string? name, string parameter, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(name)) return -1;
        for (var i = 0; i < headers.Count; i++)
            if (string.Equals(headers[i].Trim(), name!.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        var key = NameKey.Of(name);
        var index = Array.IndexOf(keys, key);
        if (index >= 0) return index;
        throw new CapacityException(new Problem(ErrorIds.ColumnNotFound, ProblemKind.InvalidArgument,
            $"{sourceName} has no column '{name}' ({parameter}); its columns are {List(headers)}.", name,
            recommendedAction: $"Give {parameter} one of the file's column names."));
    }

    private static int FirstOf(string[] keys, IEnumerable<string> names, params int[] taken)
    {
        foreach (var name in names)
        {
            var key = NameKey.Of(name);
            for (var i = 0; i < keys.Length; i++)
                if (keys[i] == key && Array.IndexOf(taken, i) < 0) return i;
        }
        return -1;
    }

    private static HashSet<string> Keys(IEnumerable<string> names) => new(names.Select(n => NameKey.Of(n)), StringComparer.Ordinal);

    private static string List(IReadOnlyList<string> headers) => headers.Count == 0 ? "(none)" : string.Join(", ", headers.Select(h => $"'{h}'"));
}
