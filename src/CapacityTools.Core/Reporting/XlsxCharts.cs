using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace CapacityTools.Core.Reporting;

/// <summary>The report's charts as native Excel bar charts: each chart's figures in columns A:B, the chart beside them.</summary>
internal static class XlsxCharts
{
    public static void Write(WorksheetPart part, IReadOnlyList<ReportChart> charts, Func<int, uint, string, uint, Cell> text, Func<int, uint, double, uint, Cell> number, uint header)
    {
        var data = new SheetData();
        var drawingsPart = part.AddNewPart<DrawingsPart>();
        var drawing = new Xdr.WorksheetDrawing();
        uint row = 1;
        uint chartId = 1;
        foreach (var chart in charts)
        {
            var first = row;
            data.Append(new Row(text(0, row, chart.Title, header), text(1, row, chart.Unit, header)) { RowIndex = row });
            row++;
            foreach (var bar in chart.Bars)
            {
                data.Append(new Row(text(0, row, bar.Label, 0), number(1, row, bar.Value, 2)) { RowIndex = row });
                row++;
            }
            var span = Math.Max(16, (int)(row - first));
            if (chart.Bars.Count > 0)
            {
                var chartPart = drawingsPart.AddNewPart<ChartPart>();
                chartPart.ChartSpace = ChartSpace(chart, first + 1, row - 1);
                drawing.Append(Anchor(drawingsPart.GetIdOfPart(chartPart), chartId++, (int)first - 1, span, chart.Title));
            }
            row = first + (uint)span + 1;
        }
        drawingsPart.WorksheetDrawing = drawing;
        part.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 18, CustomWidth = true }),
            data,
            new Drawing { Id = part.GetIdOfPart(drawingsPart) });
    }

    private static C.ChartSpace ChartSpace(ReportChart chart, uint firstRow, uint lastRow)
    {
        const string sheet = "'Charts'";
        var categories = $"{sheet}!$A${firstRow}:$A${lastRow}";
        var values = $"{sheet}!$B${firstRow}:$B${lastRow}";
        var series = new C.BarChartSeries(
            new C.Index { Val = 0 }, new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue(chart.Unit)),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(new C.Formula(categories))),
            new C.Values(new C.NumberReference(new C.Formula(values))));
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.GapWidth { Val = 60 },
            new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = 1 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = 2 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = C.CrossesValues.AutoZero });
        var title = new C.Title(
            new C.ChartText(new C.RichText(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(Short(chart.Title)))))),
            new C.Overlay { Val = false });
        return new C.ChartSpace(
            new C.Chart(title, new C.AutoTitleDeleted { Val = false }, new C.PlotArea(new C.Layout(), bar, categoryAxis, valueAxis),
                new C.PlotVisibleOnly { Val = true }));
    }

    private static Xdr.TwoCellAnchor Anchor(string chartRelId, uint id, int row, int rows, string name) => new(
        new Xdr.FromMarker(new Xdr.ColumnId("3"), new Xdr.ColumnOffset("0"), new Xdr.RowId(row.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
        new Xdr.ToMarker(new Xdr.ColumnId("12"), new Xdr.ColumnOffset("0"), new Xdr.RowId((row + rows).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = id + 1, Name = Short(name) }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { Macro = "" },
        new Xdr.ClientData());

    private static string Short(string text) => XlsxReportWriter.XmlSafe(text.Length > 120 ? text.Substring(0, 119) + "…" : text);
}
