using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// Turns the names that tools print (nvidia-smi, GPU Feature Discovery labels, Slurm gres, rocm-smi,
/// amd-smi, SkyPilot, cloud instance types) into catalog entries. Never guesses: a name that names
/// no model is a <see cref="Problem"/> that says how to supply one.
/// </summary>
public sealed class GpuNameResolver
{
    // gpu[:type][:count][(S:0-1)] as sinfo %G, scontrol Gres and CfgTRES print it.
    private static readonly Regex s_gres = new(
        @"^gres/gpu(?::(?<type>[^=]+))?=(?<count>[0-9]+)$|^gpu(?::(?<type>\(null\)|[^:(]+?))?(?::(?<count>[0-9]+))?(?:\((?<extra>[^)]*)\))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // MIG profile at the end: "-MIG-1g.5gb" (GFD label), " MIG 3g.40gb" (nvidia-smi -L), "MIG-1g.10gb+me".
    private static readonly Regex s_mig = new(
        @"^(?<parent>.*?)[\s_-]+MIG[\s_-]+(?<g>[0-9]+)g\.(?<mem>[0-9]+)gb(?:\+me)?$|^MIG[\s_-]+(?<g>[0-9]+)g\.(?<mem>[0-9]+)gb(?:\+me)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Words that tools put before the model and that no catalog name needs.
    private static readonly HashSet<string> s_vendorWords = new(StringComparer.Ordinal)
    {
        "nvidia", "tesla", "amd", "instinct", "intel", "habana", "google", "cloud", "aws", "amazon", "geforce",
    };

    /// <summary>The longest name the resolver reads; longer text is refused unread.</summary>
    public const int MaxNameLength = 4096;

    private readonly GpuCatalog _catalog;
    private readonly (string Key, string Display)[] _names;

    internal GpuNameResolver(GpuCatalog catalog)
    {
        _catalog = catalog;
        _names = catalog.Specs.SelectMany(s => s.Aliases.Prepend(s.Id))
            .Concat(catalog.Families.Select(f => f.Family))
            .Select(n => (NameKey.Of(n), n))
            .Where(n => n.Item1.Length > 0)
            .ToArray();
    }

    /// <summary>Resolves a name; on failure returns null and sets <paramref name="problem"/>.</summary>
    public GpuResolution? Resolve(string? input, out Problem? problem)
    {
        problem = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            problem = new Problem(ErrorIds.MissingGpuModel, ProblemKind.InvalidData, "The GPU model is empty.", input,
                recommendedAction: "Give the model as a catalog id (see Get-GpuSpec), an alias, or the name a tool prints.");
            return null;
        }

        if (text.Length > MaxNameLength)
        {
            // Refused before any matching, so a hostile multi-megabyte cell costs nothing and is never echoed whole.
            problem = new Problem(ErrorIds.ValueTooLong, ProblemKind.InvalidData,
                $"The GPU name '{SafeText.Quote(text)}' is longer than any real one ({MaxNameLength.ToString("N0", CultureInfo.InvariantCulture)} characters at most).", null,
                recommendedAction: "Check that the column holds GPU model names (see -ModelColumn).");
            return null;
        }

        var gres = s_gres.Match(text);
        if (gres.Success) return ResolveGres(text, gres, out problem);

        var mig = s_mig.Match(text);
        if (mig.Success) return ResolveMig(text, mig, out problem);

        var resolution = Lookup(text);
        if (resolution is not null) return resolution;

        problem = Unknown(text);
        return null;
    }

    /// <summary>Up to three catalog names closest to the input, for an error message or a completion list.</summary>
    public IReadOnlyList<string> Suggest(string input, int count = 3)
    {
        var key = NameKey.Of(input);
        if (key.Length == 0) return [];
        var limit = Math.Max(2, key.Length / 2);
        return _names
            .Select(n => (n.Display, Score: Score(key, n.Key)))
            .Where(n => n.Score <= limit)
            .OrderBy(n => n.Score).ThenBy(n => n.Display.Length)
            .Select(n => CanonicalDisplay(n.Display))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(count)
            .ToList();
    }

    private GpuResolution? Lookup(string text)
    {
        var direct = LookupKey(text, text);
        if (direct is not null) return direct;

        // "NVIDIA Tesla V100-SXM2-32GB", "AMD Instinct MI300X": drop the vendor words in front.
        var words = NameKey.Words(text);
        var skip = 0;
        while (skip < words.Length - 1 && s_vendorWords.Contains(words[skip])) skip++;
        return skip > 0 ? LookupKey(text, string.Concat(words.Skip(skip))) : null;
    }

    private GpuResolution? LookupKey(string input, string name)
    {
        var key = NameKey.Of(name);
        if (_catalog.FindSpec(key) is { } spec)
        {
            var exact = NameKey.Of(spec.Id) == key;
            return new GpuResolution
            {
                Input = input, Id = spec.Id, Spec = spec,
                MatchKind = exact ? MatchKind.Exact : MatchKind.Alias,
                Note = exact ? "" : $"alias of {spec.Id}",
            };
        }
        if (_catalog.FindFamily(key) is { } family && _catalog.GetById(family.DefaultId) is { } representative)
        {
            return new GpuResolution
            {
                Input = input, Id = representative.Id, Spec = representative, Family = family.Family,
                MatchKind = MatchKind.FamilyDefault,
                Note = $"family {family.Family}: {representative.Id} stands for it ({family.Note}). Name the variant to be exact.",
            };
        }
        if (_catalog.FindInstanceType(key) is { } type && _catalog.GetById(type.GpuId) is { } gpu)
        {
            return new GpuResolution
            {
                Input = input, Id = gpu.Id, Spec = gpu, GpusPerUnit = type.GpusPerUnit, Fraction = type.Fraction,
                MatchKind = MatchKind.InstanceType,
                Note = $"{type.Provider} {type.Name}: {FormatCount(type.GpusPerUnit, type.Fraction)} x {gpu.Id}",
            };
        }
        return null;
    }

    /// <summary>
    /// Reads a Slurm GPU gres or TRES entry ("gpu:a100:8(S:0-1)", "gpu:8", "gres/gpu:h100=4") as the
    /// resolver does: its type ("" when none) and GPU count. False when the text is not a GPU gres.
    /// </summary>
    public static bool TryParseGres(string? text, out string type, out double count)
    {
        var gres = s_gres.Match(text?.Trim() ?? "");
        if (!gres.Success)
        {
            type = "";
            count = 0;
            return false;
        }
        (type, count) = GresParts(gres);
        return true;
    }

    // Counts are read as doubles so that no digit string can overflow; the count rule then refuses what is too large.
    private static (string Type, double Count) GresParts(Match gres)
    {
        var type = gres.Groups["type"].Success ? gres.Groups["type"].Value.Trim() : "";
        var count = gres.Groups["count"].Success ? double.Parse(gres.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
        // "gpu:8" is a count with no type, as is "gpu:(null):0" in GresUsed.
        if (!gres.Groups["count"].Success && type.All(Ascii.IsDigit) && type.Length > 0)
        {
            count = double.Parse(type, CultureInfo.InvariantCulture);
            type = "";
        }
        if (type.Equals("(null)", StringComparison.OrdinalIgnoreCase)) type = "";
        return (type, count);
    }

    private GpuResolution? ResolveGres(string text, Match gres, out Problem? problem)
    {
        problem = null;
        var (type, count) = GresParts(gres);
        if (!Inventory.GpuCount.Check(count, count.ToString("R", CultureInfo.InvariantCulture), out problem)) return null;
        if (type.Length == 0)
        {
            problem = new Problem(ErrorIds.GresTypeMissing, ProblemKind.InvalidData,
                $"The Slurm gres '{text}' counts {count} GPU(s) but names no GPU type, so its model is unknown.", text,
                recommendedAction: "Give the type in gres.conf (Name=gpu Type=a100) so sinfo prints gpu:a100:N, or supply the model with -Model.");
            return null;
        }
        var resolution = Lookup(type);
        if (resolution is null)
        {
            problem = Unknown(type, text);
            return null;
        }
        resolution.Input = text;
        resolution.GpusPerUnit *= (int)count; // the count rule above keeps it within 10,000,000
        resolution.Note = $"Slurm gres: {count} x {resolution.Id}" + (resolution.Note.Length > 0 ? $"; {resolution.Note}" : "");
        return resolution;
    }

    private GpuResolution? ResolveMig(string text, Match mig, out Problem? problem)
    {
        problem = null;
        var parentName = mig.Groups["parent"].Value;
        var profile = $"{mig.Groups["g"].Value}g.{mig.Groups["mem"].Value}gb";
        if (parentName.Length == 0)
        {
            problem = new Problem(ErrorIds.MigParentMissing, ProblemKind.InvalidData,
                $"The MIG device '{text}' does not say which GPU it is a slice of.", text,
                recommendedAction: "Read the parent GPU line of nvidia-smi -L, or give the GPU model with -Model.");
            return null;
        }
        var parent = Lookup(parentName);
        if (parent is null)
        {
            problem = Unknown(parentName, text);
            return null;
        }
        var slices = MigComputeSlices(parent.Spec);
        var g = double.Parse(mig.Groups["g"].Value, CultureInfo.InvariantCulture); // no digit string can overflow a double
        parent.Input = text;
        parent.MatchKind = MatchKind.MigSlice;
        parent.Fraction = Math.Min(1.0, (double)g / slices);
        parent.Note = $"MIG {profile} slice of {parent.Id}: {g} of {slices} compute slices";
        return parent;
    }

    // MIG splits an A30 into 4 compute slices and every other MIG-capable GPU (A100, H100, H200, B200) into 7.
    private static int MigComputeSlices(GpuSpec spec) =>
        string.Equals(spec.Family, "A30", StringComparison.OrdinalIgnoreCase) ? 4 : 7;

    private Problem Unknown(string name, string? whole = null)
    {
        var suggestions = Suggest(name);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?" : "";
        var what = whole is null ? $"'{name}'" : $"'{name}' (in '{whole}')";
        return new Problem(ErrorIds.UnknownGpuModel, ProblemKind.NotFound,
            $"The GPU model {what} is not in the catalog.{hint}", whole ?? name,
            recommendedAction: "Run Get-GpuSpec to list the catalog, or add the model with Import-GpuCatalog.")
        { Suggestions = suggestions };
    }

    private string CanonicalDisplay(string name) =>
        _catalog.FindSpec(name)?.Id ?? _catalog.FindFamily(name)?.Family ?? name;

    // Edit distance, with a bonus when one name contains the other ("A100" in "A100 80GB").
    private static int Score(string key, string candidate)
    {
        var distance = NameKey.Distance(key, candidate);
        if (candidate.Length >= 3 && (key.Contains(candidate) || candidate.Contains(key))) distance = Math.Min(distance, 1);
        return distance;
    }

    private static string FormatCount(int gpus, double fraction) =>
        fraction < 1 ? $"{gpus} x {fraction.ToString("0.###", CultureInfo.InvariantCulture)} of" : gpus.ToString(CultureInfo.InvariantCulture);
}
