using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Pricing;

namespace CapacityTools.PowerShell;

/// <summary>Import-GpuPrice: adds the user's own prices for this session from CSV files in Get-GpuPrice's columns.</summary>
[Cmdlet(VerbsData.Import, "GpuPrice", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(GpuPrice))]
public sealed class ImportGpuPriceCommand : SessionImportCmdlet
{
    private readonly List<GpuPrice> _imported = [];

    protected override string What => "GPU prices";

    protected override string ResetTarget => "this session's GPU prices";

    protected override void ResetSession()
    {
        SessionData.Prices.Set(PriceTable.Embedded);
        WriteVerbose("The GPU prices are the embedded ones again.");
    }

    protected override void ImportFile(string file)
    {
        var prices = PriceTable.ReadUserFile(file, file, Catalog, this);
        _imported.AddRange(prices);
    }

    // The session's prices change once, with every good row of every file, or not at all.
    protected override void EndProcessing()
    {
        if (_imported.Count == 0) return;
        SessionData.Prices.Set(SessionData.Prices.Current.With(_imported));
        foreach (var price in _imported) WriteObject(price);
    }
}
