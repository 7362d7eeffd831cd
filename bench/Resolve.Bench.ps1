<#
.SYNOPSIS
    Name recognition speed: 100,000 distinct, never-seen spellings resolved by parts (vendor words, form
    factor, memory, counts, lspci lines, PCI ids, unknown names with suggestions) against the same number of
    names the catalog lists as written (the exact path), and against a cache that has seen them.
.DESCRIPTION
    Run by 'build.ps1 -Task Bench'. The target is under 2 s for the 100,000 unseen names on this machine; the
    script prints times and ratios measured in the same run (machines here are noisy: read the ratios).
    Names are generated from the embedded catalog's own ids and aliases with a fixed seed.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Names = 100000
)

$ErrorActionPreference = 'Stop'
$moduleDir = Split-Path (Resolve-Path $ModulePath).Path
# The staged module keeps the core and its dependencies in deps/ (loaded in isolation); the bench loads them directly.
$lib = if (Test-Path (Join-Path $moduleDir 'deps')) { Join-Path $moduleDir 'deps' } else { $moduleDir }
Add-Type -Path (Join-Path $lib 'CsvHelper.dll')
$core = Join-Path $lib 'CapacityTools.Core.dll'
Add-Type -Path $core
Add-Type -ReferencedAssemblies $core, 'netstandard', 'System.Runtime', 'System.Collections', 'System.Linq' -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;

public static class ResolveBench
{
    static readonly string[] Prefixes = { "", "NVIDIA ", "NVIDIA Tesla ", "AMD Instinct ", "nvidia_", "Intel Habana ", "Google Cloud " };

    // Distinct spellings: a catalog name with its separators changed, vendor words in front, its memory and form
    // factor written out, a count in front; every tenth an lspci line, a PCI id or a name no catalog has.
    public static string[] Unseen(int count, int seed)
    {
        var catalog = GpuCatalog.Embedded;
        var names = catalog.Specs.SelectMany(s => s.Aliases.Prepend(s.Id).Select(n => (Spec: s, Name: n))).ToArray();
        var pci = new[] { "0x2331", "10de:2330", "Device Id: 0x20B510DE", "740f", "74a1", "10de:26b9" };
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(count);
        while (result.Count < count)
        {
            var (spec, name) = names[random.Next(names.Length)];
            var sep = random.Next(3) switch { 0 => " ", 1 => "_", _ => "-" };
            string text;
            switch (random.Next(10))
            {
                case 0: text = $"{random.Next(1, 4096)}x NVIDIA Corporation GA100 [{name}] (rev a{random.Next(1, 9)})"; break;
                case 1: text = $"{pci[random.Next(pci.Length)]}:{random.Next(1, 4096)}"; break;
                case 2: text = $"ACME {(char)('A' + random.Next(26))}{random.Next(100000)} {random.Next(8, 300)}GB"; break;
                default:
                    text = Prefixes[random.Next(Prefixes.Length)] + name.Replace("-", sep);
                    if (spec.MemoryGB is double gb && random.Next(2) == 0) text += sep + gb + (random.Next(2) == 0 ? "GB" : " GB");
                    if (random.Next(2) == 0) text += sep + spec.FormFactor;
                    text = $"{random.Next(1, 4096)} x {text}";
                    break;
            }
            if (seen.Add(text)) result.Add(text);
        }
        return result.ToArray();
    }

    // Names as the catalog lists them (ids and aliases), cycled to as many; the resolver itself keeps no cache.
    public static string[] Exact(int count)
    {
        var names = GpuCatalog.Embedded.Specs.SelectMany(s => s.Aliases.Prepend(s.Id)).ToArray();
        return Enumerable.Range(0, count).Select(i => names[i % names.Length]).ToArray();
    }

    public static double[] Run(string[] unseen, string[] exact)
    {
        var resolver = GpuCatalog.Embedded.Resolver;
        resolver.Resolve("warm up", out _);
        var sw = Stopwatch.StartNew();
        var resolved = 0;
        foreach (var name in unseen) if (resolver.Resolve(name, out _) is not null) resolved++;
        var parts = sw.Elapsed.TotalSeconds;
        sw.Restart();
        foreach (var name in exact) resolver.Resolve(name, out _);
        var direct = sw.Elapsed.TotalSeconds;
        var cache = new ResolutionCache(GpuCatalog.Embedded, exact.Length);
        foreach (var name in exact) cache.Resolve(name, out _);
        sw.Restart();
        foreach (var name in exact) cache.Resolve(name, out _);
        var cached = sw.Elapsed.TotalSeconds;
        return new[] { parts, direct, cached, resolved };
    }
}
'@

$unseen = [ResolveBench]::Unseen($Names, 7)
$exact = [ResolveBench]::Exact($Names)
# The first names a process resolves run before the JIT has optimised the resolver: measure that once, then
# warm up on other names (another seed) and measure the names, which the resolver has still never seen.
$cold = [ResolveBench]::Run([ResolveBench]::Unseen($Names, 1), $exact[0..999])
Start-Sleep -Milliseconds 300
$null = [ResolveBench]::Run([ResolveBench]::Unseen($Names, 2), $exact)
Start-Sleep -Milliseconds 300
$t = [ResolveBench]::Run($unseen, $exact)
$inv = [cultureinfo]::InvariantCulture
'{0:N0} distinct unseen names resolved by parts, warm: {1} s ({2:N0} resolved, the rest errors with suggestions); target < 2 s: {3}' -f $Names, $t[0].ToString('0.000', $inv), $t[3], $(if ($t[0] -lt 2) { 'met' } else { 'MISSED' })
'The first {0:N0} distinct names of a fresh process (catalog, PCI ids and JIT still cold): {1} s; target < 2 s: {2}' -f $Names, $cold[0].ToString('0.000', $inv), $(if ($cold[0] -lt 2) { 'met' } else { 'MISSED' })
'{0:N0} names as the catalog lists them (exact path): {1} s; parts / exact = {2}x' -f $Names, $t[1].ToString('0.000', $inv), ($t[0] / $t[1]).ToString('0.0', $inv)
'{0:N0} lookups of names already seen (ResolutionCache): {1} s; parts / cached = {2}x' -f $Names, $t[2].ToString('0.000', $inv), ($t[0] / $t[2]).ToString('0', $inv)
