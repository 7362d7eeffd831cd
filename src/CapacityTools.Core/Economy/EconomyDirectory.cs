using System.Globalization;
using System.Text;
using CapacityTools.Core.Data;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Every economy and country group the GDP editions know, found by any code or name they go by
/// (seeds/gdp-country-names.csv and seeds/gdp-aliases.csv). Immutable; the embedded directory is
/// loaded once, lazily and thread-safely, and a user's file that brings new codes makes a new one.
/// </summary>
public sealed class EconomyDirectory
{
    private static readonly Lazy<EconomyDirectory> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Economy> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Economy> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _conflicts = [];

    public EconomyDirectory(IEnumerable<Economy> economies)
    {
        Economies = economies.ToList();
        foreach (var economy in Economies)
        {
            foreach (var code in economy.Codes) Index(_byCode, NormalizeCode(code), economy, code);
            foreach (var name in economy.Names) Index(_byName, Key(name), economy, name);
        }
    }

    /// <summary>The directory built into the module.</summary>
    public static EconomyDirectory Embedded => s_embedded.Value;

    public IReadOnlyList<Economy> Economies { get; }

    /// <summary>Codes or names that two economies claim. Empty for a sound directory.</summary>
    public IReadOnlyList<string> Conflicts => _conflicts;

    /// <summary>The form names are compared in: accents removed, then letters and digits only, lower-cased.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var decomposed = name!.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return NameKey.Of(sb.ToString());
    }

    /// <summary>The economy with this code (ISO 3166 alpha-3 or alpha-2, IMF, IMF numeric, World Bank or an alias code such as UVK).</summary>
    public Economy? FindByCode(string? code)
    {
        var normalized = NormalizeCode(code);
        return normalized.Length > 0 && _byCode.TryGetValue(normalized, out var economy) ? economy : null;
    }

    /// <summary>The economy with this code, or else this name (any edition's spelling or an alias, accents and punctuation ignored).</summary>
    public Economy? Find(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        return FindByCode(trimmed) ?? (_byName.TryGetValue(Key(trimmed), out var economy) ? economy : null);
    }

    /// <summary>Up to <paramref name="count"/> names of <paramref name="among"/> closest to the input.</summary>
    public static IReadOnlyList<string> Suggest(string input, IEnumerable<Economy> among, int count = 3)
    {
        var key = Key(input);
        if (key.Length == 0) return [];
        var limit = Math.Max(2, key.Length / 3);
        return among
            .SelectMany(e => e.Names.Select(n => (Economy: e, Score: Score(key, Key(n)))))
            .Where(c => c.Score <= limit)
            .GroupBy(c => c.Economy)
            .Select(g => (g.Key, Score: g.Min(c => c.Score)))
            .OrderBy(c => c.Score).ThenBy(c => c.Key.Name.Length)
            .Take(count)
            .Select(c => $"{c.Key.Name} ({c.Key.Iso3})")
            .ToList();
    }

    /// <summary>A new directory with these economies added (codes or names already taken stay with their owner).</summary>
    public EconomyDirectory With(IEnumerable<Economy> extra)
    {
        var added = extra.ToList();
        return added.Count == 0 ? this : new EconomyDirectory(Economies.Concat(added));
    }

    private static int Score(string key, string candidate)
    {
        if (candidate.Length == 0) return int.MaxValue;
        if (candidate.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(candidate, StringComparison.Ordinal)) return 0;
        if (key.Length >= 4 && candidate.Contains(key)) return 1;
        return NameKey.Distance(key, candidate);
    }

    internal static string NormalizeCode(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length is > 0 and < 3 && trimmed.All(Ascii.IsDigit)) trimmed = trimmed.PadLeft(3, '0');
        return trimmed.ToUpperInvariant();
    }

    private void Index(Dictionary<string, Economy> index, string key, Economy economy, string what)
    {
        if (key.Length == 0) return;
        if (index.TryGetValue(key, out var existing))
        {
            if (!ReferenceEquals(existing, economy)) _conflicts.Add($"'{what}' of {economy.Iso3} is already taken by {existing.Iso3}.");
            return;
        }
        index[key] = economy;
    }

    private static EconomyDirectory LoadEmbedded()
    {
        using var names = EmbeddedData.Open("gdp-country-names.csv");
        using var aliases = EmbeddedData.Open("gdp-aliases.csv");
        using var alpha2 = EmbeddedData.Open("iso3166-alpha2.csv");
        return Read(names, "gdp-country-names.csv", aliases, "gdp-aliases.csv", alpha2);
    }

    /// <summary>
    /// Reads the crosswalk (iso3, entity_type, imf_code, imf_numeric_code, imf_name_2025_10, imf_name_2025_04, wb_code, wb_name),
    /// the alias list (Iso3, Alias) and, when given, ISO 3166-1 (Alpha2, Alpha3, Name), whose alpha-2 codes (DE, FR, GB, JP) become codes too.
    /// </summary>
    internal static EconomyDirectory Read(Stream crosswalk, string crosswalkName, Stream aliases, string aliasesName, Stream? iso3166 = null)
    {
        var aliasesByIso3 = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void AddAlias(string iso3, string alias)
        {
            if (!aliasesByIso3.TryGetValue(iso3, out var list)) aliasesByIso3[iso3] = list = [];
            list.Add(alias);
        }
        foreach (var row in CsvRecords.Read(aliases, aliasesName).Rows)
        {
            var iso3 = row.Get("Iso3");
            var alias = row.Get("Alias");
            if (iso3 is not null && alias is not null) AddAlias(iso3, alias);
        }
        if (iso3166 is not null)
        {
            foreach (var row in CsvRecords.Read(iso3166, "iso3166-alpha2.csv").Rows)
                if (row.Get("Alpha3") is { } iso3 && row.Get("Alpha2") is { } alpha2) AddAlias(iso3, alpha2);
        }

        var economies = new List<Economy>();
        foreach (var row in CsvRecords.Read(crosswalk, crosswalkName).Rows)
        {
            var iso3 = row.Get("iso3");
            if (iso3 is null) continue;
            var type = row.Get("entity_type") ?? "economy";
            var longName = row.Get("imf_name_2025_10");
            var shortName = row.Get("imf_name_2025_04");
            var wbName = row.Get("wb_name");
            aliasesByIso3.TryGetValue(iso3, out var extra);
            // Short alphabetic aliases (UVK, KOS, WBG) are codes; the rest are names.
            var aliasCodes = extra?.Where(IsCodeLike).ToList() ?? [];
            var aliasNames = extra?.Where(a => !IsCodeLike(a)).ToList() ?? [];
            var codes = new[] { iso3, row.Get("imf_code"), row.Get("imf_numeric_code"), row.Get("wb_code") }
                .Concat(aliasCodes).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var names = new[] { shortName, longName, wbName }.Concat(aliasNames).OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var display = shortName ?? wbName ?? longName ?? iso3;
            economies.Add(new Economy(iso3, display, !string.Equals(type, "economy", StringComparison.OrdinalIgnoreCase), codes, names));
        }
        return new EconomyDirectory(economies);
    }

    private static bool IsCodeLike(string alias) => alias.Length is >= 2 and <= 5 && alias.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
}
