using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;

namespace CapacityTools.PowerShell;

/// <summary>Import-GpuCatalog: adds or overrides catalog entries for this session from the user's own CSV files.</summary>
[Cmdlet(VerbsData.Import, "GpuCatalog", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(GpuSpec))]
public sealed class ImportGpuCatalogCommand : SessionImportCmdlet
{
    private readonly List<GpuSpec> _imported = [];

    protected override string What => "GPU catalog entries";

    protected override string ResetTarget => "this session's GPU catalog";

    protected override void ResetSession()
    {
        SessionData.Catalog.Set(GpuCatalog.Embedded);
        WriteVerbose("The GPU catalog is the embedded one again.");
    }

    protected override void ImportFile(string file)
    {
        var specs = GpuCatalogReader.ReadSpecsFile(file, file, this);
        _imported.RemoveAll(old => specs.Any(s => string.Equals(s.Id, old.Id, StringComparison.OrdinalIgnoreCase)));
        _imported.AddRange(specs);
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
