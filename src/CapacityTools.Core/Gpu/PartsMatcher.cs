using System.Runtime.CompilerServices;
namespace CapacityTools.Core.Gpu;

/// <summary>What the catalog holds for a parsed name: the entries its model words name, and those its memory and form factor leave.</summary>
public sealed class PartsMatch
{
    /// <summary>Entries the model words name (before memory and form factor are applied).</summary>
    public IReadOnlyList<GpuSpec> Named { get; init; } = [];
    /// <summary>Entries that also fit the memory size and form factor given.</summary>
    public IReadOnlyList<GpuSpec> Fitting { get; init; } = [];
}

/// <summary>
/// Matches <see cref="NameParts"/> against the catalog's own columns: the model words of every Id, alias, family
/// name and family alias (parsed the same way as the input), then MemoryGB and FormFactor. Model words must
/// agree exactly ("h20" is not "h200", "l4" is not "l40"); a name made of several known names must name the
/// same entries with each ("TPU v7 Ironwood"); a word the catalog has never used, or any word with a digit
/// that names nothing, stops the match. Built once per catalog; immutable and thread-safe.
/// </summary>
public sealed class PartsMatcher
{
    private readonly Dictionary<string, List<GpuSpec>> _byModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GpuSpec>> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _memories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly int _longestName;

    internal PartsMatcher(GpuCatalog catalog, NameParser parser)
    {
        foreach (var spec in catalog.Specs)
        {
            var memories = new List<double>();
            if (spec.MemoryGB is { } gb) memories.Add(gb);
            foreach (var name in spec.Aliases.Prepend(spec.Id))
            {
                foreach (var parts in parser.ParseAlternatives(NameParser.Product(name)))
                {
                    Add(_byModel, parts.Model, spec);
                    if (ModelNumber(parts.ModelWords) is { } number) Add(_byNumber, number, spec);
                    if (parts.MemoryGB is { } m) memories.Add(m);
                    _vocabulary.UnionWith(parts.ModelWords);
                }
            }
            _memories[spec.Id] = memories.Distinct().ToArray();
            _vocabulary.UnionWith(parser.Parse(spec.Model).ModelWords);
        }
        foreach (var family in catalog.Families)
        {
            var members = catalog.FamilyMembers(family);
            foreach (var name in family.Aliases.Prepend(family.Family))
            {
                var parts = parser.Parse(NameParser.Product(name));
                _vocabulary.UnionWith(parts.ModelWords);
                // A family name adds nothing where the same words already name SKUs ("Tesla V100" is "V100").
                if (parts.Model.Length > 0 && !_byModel.ContainsKey(parts.Model)) _byModel[parts.Model] = members.ToList();
            }
        }
        _longestName = _byModel.Keys.Count == 0 ? 0 : _byModel.Keys.Max(k => k.Length);
    }

    /// <summary>Every model key and the entries it names, for suggestions.</summary>
    public IEnumerable<KeyValuePair<string, List<GpuSpec>>> Models => _byModel;

    [MethodImpl(JitNow.Optimized)]
    public PartsMatch Match(NameParts parts)
    {
        var named = Named(parts.ModelWords);
        if (named.Count == 0) return new PartsMatch();
        IEnumerable<GpuSpec> fitting = named;
        if (parts.MemoryGB is { } gb) fitting = fitting.Where(s => HasMemory(s, gb));
        foreach (var form in parts.FormWords) fitting = fitting.Where(s => NameParser.FormMatches(form, s.FormFactor));
        return new PartsMatch { Named = named, Fitting = fitting.ToList() };
    }

    /// <summary>True when the entry's memory (or a size one of its names states) is the size given, to rounding.</summary>
    public bool HasMemory(GpuSpec spec, double gb) =>
        _memories.TryGetValue(spec.Id, out var sizes) && sizes.Any(m => Math.Abs(m - gb) <= Math.Max(1, 0.015 * m));

    [MethodImpl(JitNow.Optimized)]
    private IReadOnlyList<GpuSpec> Named(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return [];
        var whole = string.Concat(words);
        if (_byModel.TryGetValue(whole, out var direct)) return direct;
        if (whole[0] is >= '0' and <= '9') return _byNumber.TryGetValue(whole, out var numbered) ? numbered : [];
        return Segments(words);
    }

    // "2080", "8000", "1080ti": a bare model number (and the letters after it) stands for a name that is words,
    // then this number, then those letters ("RTX 2080", "Quadro RTX 8000", "GTX 1080 Ti"), not for "RTX A6000".
    private static string? ModelNumber(IReadOnlyList<string> words)
    {
        var number = words.ToList().FindIndex(w => w.All(c => c is >= '0' and <= '9'));
        if (number < 1 || words.Where((w, i) => i != number).Any(w => !w.All(c => c is >= 'a' and <= 'z'))) return null;
        return string.Concat(words.Skip(number));
    }

    // A name made of known names and known words: "TPU v7 Ironwood", "GH200 Grace Hopper", "Radeon PRO V620".
    [MethodImpl(JitNow.Optimized)]
    private IReadOnlyList<GpuSpec> Segments(IReadOnlyList<string> words)
    {
        List<GpuSpec>? common = null;
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            List<GpuSpec>? specs = null;
            var joined = "";
            for (var j = i; j < words.Count; j++)
            {
                joined += words[j];
                if (joined.Length > _longestName) break;
                if (_byModel.TryGetValue(joined, out var found)) { matched = j - i + 1; specs = found; }
            }
            if (specs is null)
            {
                var word = words[i];
                if (!_vocabulary.Contains(word) || word.Any(c => c is >= '0' and <= '9')) return [];
                i++;
                continue;
            }
            common = common is null ? specs : common.Intersect(specs).ToList();
            if (common.Count == 0) return [];
            i += matched;
        }
        return common ?? (IReadOnlyList<GpuSpec>)[];
    }

    private static void Add(Dictionary<string, List<GpuSpec>> index, string key, GpuSpec spec)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(spec)) list.Add(spec);
    }
}
