using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;

namespace CapacityTools.PowerShell;

/// <summary>Import-GpuCatalog: adds or overrides catalog entries for this session from the user's own CSV files.</summary>
[Cmdlet(VerbsData.Import, "GpuCatalog", DefaultParameterSetName = PathSet)]
[OutputType(typeof(GpuSpec))]
public sealed class ImportGpuCatalogCommand : CapacityCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<GpuSpec> _imported = [];

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
        var files = ResolveFiles(literal ? LiteralPath : Path, literal);
        ForEachFile(files, file =>
        {
            var problems = new List<Problem>();
            var specs = GpuCatalogReader.ReadSpecsFile(file, file, problems, WriteWarning);
            foreach (var problem in problems) WriteProblem(problem);
            if (problems.Count > 0) WriteWarning($"{file}: {problems.Count} row(s) skipped, {specs.Count} imported.");
            _imported.RemoveAll(old => specs.Any(s => string.Equals(s.Id, old.Id, StringComparison.OrdinalIgnoreCase)));
            _imported.AddRange(specs);
        });
    }

    // The session's catalog changes once, with every good row of every file, or not at all.
    protected override void EndProcessing()
    {
        if (_imported.Count == 0) return;
        var catalog = Catalog.With(_imported);
        foreach (var conflict in catalog.Conflicts) WriteWarning(conflict);
        foreach (var note in catalog.Notes) WriteVerbose(note);
        SessionData.Catalog.Set(catalog);
        foreach (var spec in _imported) WriteObject(catalog.GetById(spec.Id));
    }
}
