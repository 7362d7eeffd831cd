using CapacityTools.Core.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CapacityTools.Core.Tests.Reporting;

public class XlsxReportTests
{
    private static SpreadsheetDocument Open(out MemoryStream stream)
    {
        stream = new MemoryStream();
        ReportWriter.Write(ReportSamples.Seed(), ReportFormat.Xlsx, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    [Fact]
    public void TheWorkbookPassesTheSdkValidator()
    {
        using var document = Open(out _);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void OneSheetPerKindWithFrozenHeadersFiltersAndANativeChart()
    {
        using var document = Open(out _);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Report", "Charts", "Claims", "Claim details", "Fleet", "Fleet by model", "Inventory by host", "Market comparisons"], names);
        var claims = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Claims").Id!);
        Assert.Equal(PaneStateValues.Frozen, claims.Worksheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal("A1:L5", claims.Worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        var charts = workbook.WorksheetParts.SelectMany(p => p.DrawingsPart?.ChartParts ?? []).ToList();
        Assert.Equal(7, charts.Count);
        // Numbers are typed cells with a number format, not text.
        var claimed = claims.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "C3");
        Assert.Equal("600000", claimed.CellValue!.Text);
        Assert.Null(claimed.DataType);
        Assert.NotNull(claimed.StyleIndex);
    }

    [Fact]
    public void TextFromDataIsNeverAFormula()
    {
        using var document = Open(out _);
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        var formula = cells.Where(c => c.InnerText == ReportSamples.FormulaHost).ToList();
        Assert.Equal(2, formula.Count); // the host table and the chart's figures
        Assert.All(formula, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Contains(cells, c => c.InnerText == ReportSamples.ScriptHost && c.DataType! == CellValues.InlineString);
    }

    [Fact]
    public void ControlCharactersAndHugeValuesStillMakeAValidWorkbook()
    {
        var report = new Report("bell\u0007title", CapacityTools.Core.Gpu.GpuCatalog.Embedded);
        report.Add(new CapacityTools.Core.Inventory.GpuInventoryItem { Host = "esc\u001b[31mred\u0000", Model = "H100-SXM5-80GB", RawName = "H100", Count = 1 });
        report.Add(new CapacityTools.Core.Inventory.GpuInventoryItem { Host = new string('x', 40_000), Model = "H100-SXM5-80GB", RawName = "H100", Count = 1 });
        using var stream = new MemoryStream();
        ReportWriter.Write(report, ReportFormat.Xlsx, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InnerText).ToList();
        Assert.Contains("esc\\u001B[31mred\\u0000", cells);
        Assert.All(cells, c => Assert.True(c.Length <= 32_767));
    }
}
