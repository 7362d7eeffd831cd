using CapacityTools.Core.Gpu;
using CsCheck;

namespace CapacityTools.Core.Tests.Gpu;

/// <summary>
/// Property-based tests of the resolver with CsCheck. Names are built from the catalog's own words (ids, aliases,
/// form factors, memory sizes), the words the parser ignores, counts, PCI-style ids and random separators and
/// characters, so most cases are near real names. Invariants: no exception; a resolution or a problem, never
/// both; a resolution names a catalog entry with a sane multiple and share; and a catalog name, respelled with
/// vendor words, other separators, case and a count, never resolves to another family.
/// </summary>
public class ResolverFuzzTests
{
    private static readonly GpuCatalog s_catalog = GpuCatalog.Embedded;

    private static readonly string[] s_words = s_catalog.Specs
        .SelectMany(s => s.Aliases.Prepend(s.Id).Append(s.FormFactor).Append(s.Family))
        .SelectMany(n => n.Split(' ', '-', '_'))
        .Concat(["NVIDIA", "Tesla", "AMD", "Instinct", "Radeon", "GPU", "HBM3", "80GB", "40 GB", "8x", "x8", ":4", "0x2331",
            "10de:2330", "740f", "(rev a1)", "[", "]", "(", ")", "/", "MIG", "1g.10gb", "GRID", "-10C", "gpu:", "Name=gpu", "Type=", "NVL72", "DGX", "HGX"])
        .Where(w => w.Length > 0)
        .Distinct()
        .ToArray();

    private static readonly string[] s_separators = [" ", "-", "_", "", "  ", ".", ",", "/", "\t"];

    private static readonly Gen<string> s_names =
        Gen.Select(Gen.Int[0, s_words.Length - 1].Array[1, 6], Gen.Int[0, s_separators.Length - 1].Array[6], Gen.Bool, Gen.Char.Array[0, 3])
            .Select(t => (t.Item3 ? string.Concat(t.Item4) : "") + string.Join("", t.Item1.Select((w, i) => s_words[w] + s_separators[t.Item2[i]])));

    [Fact]
    public void AnyNameGivesAResolutionOrAProblemAndNothingElse()
    {
        s_names.Sample(name =>
        {
            var resolution = s_catalog.Resolver.Resolve(name, out var problem);
            Assert.True((resolution is null) != (problem is null), $"'{name}'");
            if (resolution is null) return;
            Assert.Same(resolution.Spec, s_catalog.GetById(resolution.Id));
            Assert.InRange(resolution.GpusPerUnit, 1, 10_000_000);
            Assert.InRange(resolution.Fraction, 1e-6, 1.0);
        }, iter: 20_000);
    }

    [Fact]
    public void ARespelledCatalogNameNeverBecomesAnotherFamily()
    {
        var names = s_catalog.Specs.SelectMany(s => s.Aliases.Prepend(s.Id).Select(n => (Spec: s, Name: n))).ToArray();
        string[] prefixes = ["", "NVIDIA ", "nvidia_", "AMD Instinct ", "Tesla ", "Intel ", "Google ", "AWS "];
        Gen.Select(Gen.Int[0, names.Length - 1], Gen.Int[0, prefixes.Length - 1], Gen.Int[0, s_separators.Length - 1], Gen.Int[0, 2], Gen.Int[1, 64])
            .Sample(t =>
            {
                var (spec, name) = names[t.Item1];
                var text = prefixes[t.Item2] + name.Replace("-", s_separators[t.Item3]).Replace(" ", s_separators[t.Item3]);
                text = t.Item4 switch { 0 => text.ToUpperInvariant(), 1 => text.ToLowerInvariant(), _ => $"{t.Item5}x {text}" };
                var resolution = s_catalog.Resolver.Resolve(text, out _);
                if (resolution is null) return; // an error is allowed; another chip is not
                Assert.True(resolution.Id == spec.Id || string.Equals(resolution.Spec.Family, spec.Family, StringComparison.OrdinalIgnoreCase),
                    $"'{text}' (from {spec.Id}) became {resolution.Id} ({resolution.MatchKind}: {resolution.Note})");
            }, iter: 20_000);
    }
}
