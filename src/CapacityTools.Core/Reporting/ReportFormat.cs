using System.IO;
using System.Text;

namespace CapacityTools.Core.Reporting;

/// <summary>The formats a report is written in.</summary>
public enum ReportFormat
{
    Html,
    Xlsx,
    Markdown,
}

/// <summary>Chooses the format from a file name and writes a report in it.</summary>
public static class ReportWriter
{
    /// <summary>The format a file extension means (.html, .htm, .xlsx, .md, .markdown); null for any other.</summary>
    public static ReportFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => ReportFormat.Html,
        ".xlsx" => ReportFormat.Xlsx,
        ".md" or ".markdown" => ReportFormat.Markdown,
        _ => null,
    };

    public static void Write(Report report, ReportFormat format, Stream stream)
    {
        if (format == ReportFormat.Xlsx)
        {
            XlsxReportWriter.Write(report, stream);
            return;
        }
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
        if (format == ReportFormat.Html) HtmlReportWriter.Write(report, text);
        else MarkdownReportWriter.Write(report, text);
    }
}
