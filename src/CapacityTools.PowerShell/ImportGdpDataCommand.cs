using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell;

/// <summary>Import-GdpData: reads a GDP file (tidy, World Bank or IMF layouts) and makes it an edition for this session.</summary>
[Cmdlet(VerbsData.Import, "GdpData", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(GdpEditionInfo))]
public sealed class ImportGdpDataCommand : SessionImportCmdlet
{
    /// <summary>The edition to create (one file), or with -Reset the one imported edition to drop.</summary>
    [Parameter(ParameterSetName = PathSet, Position = 1)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [Parameter(ParameterSetName = ResetSet)]
    [ArgumentCompleter(typeof(Completers.GdpEditionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Edition { get; set; }

    protected override string What => "a GDP edition";

    protected override string ResetTarget => Edition is null ? "every GDP edition this session imported" : $"the imported GDP edition {Edition}";

    protected override void ResetSession()
    {
        var library = SessionData.Gdp.Current;
        SessionData.Gdp.Set(library.Without(Edition));
        WriteVerbose(Edition is null ? "Only the embedded GDP editions remain." : $"The imported edition {Edition} was dropped.");
    }

    private int _files;

    protected override void BeforeFiles(IReadOnlyList<string> files)
    {
        _files += files.Count;
        if (Edition is null || _files <= 1) return;
        ThrowProblem(new Problem(ErrorIds.EditionNameForManyFiles, ProblemKind.InvalidArgument,
            $"-Edition names one edition, but {_files} files were given.", Edition,
            recommendedAction: "Import the files one at a time, or leave out -Edition to name each edition from its file."));
    }

    protected override void ImportFile(string file)
    {
        WriteVerbose($"Reading {file}");
        var edition = GdpFileReader.Read(file, Edition, EconomyDirectory.Embedded);
        foreach (var problem in edition.LoadProblems) WriteProblem(problem);
        foreach (var warning in edition.LoadWarnings) WriteWarning(warning);
        var library = SessionData.Gdp.Current;
        if (library.Find(edition.Name) is not null) WriteVerbose($"Replacing the imported edition {edition.Name}.");
        SessionData.Gdp.Set(library.With(edition));
        WriteObject(edition.Describe());
    }
}
