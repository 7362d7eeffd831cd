using System.IO;
using System.Net;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// One self-contained HTML file: inline style (screen and print), inline SVG charts, plain tables readable without
/// script, and the sources in a footer. Nothing is fetched: no script, style, font or image from outside. Every value
/// from data is HTML-escaped.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:2rem auto;max-width:1100px;padding:0 1rem}
        h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
        .meta,.note,footer{color:#57606a;font-size:.9rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem}
        th,td{border:1px solid #d0d7de;padding:.25rem .45rem;vertical-align:top;text-align:left}
        th{background:#f3f5f7}td{min-width:5rem;max-width:32rem}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        tr:nth-child(even) td{background:#fafbfc}
        figure{margin:1rem 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:.3rem}
        svg.chart{max-width:100%;height:auto;font:12px system-ui,sans-serif}svg .bar{fill:#6e8fb5}svg .hi{fill:#d9822b}
        .Supported{color:#1a7f37;font-weight:600}.Overstated,.Understated{color:#cf222e;font-weight:600}.Unverifiable{color:#9a6700;font-weight:600}
        footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.5rem}
        @media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}table{font-size:8pt}tr,figure{break-inside:avoid}a{color:inherit}}
        """;

    public static void Write(Report report, TextWriter w)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.Write("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        w.Write("<title>"); w.Write(E(report.Title)); w.Write("</title><style>"); w.Write(Style); w.Write("</style></head><body>\n");
        w.Write("<header><h1>"); w.Write(E(report.Title)); w.Write("</h1><p class=\"meta\">");
        w.Write(E($"{report.Created:yyyy-MM-dd HH:mm} UTC · " + string.Join(", ", report.Counts.Select(c => $"{CellText.Number(c.Value)} {c.Key}")) +
            (report.InventoryRows > 0 ? $"{(report.Counts.Count > 0 ? ", " : "")}{CellText.Number(report.InventoryRows)} inventory rows (summarised)" : "")));
        w.Write("</p></header>\n");

        var charts = report.Charts();
        if (charts.Count > 0)
        {
            w.Write("<section id=\"charts\"><h2>Charts</h2>\n");
            foreach (var chart in charts)
            {
                w.Write("<figure><figcaption>"); w.Write(E(chart.Title)); w.Write(" <span class=\"note\">("); w.Write(E(chart.Unit)); w.Write(")</span></figcaption>");
                w.Write(SvgChart.Render(chart));
                w.Write("</figure>\n");
            }
            w.Write("</section>\n");
        }
        foreach (var table in report.Tables()) WriteTable(w, table);

        w.Write("<footer><h2>Sources</h2><ul>");
        foreach (var source in report.Sources()) { w.Write("<li>"); w.Write(E(source)); w.Write("</li>"); }
        w.Write("</ul></footer>\n</body></html>\n");
    }

    private static void WriteTable(TextWriter w, ReportTable table)
    {
        w.Write("<section><h2>"); w.Write(E(table.Title)); w.Write("</h2>");
        if (table.Note.Length > 0) { w.Write("<p class=\"note\">"); w.Write(E(table.Note)); w.Write("</p>"); }
        w.Write("<table><thead><tr>");
        foreach (var c in table.Columns) { w.Write("<th scope=\"col\">"); w.Write(E(c.Header)); w.Write("</th>"); }
        w.Write("</tr></thead><tbody>\n");
        var verdict = table.Columns.Count > 0 && table.Columns[0].Header == "Verdict";
        foreach (var row in table.Rows)
        {
            w.Write("<tr>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var kind = table.Columns[i].Kind;
                var text = CellText.Format(row[i], kind);
                w.Write(kind == ColumnKind.Text ? (verdict && i == 0 ? $"<td class=\"{E(text)}\">" : "<td>") : "<td class=\"n\">");
                w.Write(E(text));
                w.Write("</td>");
            }
            w.Write("</tr>\n");
        }
        w.Write("</tbody></table></section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
