using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// Splits a raw accelerator name into <see cref="NameParts"/>. The form-factor vocabulary is the catalog's own
/// FormFactor column (plus the spellings tools use for it); everything else is structure: a memory size is a
/// number with GB, a count is "8x" in front, ":2" / " x 8" behind or "8-GPU" anywhere, an lspci or PCI-database line names the
/// product in its last [brackets], parentheses hold code names and revisions. Immutable and thread-safe.
/// </summary>
public sealed class NameParser
{
    // Words that name a vendor, a brand line or the kind of device, and never which chip it is.
    private static readonly HashSet<string> s_noise = new(StringComparer.Ordinal)
    {
        "nvidia", "amd", "intel", "google", "aws", "amazon", "habana", "labs", "ltd", "inc", "corporation", "corp",
        "advanced", "micro", "devices", "ati", "tesla", "geforce", "quadro", "radeon", "instinct", "data", "center",
        "datacenter", "gpu", "gpus", "graphics", "accelerator", "tensor", "core", "cloud", "ai", "training",
        "hbm", "hbm2", "hbm2e", "hbm3", "hbm3e", "gddr6", "gddr6x", "gddr7", "generation", "series", "module",
    };

    // Spellings of a form factor that are not the catalog's own: "PCI Express", "PCle" (as Epoch writes it),
    // plain "SXM", and the HGX/DGX baseboards, which carry SXM (or OAM) modules.
    private static readonly Dictionary<string, string> s_formSynonyms = new(StringComparer.Ordinal)
    {
        ["pci"] = "pcie", ["pcle"] = "pcie", ["pciexpress"] = "pcie", ["sxm"] = "sxm", ["hgx"] = "hgx", ["dgx"] = "dgx",
    };

    // "01:00.0 3D controller: " in front of an lspci line; "[0302]" class codes with -nn.
    private static readonly Regex s_lspciPrefix = new(
        @"^(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\s+[^:]*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_countPrefix = new(
        @"^(?<n>[0-9]{1,6})\s*[x×*]\s*(?=[A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_countSuffix = new(
        @"(?:\s+[x×*]\s*|\s*[:*]\s*)(?<n>[0-9]{1,6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_pciPair = new(@"^[0-9a-f]{4}:[0-9a-f]{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly HashSet<string> _forms;

    /// <param name="formFactors">The catalog's FormFactor values ("SXM5", "PCIe", "OAM", "Superchip", …).</param>
    public NameParser(IEnumerable<string> formFactors)
    {
        _forms = new HashSet<string>(formFactors.Select(NameKey.Of).Where(f => f.Length > 0), StringComparer.Ordinal);
    }

    /// <summary>True for a word the parser never lets decide a match.</summary>
    public static bool IsNoise(string word) => s_noise.Contains(word);

    /// <summary>
    /// The product part of a line: what an lspci or pci.ids line puts in its last [brackets] (not a
    /// [vendor:device] pair), without the bus address and class in front; the text itself otherwise.
    /// </summary>
    [MethodImpl(JitNow.Optimized)]
    public static string Product(string text)
    {
        text = text.Trim();
        if (text.IndexOf(':') > 0) text = s_lspciPrefix.Replace(text, "");
        if (text.IndexOf(']') < 0) return text;
        var end = text.Length;
        while (end > 0)
        {
            var close = text.LastIndexOf(']', end - 1);
            if (close < 0) break;
            var open = text.LastIndexOf('[', close);
            if (open < 0) break;
            var inside = text.Substring(open + 1, close - open - 1).Trim();
            if (inside.Length > 0 && !s_pciPair.IsMatch(inside) && !inside.All(Ascii.IsDigit)) return inside;
            end = open;
        }
        return text;
    }

    /// <summary>The words of a name without the ignored ones ("NVIDIA DGX B200" is "dgx b200"), or null when none were ignored.</summary>
    [MethodImpl(JitNow.Optimized)]
    public static string? WithoutNoise(string text)
    {
        var words = Words(text);
        var kept = words.Where(w => w is not ("(" or ")") && !s_noise.Contains(w)).ToList();
        return kept.Count == words.Count || kept.Count == 0 ? null : string.Join(" ", kept);
    }

    /// <summary>A count written with the name, and the name without it; (1, text) when there is none.</summary>
    [MethodImpl(JitNow.Optimized)]
    public static (int Count, string Name) SplitCount(string text)
    {
        if (text.Length == 0 || !Ascii.IsDigit(text[0]) && !Ascii.IsDigit(text[text.Length - 1])) return (1, text);
        var prefix = s_countPrefix.Match(text);
        if (prefix.Success && TryCount(prefix.Groups["n"].Value, out var n)) return (n, text.Substring(prefix.Length).Trim());
        var suffix = s_countSuffix.Match(text);
        if (suffix.Success && suffix.Index > 0 && TryCount(suffix.Groups["n"].Value, out n)) return (n, text.Substring(0, suffix.Index).Trim());
        return (1, text);
    }

    // The module's one count rule; a count written with a name is also more than zero.
    private static bool TryCount(string digits, out int n)
    {
        n = Inventory.GpuCount.TryParse(digits, out var count, out _) && count > 0 ? (int)count : 0;
        return n > 0;
    }

    /// <summary>Parses one name (no alternatives): the product part, without its count.</summary>
    [MethodImpl(JitNow.Optimized)]
    public NameParts Parse(string text, int count = 1)
    {
        var model = new List<string>();
        var forms = new List<string>();
        var systems = new List<string>();
        var ignored = new List<string>();
        double? memory = null;

        var depth = 0;
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "(") { depth++; continue; }
            if (word == ")") { depth = Math.Max(0, depth - 1); continue; }

            if (TryMemory(word, i + 1 < words.Count ? words[i + 1] : null, out var gb, out var used))
            {
                i += used - 1;
                // A second, different size ("V100 16GB 32GB") is not a size of this chip: it keeps the name from matching.
                if (memory is { } first && first != gb) model.Add(word);
                memory ??= gb;
                continue;
            }
            if (Form(word) is { } form) { forms.Add(form); continue; }
            // "gpu_8x_h100_sxm5" (Lambda and other instance names): a count word.
            if (count == 1 && word.Length > 1 && word[word.Length - 1] == 'x' && TryCount(word.Substring(0, word.Length - 1), out var n)) { count = n; continue; }
            // "HGX H100 8-GPU" (NVIDIA's board names), "8gpu" (Nebius presets): a number of GPUs.
            if (count == 1 && GpuCountWord(word, i + 1 < words.Count ? words[i + 1] : null, out n, out used)) { count = n; i += used - 1; continue; }
            if (IsSystem(word)) { systems.Add(word); continue; }
            if (depth > 0 || s_noise.Contains(word)) { ignored.Add(word); continue; }
            model.Add(word);
        }
        return new NameParts { ModelWords = model, FormWords = forms, SystemWords = systems, MemoryGB = memory, Count = count, Ignored = ignored };
    }

