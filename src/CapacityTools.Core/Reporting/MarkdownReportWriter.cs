using System.IO;
using System.Text;

namespace CapacityTools.Core.Reporting;

/// <summary>GitHub-flavoured Markdown: the report's tables and the charts' figures as tables, for wikis and pull requests.</summary>
public static class MarkdownReportWriter
{
    public static void Write(Report report, TextWriter w)
    {
        w.Write("# "); w.WriteLine(Cell(report.Title));
        w.WriteLine();
        w.WriteLine(Cell($"{report.Created:yyyy-MM-dd HH:mm} UTC"));
        foreach (var table in report.Tables())
        {
            w.WriteLine();
            w.Write("## "); w.WriteLine(Cell(table.Title));
            w.WriteLine();
            if (table.Note.Length > 0) { w.WriteLine(Cell(table.Note)); w.WriteLine(); }
            Row(w, table.Columns.Select(c => c.Header));
            Row(w, table.Columns.Select(c => c.Kind == ColumnKind.Text ? "---" : "---:"));
            foreach (var row in table.Rows) Row(w, table.Columns.Select((c, i) => CellText.Format(row[i], c.Kind)));
        }
        var charts = report.Charts();
        if (charts.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Chart figures");
            foreach (var chart in charts)
            {
                w.WriteLine();
                w.Write("### "); w.WriteLine(Cell(chart.Title));
                w.WriteLine();
                Row(w, ["", chart.Unit]);
                Row(w, ["---", "---:"]);
                foreach (var bar in chart.Bars) Row(w, [bar.Highlight ? $"{bar.Label} (the claim or amount)" : bar.Label, CellText.Number(bar.Value)]);
            }
        }
        w.WriteLine();
        w.WriteLine("## Sources");
        w.WriteLine();
        foreach (var source in report.Sources()) { w.Write("- "); w.WriteLine(Cell(source)); }
    }

    private static void Row(TextWriter w, IEnumerable<string> cells) => w.WriteLine("| " + string.Join(" | ", cells.Select(Cell)) + " |");

    /// <summary>Text from data as inert Markdown: no table breaks, no HTML, no links or emphasis it did not mean.</summary>
    internal static string Cell(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': sb.Append("\\|"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append("<br>"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
