namespace CapacityTools.Core.Gpu;

/// <summary>
/// Remembers what raw names resolved to, so a file or pipeline that repeats a name resolves it once.
/// Keys are the exact strings (ordinal), so every spelling keeps its own <see cref="GpuResolution.Input"/>.
/// Bounded: past <see cref="Capacity"/> distinct names it resolves without remembering, so memory stays
/// constant on inputs full of distinct garbage. One instance per operation; not thread-safe.
/// </summary>
public sealed class ResolutionCache
{
    private readonly GpuNameResolver _resolver;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ResolutionCache(GpuCatalog catalog, int capacity = 4096)
    {
        _resolver = catalog.Resolver;
        Catalog = catalog;
        Capacity = capacity;
    }

    public int Capacity { get; }

    public GpuCatalog Catalog { get; }

    /// <summary>As <see cref="GpuNameResolver.Resolve"/>; the resolution returned may be shared, so callers must not change it.</summary>
    public GpuResolution? Resolve(string? input, out Problem? problem)
    {
        var key = input ?? "";
        if (_entries.TryGetValue(key, out var entry))
        {
            problem = entry.Problem;
            return entry.Resolution;
        }
        var resolution = _resolver.Resolve(input, out problem);
        if (_entries.Count < Capacity) _entries[key] = new Entry(resolution, problem);
        return resolution;
    }

    private readonly struct Entry(GpuResolution? resolution, Problem? problem)
    {
        public GpuResolution? Resolution { get; } = resolution;
        public Problem? Problem { get; } = problem;
    }
}
