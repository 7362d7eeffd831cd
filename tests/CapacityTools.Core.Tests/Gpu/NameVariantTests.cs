using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Gpu;

/// <summary>
/// Spellings built from each catalog entry's own columns (vendor words in front, its form factor and memory in
/// any order, case and separators changed): each resolves to that entry, or to its family's representative
/// with a note, never to an entry of another family; and the same spellings with a wrong memory size never resolve.
/// </summary>
public class NameVariantTests
{
    private static readonly string[] s_prefixes = ["", "NVIDIA ", "AMD Instinct ", "Tesla ", "Intel Data Center GPU ", "Google Cloud "];
    private static readonly string[] s_separators = [" ", "-", "_", "  "];

    [Fact]
    public void SpellingsOfEveryEntryResolveToItOrItsFamily()
    {
        var catalog = GpuCatalog.Embedded;
        var random = new Random(20261130);
        var tried = 0;
        foreach (var spec in catalog.Specs)
        {
            foreach (var name in spec.Aliases.Prepend(spec.Id))
            {
                for (var i = 0; i < 20; i++)
                {
                    var sep = s_separators[random.Next(s_separators.Length)];
                    var words = new List<string> { name.Replace("-", sep) };
                    if (spec.MemoryGB is { } gb && random.Next(2) == 0) words.Add(random.Next(2) == 0 ? $"{gb}GB" : $"{gb} GB");
                    if (random.Next(2) == 0) words.Add(spec.FormFactor);
                    var text = s_prefixes[random.Next(s_prefixes.Length)] + string.Join(sep, words);
                    text = random.Next(3) == 0 ? text.ToUpperInvariant() : random.Next(2) == 0 ? text.ToLowerInvariant() : text;
                    tried++;
                    var resolution = catalog.Resolver.Resolve(text, out _);
                    if (resolution is null) continue; // an error is allowed; a wrong chip is not
                    Assert.True(resolution.Id == spec.Id || string.Equals(resolution.Spec.Family, spec.Family, StringComparison.OrdinalIgnoreCase),
                        $"'{text}' (from {spec.Id}) resolved to {resolution.Id} ({resolution.MatchKind})");
                    if (resolution.Id != spec.Id) Assert.NotEqual(MatchKind.Parts, resolution.MatchKind);
                }
            }
        }
        Assert.True(tried > 3000);
    }

    [Fact]
    public void MostSpellingsResolveToTheEntryItself()
    {
        var catalog = GpuCatalog.Embedded;
        var exact = catalog.Specs.Count(s =>
            catalog.Resolver.Resolve($"NVIDIA {s.Id.Replace('-', ' ')} {s.FormFactor}", out _)?.Id == s.Id);
        Assert.True(exact >= catalog.Specs.Count * 9 / 10, $"{exact} of {catalog.Specs.Count}");
    }

    [Fact]
    public void AWrongMemorySizeNeverResolves()
    {
        var catalog = GpuCatalog.Embedded;
        foreach (var spec in catalog.Specs.Where(s => s.MemoryGB is > 0 && s.Vendor != "Google"))
        {
            var wrong = spec.MemoryGB!.Value * 3 + 7;
            var text = $"{spec.Id.Replace('-', ' ')} {wrong}GB";
            Assert.Null(catalog.Resolver.Resolve(text, out var problem));
            Assert.Equal("UnknownGpuModel", problem!.ErrorId);
        }
    }
}
