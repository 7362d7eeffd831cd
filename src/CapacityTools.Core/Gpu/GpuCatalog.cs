using CapacityTools.Core.Data;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// An immutable set of accelerator specs, family representatives and instance types, indexed by
/// every name they go by. The embedded catalog is loaded once, lazily and thread-safely; a user's
/// additions make a new catalog (<see cref="With"/>), never a change to a shared one.
/// </summary>
public sealed class GpuCatalog
{
    private static readonly Lazy<GpuCatalog> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, GpuSpec> _specByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GpuSpec> _specById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GpuFamily> _familyByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceType> _instanceByKey = new(StringComparer.Ordinal);
    private readonly List<string> _conflicts = [];
    private readonly Lazy<GpuNameResolver> _resolver;

    public GpuCatalog(IEnumerable<GpuSpec> specs, IEnumerable<GpuFamily> families, IEnumerable<InstanceType> instanceTypes)
    {
        Specs = specs.ToList();
        foreach (var spec in Specs)
        {
            if (_specById.ContainsKey(spec.Id)) { _conflicts.Add($"Id '{spec.Id}' is listed twice."); continue; }
            _specById[spec.Id] = spec;
            Index(_specByKey, spec.Id, spec, spec.Id);
            foreach (var alias in spec.Aliases) Index(_specByKey, alias, spec, spec.Id);
        }

        Families = families.Where(f => Keep(f.DefaultId, $"family '{f.Family}'")).ToList();
        foreach (var family in Families)
        {
            Index(_familyByKey, family.Family, family, family.Family);
            foreach (var alias in family.Aliases) Index(_familyByKey, alias, family, family.Family);
            // A single-SKU family may share its name with its SKU; any other overlap would hide a SKU.
            if (_specByKey.TryGetValue(NameKey.Of(family.Family), out var same) && !string.Equals(same.Id, family.DefaultId, StringComparison.OrdinalIgnoreCase))
                _conflicts.Add($"Family '{family.Family}' is also the name of {same.Id}.");
        }

        // A provider that does not say which variant it runs (an "H100" of unstated form factor) names the family.
        InstanceTypes = instanceTypes.Where(t => FindFamily(t.GpuId) is not null || Keep(t.GpuId, $"instance type '{t.Name}'")).ToList();
        foreach (var type in InstanceTypes) Index(_instanceByKey, type.Name, type, type.Name);

        _resolver = new Lazy<GpuNameResolver>(() => new GpuNameResolver(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The catalog built into the module from seeds/gpus.csv, gpu-families.csv and instance-types.csv.</summary>
    public static GpuCatalog Embedded => s_embedded.Value;

    public IReadOnlyList<GpuSpec> Specs { get; }
    public IReadOnlyList<GpuFamily> Families { get; }
    public IReadOnlyList<InstanceType> InstanceTypes { get; }

    /// <summary>Names that two entries claim, or references to missing ids. Empty for a sound catalog.</summary>
    public IReadOnlyList<string> Conflicts => _conflicts;

    /// <summary>Rows of the embedded files that could not be read (a sound build has none).</summary>
    public IReadOnlyList<Problem> LoadProblems { get; private set; } = [];

    public GpuNameResolver Resolver => _resolver.Value;

    public GpuSpec? GetById(string id) => _specById.TryGetValue(id, out var spec) ? spec : null;

    /// <summary>The spec whose id or alias is this name (compared as a <see cref="NameKey"/>).</summary>
    public GpuSpec? FindSpec(string name) => _specByKey.TryGetValue(NameKey.Of(name), out var spec) ? spec : null;

    public GpuFamily? FindFamily(string name) => _familyByKey.TryGetValue(NameKey.Of(name), out var family) ? family : null;

    public InstanceType? FindInstanceType(string name) => _instanceByKey.TryGetValue(NameKey.Of(name), out var type) ? type : null;

    /// <summary>The SKUs of a family, the representative first.</summary>
    public IReadOnlyList<GpuSpec> FamilyMembers(GpuFamily family)
    {
        var members = Specs.Where(s => string.Equals(s.Family, family.Family, StringComparison.OrdinalIgnoreCase)).ToList();
        var representative = GetById(family.DefaultId);
        if (representative is not null)
        {
            members.Remove(representative);
            members.Insert(0, representative);
        }
        return members;
    }

    /// <summary>Every name a user may type: ids, aliases, family names and instance types.</summary>
    public IEnumerable<string> Names() =>
        Specs.SelectMany(s => s.Aliases.Prepend(s.Id))
            .Concat(Families.SelectMany(f => f.Aliases.Prepend(f.Family)))
            .Concat(InstanceTypes.Select(t => t.Name));

    /// <summary>A new catalog in which these specs replace the ones with the same id and the rest are added.</summary>
    public GpuCatalog With(IEnumerable<GpuSpec> specs)
    {
        var notes = new List<string>();
        var given = specs.ToList();
        var explicitNames = new HashSet<string>(given.SelectMany(s => s.Aliases.Prepend(s.Id)).Select(NameKey.Of), StringComparer.Ordinal);
        // A row that re-defines an entry without aliases of its own keeps that entry's aliases (less any another row names),
        // so the names tools print still resolve.
        var replacements = given.Select(s => KeepAliases(s, explicitNames, notes)).ToList();
        var replaced = new HashSet<string>(replacements.Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
        // A user's entry takes its names from the entries it does not replace.
        var claimed = new HashSet<string>(replacements.SelectMany(s => s.Aliases.Prepend(s.Id)).Select(NameKey.Of), StringComparer.Ordinal);
        var kept = Specs.Where(s => !replaced.Contains(s.Id))
            .Select(s => claimed.Overlaps(s.Aliases.Select(NameKey.Of)) ? WithoutAliases(s, claimed, replacements, notes) : s);
        var catalog = new GpuCatalog(replacements.Concat(kept), Families, InstanceTypes) { LoadProblems = LoadProblems };
        catalog._conflicts.InsertRange(0, notes.Where(n => !n.StartsWith(KeptPrefix, StringComparison.Ordinal)));
        catalog.Notes = notes.Where(n => n.StartsWith(KeptPrefix, StringComparison.Ordinal)).ToList();
        return catalog;
    }

    private const string KeptPrefix = "Kept aliases: ";

    /// <summary>What the last <see cref="With"/> did quietly by rule (aliases kept), for -Verbose.</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    private GpuSpec KeepAliases(GpuSpec spec, HashSet<string> explicitNames, List<string> notes)
    {
        if (spec.Aliases.Count > 0 || GetById(spec.Id) is not { Aliases.Count: > 0 } existing) return spec;
        var copy = spec with { Aliases = existing.Aliases.Where(a => !explicitNames.Contains(NameKey.Of(a))).ToDisplayList() };
        var taken = existing.Aliases.Except(copy.Aliases).ToList();
        notes.Add($"{KeptPrefix}{spec.Id} re-defines an entry without aliases of its own, so it keeps that entry's {copy.Aliases.Count} alias(es) ({string.Join(", ", copy.Aliases.Take(5))}{(copy.Aliases.Count > 5 ? ", ..." : "")}). Give Aliases to replace them.");
        if (taken.Count > 0)
        {
            notes.Add($"{string.Join(", ", taken)} of {spec.Id} now resolve(s) to another imported entry that names them.");
        }
        return copy;
    }

    private static GpuSpec WithoutAliases(GpuSpec spec, HashSet<string> claimed, List<GpuSpec> replacements, List<string> notes)
    {
        var copy = spec with { Aliases = spec.Aliases.Where(a => !claimed.Contains(NameKey.Of(a))).ToDisplayList() };
        var taken = spec.Aliases.Where(a => claimed.Contains(NameKey.Of(a))).ToList();
        var by = replacements.Where(r => r.Aliases.Prepend(r.Id).Any(a => taken.Any(t => NameKey.Of(t) == NameKey.Of(a)))).Select(r => r.Id).Distinct();
        notes.Add($"{string.Join(", ", by)} take(s) over the alias(es) {string.Join(", ", taken)} from {spec.Id}; those names now resolve to the imported entry.");
        return copy;
    }

    private bool Keep(string gpuId, string what)
    {
        if (_specById.ContainsKey(gpuId)) return true;
        _conflicts.Add($"The {what} names GPU '{gpuId}', which is not in the catalog.");
        return false;
    }

    private void Index<T>(Dictionary<string, T> index, string name, T entry, string owner) where T : class
    {
        var key = NameKey.Of(name);
        if (key.Length == 0) return;
        if (index.TryGetValue(key, out var existing))
        {
            if (!ReferenceEquals(existing, entry)) _conflicts.Add($"The name '{name}' of {owner} is already taken by {existing}.");
            return;
        }
        index[key] = entry;
    }

    private static GpuCatalog LoadEmbedded()
    {
        var problems = new List<Problem>();
        IReadOnlyList<GpuSpec> specs;
        using (var stream = EmbeddedData.Open("gpus.csv")) specs = GpuCatalogReader.ReadSpecs(stream, "gpus.csv", "Embedded", problems);
        IReadOnlyList<GpuFamily> families;
        using (var stream = EmbeddedData.Open("gpu-families.csv")) families = GpuCatalogReader.ReadFamilies(stream, "gpu-families.csv");
        IReadOnlyList<InstanceType> types;
        using (var stream = EmbeddedData.Open("instance-types.csv")) types = GpuCatalogReader.ReadInstanceTypes(stream, "instance-types.csv");
        return new GpuCatalog(specs, families, types) { LoadProblems = problems };
    }
}
