using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell;

/// <summary>Import-GdpData: reads a GDP file (tidy, World Bank or IMF layouts) and makes it an edition for this session.</summary>
[Cmdlet(VerbsData.Import, "GdpData", DefaultParameterSetName = PathSet)]
[OutputType(typeof(GdpEditionInfo))]
public sealed class ImportGdpDataCommand : CapacityCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Edition { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var files = ResolveFiles(literal ? LiteralPath : Path, literal);
        if (Edition is not null && files.Count > 1)
        {
            ThrowProblem(new Problem(ErrorIds.EditionNameForManyFiles, ProblemKind.InvalidArgument,
                $"-Edition names one edition, but {files.Count} files were given.", Edition,
                recommendedAction: "Import the files one at a time, or leave out -Edition to name each edition from its file."));
        }

        ForEachFile(files, file =>
        {
            WriteVerbose($"Reading {file}");
            var edition = GdpFileReader.Read(file, Edition, EconomyDirectory.Embedded);
            foreach (var problem in edition.LoadProblems) WriteProblem(problem);
            foreach (var warning in edition.LoadWarnings) WriteWarning(warning);
            var library = SessionData.Gdp.Current;
            if (library.Find(edition.Name) is not null) WriteVerbose($"Replacing the imported edition {edition.Name}.");
            SessionData.Gdp.Set(library.With(edition));
            WriteObject(edition.Describe());
        });
    }
}
