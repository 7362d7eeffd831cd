using System.Management.Automation;
using CapacityTools.Core.Gpu;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Get-GpuSpec: lists the catalog, or the entries matching ids, aliases, wildcards or raw names.</summary>
[Cmdlet(VerbsCommon.Get, "GpuSpec")]
[OutputType(typeof(GpuSpec))]
public sealed class GetGpuSpecCommand : CapacityCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Model", "Id", "Gpu", "Product")]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GpuVendorCompleter))]
    public string[]? Vendor { get; set; }

    protected override void ProcessRecord()
    {
        var catalog = Catalog;
        if (Name is null)
        {
            foreach (var spec in catalog.Specs.Where(MatchesVendor)) WriteObject(spec);
            return;
        }
        foreach (var name in Name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                foreach (var spec in catalog.Specs.Where(s => MatchesVendor(s) && (pattern.IsMatch(s.Id) || pattern.IsMatch(s.Model) || s.Aliases.Any(pattern.IsMatch))))
                    WriteObject(spec);
                continue;
            }
            var resolution = catalog.Resolver.Resolve(name, out var problem);
            if (resolution is null) WriteProblem(problem!);
            else if (MatchesVendor(resolution.Spec)) WriteObject(resolution.Spec);
        }
    }

    private bool MatchesVendor(GpuSpec spec) =>
        Vendor is null || Vendor.Any(v => new WildcardPattern(v, WildcardOptions.IgnoreCase).IsMatch(spec.Vendor));
}
