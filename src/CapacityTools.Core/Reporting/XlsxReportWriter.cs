using System.IO;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// An XLSX workbook with the Open XML SDK (no System.Drawing, so it works on Linux): one sheet per table, typed cells
/// with number formats, frozen header rows and filters, and the report's charts as native bar charts on a Charts sheet.
/// Text from data is always an inline string cell, never a formula.
/// </summary>
public static class XlsxReportWriter
{
    // Cell formats of the stylesheet below, by index.
    private const uint Integer = 1, Number = 2, Percent = 3, Usd = 4, Header = 5;

    public static void Write(Report report, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;

        WorksheetPart AddSheet(string title)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(title, names) });
            return part;
        }

        var summary = new ReportTable("Report", [new("Item"), new("Value")]);
        summary.Rows.Add(["Title", report.Title]);
        summary.Rows.Add(["Written (UTC)", report.Created.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var source in report.Sources()) summary.Rows.Add(["Source", source]);
        WriteTable(AddSheet(summary.Title), summary);

        var charts = report.Charts();
        if (charts.Count > 0) XlsxCharts.Write(AddSheet("Charts"), charts, TextCell, NumberCell, Header);
        foreach (var table in report.Tables()) WriteTable(AddSheet(table.Title), table);
        workbookPart.Workbook.Save();
    }

    private static void WriteTable(WorksheetPart part, ReportTable table)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < table.Columns.Count; c++) header.Append(TextCell(c, 1, table.Columns[c].Header, Header));
        data.Append(header);
        uint r = 2;
        foreach (var cells in table.Rows)
        {
            var row = new Row { RowIndex = r };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var kind = table.Columns[c].Kind;
                if (cells[c] is double d) row.Append(NumberCell(c, r, d, kind switch { ColumnKind.Integer => Integer, ColumnKind.Percent => Percent, ColumnKind.Usd => Usd, _ => Number }));
                else if (cells[c] is string s && s.Length > 0) row.Append(TextCell(c, r, s, 0));
            }
            data.Append(row);
            r++;
        }
        if (table.Note.Length > 0)
        {
            data.Append(new Row(TextCell(0, r + 1, table.Note, 0)) { RowIndex = r + 1 });
        }

        var last = Column(table.Columns.Count - 1);
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }),
            new Columns(table.Columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
                Width = c.Kind == ColumnKind.Text ? Math.Min(60, Math.Max(12, c.Header.Length + 4)) : Math.Max(14, c.Header.Length + 4),
            })),
            data,
            new AutoFilter { Reference = $"A1:{last}{Math.Max(1, table.Rows.Count + 1)}" });
        part.Worksheet = worksheet;
    }

    internal static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = Column(column) + row,
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    internal static Cell NumberCell(int column, uint row, double value, uint style) => new()
    {
        CellReference = Column(column) + row,
        StyleIndex = style,
        CellValue = new CellValue(value),
    };

    internal static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>Characters XML cannot carry become visible escapes; a cell holds at most 32,767 characters.</summary>
    internal static string XmlSafe(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 32_767));
        foreach (var c in text)
        {
            if (sb.Length >= 32_700) { sb.Append('…'); break; }
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF') sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string SheetName(string title, HashSet<string> taken)
    {
        var clean = new string(title.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : c).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean.Substring(0, 31);
        var name = clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean.Substring(0, 31 - suffix.Length) : clean) + suffix;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00##" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "\"$\"#,##0" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 6 });
}
