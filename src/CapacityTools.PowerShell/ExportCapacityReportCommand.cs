using System.IO;
using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Reporting;

namespace CapacityTools.PowerShell;

/// <summary>Export-CapacityReport: one report (HTML, XLSX or Markdown) from the module's objects on the pipeline.</summary>
[Cmdlet(VerbsData.Export, "CapacityReport", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCapacityReportCommand : CapacityCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private Report? _report;
    private string _file = "";
    private ReportFormat _format;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    [Parameter]
    public ReportFormat? Format { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "Capacity report";

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        _file = GetUnresolvedProviderPathFromPSPath(ParameterSetName == PathSet ? Path : LiteralPath);
        var format = Format ?? ReportWriter.FromExtension(_file);
        if (format is null)
        {
            ThrowProblem(new Problem(ErrorIds.UnknownReportFormat, ProblemKind.InvalidArgument,
                $"The format of '{SafeText.Quote(_file)}' cannot be told from its extension.", _file,
                recommendedAction: "Name the file .html, .xlsx or .md, or give -Format Html, Xlsx or Markdown."));
        }
        _format = format!.Value;
        if (File.Exists(_file))
        {
            var readOnly = new FileInfo(_file).IsReadOnly;
            if (NoClobber || (readOnly && !Force))
            {
                ThrowProblem(new Problem(ErrorIds.ReportFileExists, ProblemKind.InvalidArgument,
                    NoClobber ? $"'{SafeText.Quote(_file)}' exists and -NoClobber was given." : $"'{SafeText.Quote(_file)}' is read-only.", _file,
                    recommendedAction: NoClobber ? "Choose another -Path, or leave out -NoClobber to replace the file." : "Add -Force to replace a read-only file."));
            }
        }
        if (ShouldProcess(_file, $"Write a {_format} capacity report")) _report = new Report(Title, Catalog);
    }

    protected override void ProcessRecord()
    {
        if (_report is null || InputObject is null) return;
        var item = InputObject.BaseObject;
        if (item is PSCustomObject)
        {
            var typeName = InputObject.TypeNames.Count > 0 ? InputObject.TypeNames[0] : "PSCustomObject";
            _report.AddRecord(typeName.Substring(typeName.LastIndexOf('.') + 1), InputObject.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, Unwrap(p))));
            WarnOnce(typeName);
        }
        else if (!_report.Add(item))
        {
            WarnOnce(item.GetType().FullName ?? item.GetType().Name);
        }
    }

    protected override void EndProcessing()
    {
        if (_report is null) return;
        // Written beside the target and moved into place: a failure leaves the old file as it was, never half a report.
        var temp = _file + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                ReportWriter.Write(_report, _format, stream);
            }
            if (File.Exists(_file))
            {
                if (Force) File.SetAttributes(_file, File.GetAttributes(_file) & ~FileAttributes.ReadOnly);
                File.Delete(_file);
            }
            File.Move(temp, _file);
        }
        catch (Exception ex) when (ex is not (PipelineStoppedException or OutOfMemoryException))
        {
            if (File.Exists(temp)) File.Delete(temp);
            WriteProblem(new Problem(ErrorIds.ReportNotWritten, ProblemKind.InvalidData, $"The report could not be written to '{SafeText.Quote(_file)}': {SafeText.Quote(ex.Message)}", _file,
                recommendedAction: "Check that the folder exists and that you may write there."));
            return;
        }
        if (PassThru) WriteObject(new FileInfo(_file));
    }

    private static object? Unwrap(PSPropertyInfo property)
    {
        try
        {
            return property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private void WarnOnce(string typeName)
    {
        if (_warned.Add(typeName))
            WriteWarning($"{typeName} is not one of the module's report objects; the report shows its simple properties in a table of its own.");
    }
}
