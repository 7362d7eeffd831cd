using System.Management.Automation;
using CapacityTools.Core.Pricing;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Get-GpuPrice: dated cloud prices per GPU-hour and purchase prices per GPU, each with its source.</summary>
[Cmdlet(VerbsCommon.Get, "GpuPrice")]
[OutputType(typeof(GpuPrice))]
public sealed class GetGpuPriceCommand : CapacityCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "Gpu", "Id")]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Model { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(PriceProviderCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Provider { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(PriceRegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    public PriceKind? Kind { get; set; }

    protected override void ProcessRecord()
    {
        var prices = SessionData.Prices.Current;
        if (Model is null)
        {
            Write(prices.Find(null, Provider, Region, Kind), "any GPU");
            return;
        }
        foreach (var name in Model)
        {
            var resolution = Catalog.Resolver.Resolve(name, out var problem);
            if (resolution is null)
            {
                WriteProblem(problem!);
                continue;
            }
            Write(prices.Find(resolution.Spec.Id, Provider, Region, Kind), resolution.Spec.Id);
        }
    }

    private void Write(IEnumerable<GpuPrice> found, string what)
    {
        var any = false;
        foreach (var price in found.OrderBy(p => p.Model, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Kind).ThenBy(p => p.Provider, StringComparer.OrdinalIgnoreCase)
                     .ThenBy(p => p.Region, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.InstanceType, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.AsOf, StringComparer.Ordinal))
        {
            any = true;
            WriteObject(price);
        }
        if (!any)
        {
            var filters = string.Join(", ", new[] { Kind?.ToString(), Provider, Region }.Where(f => f is not null));
            WriteProblem(new Core.Problem(Core.ErrorIds.PriceNotFound, Core.ProblemKind.NotFound,
                $"No price is known for {what}{(filters.Length > 0 ? $" ({filters})" : "")}.", what,
                recommendedAction: "Run Get-GpuPrice without filters to see what is listed, or add your own prices with Import-GpuPrice."));
        }
    }
}
