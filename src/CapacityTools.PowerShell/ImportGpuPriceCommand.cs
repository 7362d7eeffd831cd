using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Pricing;

namespace CapacityTools.PowerShell;

/// <summary>Import-GpuPrice: adds the user's own prices for this session from CSV files in Get-GpuPrice's columns.</summary>
[Cmdlet(VerbsData.Import, "GpuPrice", DefaultParameterSetName = PathSet)]
[OutputType(typeof(GpuPrice))]
public sealed class ImportGpuPriceCommand : CapacityCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<GpuPrice> _imported = [];

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        ForEachFile(ResolveFiles(literal ? LiteralPath : Path, literal), file =>
        {
            var problems = new List<Problem>();
            var prices = PriceTable.ReadUserFile(file, file, Catalog, problems, WriteWarning);
            foreach (var problem in problems) WriteProblem(problem);
            if (problems.Count > 0) WriteWarning($"{file}: {problems.Count} row(s) skipped, {prices.Count} imported.");
            _imported.AddRange(prices);
        });
    }

    // The session's prices change once, with every good row of every file, or not at all.
    protected override void EndProcessing()
    {
        if (_imported.Count == 0) return;
        SessionData.Prices.Set(SessionData.Prices.Current.With(_imported));
        foreach (var price in _imported) WriteObject(price);
    }
}
