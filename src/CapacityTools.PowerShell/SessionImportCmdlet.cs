using System.Management.Automation;
using CapacityTools.Core;

namespace CapacityTools.PowerShell;

/// <summary>
/// What the three session importers share (Import-GpuCatalog, Import-GdpData, Import-GpuPrice): -Path (wildcards) or
/// -LiteralPath, -Reset back to the embedded data, and -WhatIf/-Confirm asked once per file and once for a reset.
/// A derived cmdlet reads one file in <see cref="ImportFile"/> and resets in <see cref="Reset"/>.
/// </summary>
public abstract class SessionImportCmdlet : CapacityCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";
    protected const string ResetSet = "Reset";

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Drops what this session imported and goes back to the embedded data.</summary>
    [Parameter(ParameterSetName = ResetSet, Mandatory = true)]
    public SwitchParameter Reset { get; set; }

    /// <summary>What the cmdlet imports, for the -WhatIf and -Confirm messages ("GPU catalog entries").</summary>
    protected abstract string What { get; }

    protected abstract void ImportFile(string file);

    /// <summary>Goes back to the embedded data (or, where the cmdlet allows, drops one named import); returns what it did.</summary>
    protected abstract string ResetTarget { get; }

    protected abstract void ResetSession();

    /// <summary>Sees the files of one pipeline record before any is read (to refuse an invalid invocation).</summary>
    protected virtual void BeforeFiles(IReadOnlyList<string> files)
    {
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ResetSet)
        {
            if (!ShouldProcess(ResetTarget, "Reset to the embedded data")) return;
            try
            {
                ResetSession();
            }
            catch (CapacityException ex)
            {
                WriteProblem(ex.Problem);
            }
            return;
        }
        var literal = ParameterSetName == LiteralPathSet;
        var files = ResolveFiles(literal ? LiteralPath : Path, literal);
        BeforeFiles(files);
        ForEachFile(files, file =>
        {
            if (ShouldProcess(file, $"Import {What} for this session")) ImportFile(file);
        });
    }
}
