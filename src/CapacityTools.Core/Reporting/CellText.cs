using System.Globalization;

namespace CapacityTools.Core.Reporting;

/// <summary>How HTML and Markdown show a cell: invariant, grouped numbers; the spreadsheet keeps the numbers themselves.</summary>
public static class CellText
{
    public static string Format(object? cell, ColumnKind kind) => cell switch
    {
        null => "",
        double d => kind switch
        {
            ColumnKind.Integer => d.ToString("#,0", CultureInfo.InvariantCulture),
            ColumnKind.Percent => (d * 100).ToString("#,0.0", CultureInfo.InvariantCulture) + " %",
            ColumnKind.Usd => "$" + d.ToString("#,0", CultureInfo.InvariantCulture),
            _ => Number(d),
        },
        _ => cell.ToString() ?? "",
    };

    /// <summary>A number with as many decimals as its size needs (1,234,567; 12.35; 0.3154).</summary>
    public static string Number(double d)
    {
        var abs = Math.Abs(d);
        var format = abs >= 1000 || abs == 0 ? "#,0" : abs >= 10 ? "#,0.##" : "#,0.####";
        return d.ToString(format, CultureInfo.InvariantCulture);
    }
}
