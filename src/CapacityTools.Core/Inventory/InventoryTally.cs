using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Gathers the GPUs of one document per host and model, resolving each raw name once, and turns
/// them into <see cref="GpuInventoryItem"/>s in first-seen order. A name that does not resolve
/// still gives an item (Model null, with its count) and one problem at its first location.
/// </summary>
internal sealed class InventoryTally
{
    private readonly ReadContext _context;
    private readonly InventoryFormat _format;
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Group> _order = [];
    // The GPUs MIG slices named, per host and model, for the whole document: rows are drained one by one.
    private readonly HashSet<string> _parentGpus = new(StringComparer.OrdinalIgnoreCase);

    public InventoryTally(ReadContext context, InventoryFormat format)
    {
        _context = context;
        _format = format;
    }

    /// <summary>
    /// Adds units of a name as a tool counts them: an instance type or gres expands to its GPUs, a MIG
    /// profile counts as its share of one GPU and as a slice. <paramref name="unresolvedCount"/> is the
    /// count to report when the name does not resolve (e.g. the 8 of an untyped "gpu:8").
    /// <paramref name="parentGpu"/> names the physical GPU a MIG slice is on, where the source says: slices that name
    /// the same GPU count it once; without it a slice counts its share of one (an estimate, and the note says so).
    /// </summary>
    public void AddUnits(string? host, string raw, double units, long line, double? memoryMiB = null, string? note = null, double? unresolvedCount = null,
        bool countIsGpus = false, string? parentGpu = null)
    {
        var resolution = _context.Resolutions.Resolve(raw, out var problem);
        if (resolution is null)
        {
            Add(host, raw, null, problem, unresolvedCount ?? units, 0, 0, line, memoryMiB, note);
            return;
        }
        units = CountUnits.ToUnits(resolution, units, countIsGpus, out var warning);
        if (warning is not null) _context.Pending.Add(InventoryEntry.Warn($"{_context.At(line)}: {warning}"));
        if (memoryMiB is null && resolution.Fraction >= 1 && ListedDevices.PerGpu(resolution.Spec, _format, out var listed) is > 1 and var perGpu)
        {
            units /= perGpu;
            note = Append(note, listed);
        }
        if (DeviceShare.VirtualFunctionNote(raw, memoryMiB) is { } vf) note = Append(note, vf);
        var slices = resolution.MatchKind == MatchKind.MigSlice ? (int)units : 0;
        if (slices == 0 || string.IsNullOrWhiteSpace(parentGpu)) parentGpu = null;
        if (slices > 0)
        {
            var basis = parentGpu is null
                ? "physical GPUs estimated from the slices' share of one (the source does not say which slices share a GPU)"
                : "physical GPUs counted from the GPU each slice names (slices on one GPU count it once)";
            note = Append(note, basis);
        }
        Add(host, raw, resolution, null, units * resolution.GpusPerUnit * resolution.Fraction, slices, 0, line, memoryMiB, note, parentGpu);
    }

    /// <summary>Adds GPUs whose physical count the source states, with the MIG slices and replicas on them.</summary>
    public void AddPhysical(string? host, string raw, double gpus, int migSlices, int replicas, long line, double? memoryMiB = null, string? note = null, string? resolveAs = null)
    {
        var resolution = _context.Resolutions.Resolve(resolveAs ?? raw, out var problem);
        // Whole devices that hold a fraction of their entry's memory are that fraction of it (MI250X GCDs, partitions).
        if (resolution is not null && migSlices == 0 && Math.Abs(gpus - Math.Round(gpus)) < 1e-9
            && DeviceShare.Of(resolution, _context.Resolutions.Catalog, memoryMiB, out var share) is var part and < 1)
        {
            gpus *= part;
            note = Append(note, share);
        }
        // No memory to tell by: a tool that lists each die of a multi-die module (MI250X GCDs) lists several devices per module.
        else if (resolution is not null && memoryMiB is null && migSlices == 0 && resolution.Fraction >= 1
            && ListedDevices.PerGpu(resolution.Spec, _format, out var listed) is > 1 and var perGpu)
        {
            gpus /= perGpu;
            note = Append(note, listed);
        }
        if (resolution is not null && DeviceShare.VirtualFunctionNote(raw, memoryMiB) is { } vf) note = Append(note, vf);
        Add(host, raw, resolution, problem, gpus, migSlices, replicas, line, memoryMiB, note);
    }

    /// <summary>Adds GPUs the source counts but whose type it does not name: an item with no model, and the problem.</summary>
    public void AddUntyped(string? host, string raw, double gpus, Problem problem, long line) =>
        Add(host, raw, null, problem, gpus, 0, 0, line, null, null);

    /// <summary>The items gathered so far (problems first for names that did not resolve); the tally is empty afterwards.</summary>
    public IEnumerable<InventoryEntry> Drain()
    {
        var order = _order.ToArray();
        _order.Clear();
        _groups.Clear();
        foreach (var group in order)
        {
            var rounded = Math.Round(group.Item.Count);
            if (Math.Abs(group.Item.Count - rounded) < 1e-9) group.Item.Count = rounded;
            if (group.Problem is not null)
            {
                _context.Stats.Skipped += group.Records;
                yield return InventoryEntry.Of(group.Problem.At(group.Item.Source));
            }
            yield return InventoryEntry.Of(group.Item);
        }
    }

    private void Add(string? host, string raw, GpuResolution? resolution, Problem? problem, double gpus, int migSlices, int replicas,
        long line, double? memoryMiB, string? note, string? parentGpu = null)
    {
        host = string.IsNullOrWhiteSpace(host) ? _context.DefaultHost : host!.Trim();
        var key = (host ?? "") + "\u0001" + (resolution?.Id ?? "?" + raw.Trim());
        if (!_groups.TryGetValue(key, out var group))
        {
            var notes = new List<string>();
            if (resolution is not null && resolution.MatchKind is not (MatchKind.Exact or MatchKind.Alias)) notes.Add(resolution.Note);
            if (!string.IsNullOrEmpty(note)) notes.Add(note!);
            group = new Group(new GpuInventoryItem
            {
                Host = host, Model = resolution?.Id, RawName = raw.Trim(), MemoryMiB = memoryMiB, Format = _format,
                Source = _context.At(line), Note = string.Join("; ", notes),
            }, problem);
            _groups[key] = group;
            _order.Add(group);
        }
        else if (!string.IsNullOrEmpty(note) && !group.Item.Note.Contains(note!))
        {
            group.Item.Note = Append(group.Item.Note, note) ?? "";
        }
        group.Records++;
        if (parentGpu is not null) gpus = _parentGpus.Add(key + "\u0001" + parentGpu.Trim()) ? 1 : 0;
        group.Item.Count += gpus;
        group.Item.MigSlices += migSlices;
        group.Item.Replicas += replicas;
        group.Item.MemoryMiB ??= memoryMiB;
    }

    private static string? Append(string? note, string? more) => string.IsNullOrEmpty(more) ? note : string.IsNullOrEmpty(note) ? more : note + "; " + more;

    private sealed class Group(GpuInventoryItem item, Problem? problem)
    {
        public GpuInventoryItem Item { get; } = item;
        public Problem? Problem { get; } = problem;
        public long Records { get; set; }
    }
}
