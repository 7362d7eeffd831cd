using System.Runtime.CompilerServices;
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

    // NVIDIA vGPU profile as nvidia-smi and dcgm-exporter print it in a VM: "GRID A100-10C", "NVIDIA L40S-24Q",
    // "GRID T4-16Q" (board, frame-buffer GB, series A/B/C/Q).
    private static readonly Regex s_vgpu = new(
        @"^(?:GRID|NVIDIA)[\s_-]+(?<board>[A-Za-z]*[0-9]+[A-Za-z]*)-(?<mem>[0-9]{1,3})(?<series>[ABCQ])$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // MIG profile at the end: "-MIG-1g.5gb" (GFD label), " MIG 3g.40gb" (nvidia-smi -L), "MIG-1g.10gb+me".
    private static readonly Regex s_mig = new(
        @"^(?<parent>.*?)[\s_-]+MIG[\s_-]+(?<g>[0-9]{1,2})g\.(?<mem>[0-9]{1,4})gb(?:\+me)?$|^MIG[\s_-]+(?<g>[0-9]{1,2})g\.(?<mem>[0-9]{1,4})gb(?:\+me)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The longest name the resolver reads; longer text is refused unread.</summary>
    public const int MaxNameLength = 4096;

    private readonly GpuCatalog _catalog;
    private readonly NameParser _parser;
    private readonly PartsMatcher _matcher;

    internal GpuNameResolver(GpuCatalog catalog)
    {
        _catalog = catalog;
        _parser = new NameParser(catalog.Specs.Select(s => s.FormFactor));
        _matcher = new PartsMatcher(catalog, _parser);
    }

    /// <summary>Resolves a name; on failure returns null and sets <paramref name="problem"/>.</summary>
    [MethodImpl(JitNow.Optimized)]
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

        // The regular expressions run only where their literal words are, which keeps unseen names fast.
        if (SlurmGpuText.ToGres(text) is { } slurm)
        {
            if (slurm.IndexOf(',') >= 0)
            {
                problem = new Problem(ErrorIds.AmbiguousGpuModel, ProblemKind.InvalidData,
                    $"The Slurm text '{SafeText.Quote(text)}' lists several GPU entries ({SafeText.Quote(slurm)}), so it is not one model.", text,
                    recommendedAction: "Read the node with Import-GpuInventory (sinfo or scontrol output), which counts each GPU type.");
                return null;
            }
            if (s_gres.Match(slurm) is { Success: true } entry) return ResolveGres(text, entry, out problem);
        }
        if (text.StartsWith("g", StringComparison.OrdinalIgnoreCase) && s_gres.Match(text) is { Success: true } gres)
            return ResolveGres(text, gres, out problem);

        if (text.IndexOf("mig", StringComparison.OrdinalIgnoreCase) >= 0 && s_mig.Match(text) is { Success: true } mig)
            return ResolveMig(text, mig, out problem);

        if (text[text.Length - 1] is 'A' or 'B' or 'C' or 'Q' or 'a' or 'b' or 'c' or 'q' && LookupKey(text, text) is null
            && s_vgpu.Match(text) is { Success: true } vgpu)
            return ResolveVgpu(text, vgpu, out problem);

        return Lookup(text, out problem);
    }

    // A vGPU profile: the board as written must name a catalog model; where it names a family ("A100"), the
    // parent is its smallest-memory entry that the profile's frame buffer fits (A100-10C is a quarter of an A100 40GB).
    private GpuResolution? ResolveVgpu(string text, Match vgpu, out Problem? problem)
    {
        var board = Lookup(text, vgpu.Groups["board"].Value, out problem);
        if (board is null) return null;
        var gb = int.Parse(vgpu.Groups["mem"].Value, CultureInfo.InvariantCulture);
        var family = board.MatchKind == MatchKind.FamilyDefault && _catalog.Families.FirstOrDefault(f => f.Family == board.Family) is { } f
            ? _catalog.FamilyMembers(f) : [board.Spec];
        var parent = family.Where(s => s.MemoryGB >= gb).OrderBy(s => s.MemoryGB).FirstOrDefault();
        if (parent?.MemoryGB is not { } total || gb <= 0)
        {
            problem = new Problem(ErrorIds.UnknownGpuModel, ProblemKind.NotFound,
                $"The vGPU profile '{SafeText.Quote(text)}' gives {gb} GB, more than any {board.Spec.Family} in the catalog has.", text,
                recommendedAction: "Check the profile name (nvidia-smi -q in the VM shows it), or give the board's model with -Model.");
            return null;
        }
        var series = vgpu.Groups["series"].Value.ToUpperInvariant();
        return new GpuResolution
        {
            Input = text, Id = parent.Id, Spec = parent, Family = board.Family, MatchKind = MatchKind.VgpuProfile,
            Fraction = gb / total, Parts = $"board={vgpu.Groups["board"].Value} memory={gb}GB series={series}",
            Note = $"vGPU {series}-series profile with {gb} GB of {parent.Id}'s {total.ToString(CultureInfo.InvariantCulture)} GB: {(gb / total).ToString("0.###", CultureInfo.InvariantCulture)} of the GPU"
                + (family.Count > 1 ? $" (the smallest {board.Spec.Family} the profile fits; name the board's memory to be exact)" : ""),
        };
    }

    /// <summary>Up to three catalog names closest to the input, for an error message or a completion list.</summary>
    [MethodImpl(JitNow.Optimized)]
    public IReadOnlyList<string> Suggest(string input, int count = 3)
    {
        var key = _parser.Parse(NameParser.Product(input)).Model;
        if (key.Length == 0) key = NameKey.Of(input);
        if (key.Length == 0) return [];
        var limit = Math.Max(2, key.Length / 2);
        var mask = NameKey.CharacterMask(key);
        // Each distinct character of the input that a name lacks costs at least one edit: a cheap bound first.
        return _matcher.Models
            .Where(m => NameKey.BitCount(mask & ~NameKey.CharacterMask(m.Key)) <= limit || m.Key.Contains(key) || key.Contains(m.Key))
            .Select(m => (m.Value, Score: Score(key, m.Key, limit)))
            .Where(m => m.Score <= limit)
            .OrderBy(m => m.Score)
            .SelectMany(m => RepresentativeFirst(m.Value))
            .Select(s => s.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(count)
            .ToList();
    }

    private GpuResolution? Lookup(string text, out Problem? problem) => Lookup(text, text, out problem);

    // input: what the user gave (kept as Input); text: the name in it to resolve.
    [MethodImpl(JitNow.Optimized)]
    private GpuResolution? Lookup(string input, string text, out Problem? problem)
    {
        problem = null;
        if (LookupKey(input, text) is { } direct) return direct;
        if (PciIdDatabase.TryParseId(text, allowBare: false, out var vendor, out var device)) return ResolvePci(input, text, vendor, device, out problem);
        var (count, name) = NameParser.SplitCount(text);
        var resolution = ResolveName(input, name, count != 1, out problem);
        if (resolution is not null && count != 1)
            resolution = resolution with { GpusPerUnit = resolution.GpusPerUnit * count, Note = Join($"{count} x '{SafeText.Quote(name)}' as written", resolution.Note) };
        return resolution;
    }

    [MethodImpl(JitNow.Optimized)]
    private GpuResolution? ResolveName(string input, string name, bool counted, out Problem? problem)
    {
        problem = null;
        if (counted && LookupKey(input, name) is { } listed) return listed;
        if (PciIdDatabase.TryParseId(name, allowBare: false, out var vendor, out var device)) return ResolvePci(input, name, vendor, device, out problem);
        var product = NameParser.Product(name);
        if (product != name && LookupKey(input, product) is { } named) return named;
        // "NVIDIA DGX B200": a system or instance type behind vendor words.
        if (NameParser.WithoutNoise(product) is { } bare && _catalog.FindInstanceType(bare) is not null && LookupKey(input, bare) is { } system) return system;
        // "2331", "740f": a bare PCI device id, once no model has that name. A bare decimal number may be a model
        // number the catalog lacks ("2080"), so it counts as an id only where the database names a product for it.
        var bareId = PciIdDatabase.TryParseId(name, allowBare: true, out vendor, out device);
        if (ResolveParts(input, product, out problem, explain: !bareId) is { } parts) return parts;
        if (!bareId) return null;
        var byId = ResolvePci(input, name, vendor, device, out var pciProblem, requireProduct: name.All(Ascii.IsDigit));
        if (byId is null) ResolveParts(input, product, out problem);
        if (byId is null && problem?.Suggestions.Count is null or 0) problem = pciProblem;
        return byId;
    }

    [MethodImpl(JitNow.Optimized)]
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
        if (_catalog.FindInstanceType(key) is { } type)
        {
            if (_catalog.GetById(type.GpuId) is { } gpu)
            {
                return new GpuResolution
                {
                    Input = input, Id = gpu.Id, Spec = gpu, GpusPerUnit = type.GpusPerUnit, Fraction = type.Fraction,
                    MatchKind = MatchKind.InstanceType,
                    Note = $"{type.Provider} {type.Name}: {FormatCount(type.GpusPerUnit, type.Fraction)} x {gpu.Id}",
                };
            }
            if (_catalog.FindFamily(type.GpuId) is { } typeFamily && _catalog.GetById(typeFamily.DefaultId) is { } stand)
            {
                // The provider names the chip, not its variant: the family's representative, with the family's warning.
                return new GpuResolution
                {
                    Input = input, Id = stand.Id, Spec = stand, Family = typeFamily.Family, GpusPerUnit = type.GpusPerUnit, Fraction = type.Fraction,
                    MatchKind = MatchKind.InstanceType,
                    Note = $"{type.Provider} {type.Name}: {FormatCount(type.GpusPerUnit, type.Fraction)} x {typeFamily.Family}, variant not stated by the provider; "
                        + $"{stand.Id} stands for it ({typeFamily.Note})",
                };
            }
        }
        return null;
    }

    // A name the catalog does not list as written: read its parts and match them against the catalog's columns.
    [MethodImpl(JitNow.Optimized)]
    private GpuResolution? ResolveParts(string input, string product, out Problem? problem, bool explain = true)
    {
        problem = null;
        var alternatives = _parser.ParseAlternatives(product);
        var parts = string.Join(" | ", alternatives.Select(a => a.Describe()));
        var matches = alternatives.Select(_matcher.Match).ToList();
        var fitting = matches.SelectMany(m => m.Fitting).Distinct().ToList();
        if (fitting.Count == 1)
        {
            var spec = fitting[0];
            return new GpuResolution
            {
                Input = input, Id = spec.Id, Spec = spec, MatchKind = MatchKind.Parts, Parts = parts, GpusPerUnit = alternatives[0].Count,
                Note = Join($"read as {spec.Id} from its parts", CountNote(alternatives[0]), SystemNote(alternatives[0], spec)),
            };
        }
        if (fitting.Count > 1)
        {
            var representative = Representative(input, parts, fitting, out problem);
            return representative is null ? null
                : representative with { Note = Join(representative.Note, CountNote(alternatives[0]), SystemNote(alternatives[0], representative.Spec)), GpusPerUnit = alternatives[0].Count };
        }

        if (!explain) return null;
        var named = matches.SelectMany(m => m.Named).Distinct().ToList();
        problem = named.Count == 0 ? Unknown(product, input == product ? null : input)
            : NoSuchVariant(input, alternatives[0], named);
        return null;
    }

    private static string CountNote(NameParts parts) =>
        parts.Count > 1 ? $"{parts.Count.ToString(CultureInfo.InvariantCulture)} GPUs, as the name says" : "";

    // HGX/DGX boards and NVLink domains hold several GPUs; where no system row says how many, one is counted, and said.
    private static string SystemNote(NameParts parts, GpuSpec spec)
    {
        var system = parts.FormWords.Where(f => f is "hgx" or "dgx").Concat(parts.SystemWords).ToList();
        return system.Count == 0 || parts.Count > 1 ? "" :
            $"'{string.Join(" ", system).ToUpperInvariant()}' names a multi-GPU board or system, but the catalog lists no such system for {spec.Id}, so this counts one GPU: write the GPUs ('8x') or a listed system name";
    }

    // Several entries fit: the family's representative with a note naming them, never one of them in silence.
    [MethodImpl(JitNow.Optimized)]
    private GpuResolution? Representative(string input, string parts, List<GpuSpec> fitting, out Problem? problem)
    {
        problem = null;
        var family = fitting.Select(s => s.Family).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1
            ? _catalog.Families.FirstOrDefault(f => string.Equals(f.Family, fitting[0].Family, StringComparison.OrdinalIgnoreCase))
            : null;
        var listed = string.Join(", ", fitting.Select(s => s.Id));
        if (family is null || _catalog.GetById(family.DefaultId) is not { } standard)
        {
            problem = new Problem(ErrorIds.AmbiguousGpuModel, ProblemKind.InvalidData,
                $"The GPU model '{SafeText.Quote(input)}' fits {fitting.Count} catalog entries of different families ({listed}), so it is not counted as any of them.", input,
                recommendedAction: "Write the full model name (e.g. one of the suggestions), or map it with Import-GpuCatalog.")
            { Suggestions = fitting.Take(3).Select(s => s.Id).ToList() };
            return null;
        }
        var chosen = fitting.Contains(standard) ? standard
            : fitting.OrderBy(s => string.Equals(s.FormFactor, standard.FormFactor, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(s => Math.Abs((s.MemoryGB ?? 0) - (standard.MemoryGB ?? 0))).First();
        var differ = new List<string>();
        if (fitting.Select(s => s.FormFactor).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1) differ.Add("form factor");
        if (fitting.Select(s => s.MemoryGB).Distinct().Count() > 1) differ.Add("memory size");
        var how = differ.Count > 0 ? string.Join(" and ", differ) : "full model name";
        return new GpuResolution
        {
            Input = input, Id = chosen.Id, Spec = chosen, Family = family.Family, MatchKind = MatchKind.FamilyDefault, Parts = parts,
            Note = $"'{SafeText.Quote(input)}' fits {listed}; {chosen.Id} stands for them (family {family.Family}: {family.Note}). Give the {how} to be exact.",
        };
    }

    private Problem NoSuchVariant(string input, NameParts parts, List<GpuSpec> named)
    {
        var asked = new List<string>();
        if (parts.FormWords.Count > 0) asked.Add(string.Join(" ", parts.FormWords).ToUpperInvariant());
        if (parts.MemoryGB is { } gb) asked.Add(gb.ToString("0.##", CultureInfo.InvariantCulture) + " GB");
        var nearest = named.OrderBy(s => parts.MemoryGB is { } m && _matcher.HasMemory(s, m) ? 0 : 1)
            .ThenBy(s => parts.FormWords.Any(f => NameParser.FormMatches(f, s.FormFactor)) ? 0 : 1)
            .ThenBy(s => Math.Abs((s.MemoryGB ?? 0) - (parts.MemoryGB ?? 0)))
            .Select(s => s.Id).Take(3).ToList();
        return new Problem(ErrorIds.UnknownGpuModel, ProblemKind.NotFound,
            $"The GPU model '{SafeText.Quote(input)}' names {string.Join(" ", parts.ModelWords).ToUpperInvariant()}, but the catalog has none with {string.Join(", ", asked)} " +
            $"(it has {string.Join(", ", named.Select(s => s.Id))}). Did you mean {string.Join(", ", nearest.Select(s => $"'{s}'"))}?", input,
            recommendedAction: "Check the memory size and form factor, or add the model with Import-GpuCatalog.")
        { Suggestions = nearest };
    }

    // A PCI device id: the PCI ID Repository's name for it, resolved like any other name.
    private GpuResolution? ResolvePci(string input, string text, int vendor, int device, out Problem? problem, bool requireProduct = false)
    {
        problem = null;
        var pci = PciIdDatabase.Embedded;
        if (vendor < 0) vendor = pci.VendorNamedIn(text);
        var vendors = vendor >= 0 ? [vendor] : pci.VendorsOf(device);
        var hex = device.ToString("x4", CultureInfo.InvariantCulture);
        var found = new List<GpuResolution>();
        var unmatched = new List<string>();
        foreach (var v in vendors)
        {
            var id = $"{v.ToString("x4", CultureInfo.InvariantCulture)}:{hex}";
            if (pci.DeviceName(v, device) is not { } name) continue;
            var product = NameParser.Product(name);
            if (requireProduct && product == name) { unmatched.Add($"{id} '{name}' (a chip, not a product; write 0x{hex} to mean the id)"); continue; }
            var resolution = LookupKey(input, product) ?? ResolveParts(input, product, out _, explain: false);
            if (resolution is null) { unmatched.Add($"{id} '{name}'"); continue; }
            var family = resolution.MatchKind == MatchKind.FamilyDefault;
            found.Add(resolution with
            {
                MatchKind = family ? MatchKind.FamilyDefault : MatchKind.PciId,
                Parts = $"pci={id} name='{name}'",
                Note = Join($"PCI device {id} is '{name}' ({pci.VendorName(v)})", family ? resolution.Note : ""),
            });
        }
        if (found.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1) return found[0];
        if (found.Count > 1)
        {
            problem = new Problem(ErrorIds.AmbiguousGpuModel, ProblemKind.InvalidData,
                $"The PCI device id '{SafeText.Quote(text)}' belongs to several vendors' devices ({string.Join(", ", found.Select(r => r.Id))}); give the vendor too (e.g. 10de:{hex}).", input,
                recommendedAction: "Write the id as vendor:device, as lspci -n prints it.")
            { Suggestions = found.Select(r => r.Id).Distinct().Take(3).ToList() };
            return null;
        }
        var what = unmatched.Count > 0
            ? $"PCI device {string.Join(", ", unmatched)} is not in the catalog."
            : $"PCI device id {hex} is not in the PCI ID Repository's accelerator list (version {pci.Version}) that the module ships.";
        problem = new Problem(ErrorIds.UnknownGpuModel, ProblemKind.NotFound, $"The GPU model '{SafeText.Quote(input)}': {what}", input,
            recommendedAction: "Add the model with Import-GpuCatalog, or give its name instead of its PCI id.");
        return null;
    }

    private IEnumerable<GpuSpec> RepresentativeFirst(IReadOnlyList<GpuSpec> specs)
    {
        if (specs.Count < 2) return specs;
        var family = _catalog.Families.FirstOrDefault(f => string.Equals(f.Family, specs[0].Family, StringComparison.OrdinalIgnoreCase));
        return family is null ? specs : specs.OrderBy(s => string.Equals(s.Id, family.DefaultId, StringComparison.OrdinalIgnoreCase) ? 0 : 1);
    }

    private static string Join(params string[] parts) => string.Join("; ", parts.Where(p => p.Length > 0));

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
        var resolution = Lookup(text, type, out problem);
        if (resolution is null) return null;
        return resolution with
        {
            Input = text,
            GpusPerUnit = resolution.GpusPerUnit * (int)count, // the count rule above keeps it within 10,000,000
            Note = $"Slurm gres: {count} x {resolution.Id}" + (resolution.Note.Length > 0 ? $"; {resolution.Note}" : ""),
        };
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
        var parent = Lookup(text, parentName, out problem);
        if (parent is null) return null;
        var slices = MigComputeSlices(parent.Spec);
        var g = double.Parse(mig.Groups["g"].Value, CultureInfo.InvariantCulture); // the pattern allows two digits at most
        var gb = double.Parse(mig.Groups["mem"].Value, CultureInfo.InvariantCulture);
        // A slice takes its share of the GPU's compute and of its memory; whichever is larger decides how much of the
        // physical GPU it occupies (four 1g.20gb slices fill an H100 80GB: 4/7 of its compute, all of its memory).
        var compute = g / slices;
        var memory = parent.Spec.MemoryGB is > 0 and var total ? gb / total : 0;
        var share = Math.Min(1.0, Math.Max(compute, memory));
        var basis = memory > compute ? $"{gb.ToString(CultureInfo.InvariantCulture)} of {parent.Spec.MemoryGB!.Value.ToString(CultureInfo.InvariantCulture)} GB of memory (more than its {g} of {slices} compute slices)" : $"{g} of {slices} compute slices";
        return parent with
        {
            Input = text,
            MatchKind = MatchKind.MigSlice,
            Fraction = share,
            Note = $"MIG {profile} slice of {parent.Id}: {basis}",
        };
    }

    // MIG splits an A30 into 4 compute slices and every other MIG-capable GPU (A100, H100, H200, B200) into 7.
    private static int MigComputeSlices(GpuSpec spec) =>
        string.Equals(spec.Family, "A30", StringComparison.OrdinalIgnoreCase) ? 4 : 7;

    [MethodImpl(JitNow.Optimized)]
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

    // Edit distance, with a bonus when one name contains the other ("A100" in "A100 80GB").
    [MethodImpl(JitNow.Optimized)]
    private static int Score(string key, string candidate, int limit)
    {
        if (candidate.Length >= 3 && (key.Contains(candidate) || candidate.Contains(key))) return 1;
        return NameKey.Distance(key, candidate, limit);
    }

    private static string FormatCount(int gpus, double fraction) =>
        fraction < 1 ? $"{fraction.ToString("0.###", CultureInfo.InvariantCulture)} of {gpus}" : gpus.ToString(CultureInfo.InvariantCulture);
}