    /// <summary>
    /// Parses a name that may list alternatives ("Instinct MI250X/MI250", "GH200 120GB / 480GB"): one
    /// <see cref="NameParts"/> per alternative; an alternative without model words takes the previous one's.
    /// </summary>
    [MethodImpl(JitNow.Optimized)]
    public IReadOnlyList<NameParts> ParseAlternatives(string product, int count = 1)
    {
        if (product.IndexOf('/') < 0) return [Parse(product, count)];
        var result = new List<NameParts>();
        foreach (var piece in product.Split('/'))
        {
            var parts = Parse(piece, count);
            // Alternatives are model names ("MI250X/MI250"); a piece that is only a word or a number ("RTX/6000") means
            // the slash is a separator, so the whole is one name.
            if (parts.ModelWords.Count > 0 && !parts.ModelWords.Any(IsModelLike)) return [Parse(product.Replace('/', ' '), count)];
            if (parts.ModelWords.Count == 0 && result.Count > 0)
            {
                var previous = result[result.Count - 1];
                parts = new NameParts
                {
                    ModelWords = previous.ModelWords, FormWords = parts.FormWords.Count > 0 ? parts.FormWords : previous.FormWords,
                    SystemWords = parts.SystemWords, MemoryGB = parts.MemoryGB ?? previous.MemoryGB, Count = count, Ignored = parts.Ignored,
                };
            }
            if (parts.ModelWords.Count > 0) result.Add(parts);
        }
        return result.Count > 0 ? result : [Parse(product.Replace('/', ' '), count)];
    }

    private static bool IsModelLike(string word) =>
        word.Any(c => c is >= '0' and <= '9') && word.Any(c => c is >= 'a' and <= 'z');

    private string? Form(string word)
    {
        if (_forms.Contains(word)) return word;
        return s_formSynonyms.TryGetValue(word, out var form) ? form : null;
    }

    /// <summary>True when a catalog FormFactor (as a <see cref="NameKey"/>) is what a form word means.</summary>
    public static bool FormMatches(string word, string formFactor)
    {
        var f = NameKey.Of(formFactor);
        return word switch
        {
            "sxm" => f.StartsWith("sxm", StringComparison.Ordinal),
            "hgx" or "dgx" => f.StartsWith("sxm", StringComparison.Ordinal) || f == "oam",
            _ => f == word,
        };
    }

    // "nvl72", "nvl36", "nvl16", "nvl4": an NVLink domain (a rack or a board), not a form factor of the chip.
    private static bool GpuCountWord(string word, string? next, out int n, out int used)
    {
        used = 1;
        if (word.EndsWith("gpus", StringComparison.Ordinal) && TryCount(word.Substring(0, word.Length - 4), out n)) return true;
        if (word.EndsWith("gpu", StringComparison.Ordinal) && TryCount(word.Substring(0, word.Length - 3), out n)) return true;
        used = 2;
        if (next is "gpu" or "gpus" && word.All(Ascii.IsDigit) && TryCount(word, out n)) return true;
        n = 0;
        return false;
    }

    private static bool IsSystem(string word) =>
        word.Length > 3 && word.StartsWith("nvl", StringComparison.Ordinal) && word.Skip(3).All(c => c is >= '0' and <= '9');

    // "80gb", "80g", "16gib", or "80" followed by "gb".
    [MethodImpl(JitNow.Optimized)]
    private static bool TryMemory(string word, string? next, out double gb, out int used)
    {
        gb = 0;
        used = 1;
        var digits = 0;
        while (digits < word.Length && word[digits] is >= '0' and <= '9') digits++;
        if (digits == 0 || digits > 4) return false;
        var unit = word.Substring(digits);
        if (unit.Length == 0 && next is "gb" or "gib" or "g")
        {
            unit = next!;
            used = 2;
        }
        if (unit is not ("gb" or "g" or "gib")) return false;
        gb = int.Parse(word.Substring(0, digits), CultureInfo.InvariantCulture);
        return gb > 0;
    }

    // Runs of letters and digits, lower-cased invariantly; "(" and ")" kept as words so that what is in
    // parentheses can be told apart; "Max-Q" is one word.
    [MethodImpl(JitNow.Optimized)]
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c == '-' && sb.ToString() == "max" && i + 1 < text.Length && (text[i + 1] is 'q' or 'Q') && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                sb.Append('q');
                i++;
            }
            else
            {
                Flush();
                if (c is '(' or ')') words.Add(c.ToString());
            }
        }
        Flush();
        return words;
    }
}
