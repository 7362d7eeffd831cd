namespace CapacityTools.Core.Reporting;

/// <summary>How a report column's values are typed and formatted (a spreadsheet number format, an HTML alignment).</summary>
public enum ColumnKind
{
    Text,
    Integer,
    Number,
    /// <summary>A fraction shown as a percentage (0.87 = 87 %).</summary>
    Percent,
    /// <summary>US dollars.</summary>
    Usd,
}

/// <summary>A column of a report table.</summary>
public sealed class ReportColumn(string header, ColumnKind kind = ColumnKind.Text)
{
    public string Header { get; } = header;
    public ColumnKind Kind { get; } = kind;
}

/// <summary>One table of a report: every writer (HTML, XLSX, Markdown) shows the same rows with the same columns.</summary>
public sealed class ReportTable(string title, IReadOnlyList<ReportColumn> columns)
{
    /// <summary>The heading, and the sheet's name in a workbook.</summary>
    public string Title { get; } = title;
    public IReadOnlyList<ReportColumn> Columns { get; } = columns;
    /// <summary>Cells: string for Text, double (or null for no value) for the other kinds.</summary>
    public List<object?[]> Rows { get; } = [];
    /// <summary>What the table leaves out or summarises (e.g. "the 50 largest of 125,000 hosts").</summary>
    public string Note { get; set; } = "";
}

/// <summary>A bar of a chart.</summary>
public sealed class ChartBar(string label, double value, bool highlight = false)
{
    public string Label { get; } = label;
    public double Value { get; } = value;
    /// <summary>The bar the chart is about (the amount among economies, the claim against the measure).</summary>
    public bool Highlight { get; } = highlight;
}

/// <summary>A horizontal bar chart, drawn at export (inline SVG in HTML, a native chart in XLSX).</summary>
public sealed class ReportChart(string title, string unit, IReadOnlyList<ChartBar> bars)
{
    public string Title { get; } = title;
    public string Unit { get; } = unit;
    public IReadOnlyList<ChartBar> Bars { get; } = bars;
}
