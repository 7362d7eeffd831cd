using System.Globalization;
using System.Net;
using System.Text;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn at export: no script, no font or image to fetch, so it shows offline,
/// in print and in mail clients. Every label is escaped.
/// </summary>
public static class SvgChart
{
    private const int Width = 720, LabelWidth = 240, ValueWidth = 110, Bar = 18, Gap = 6, Top = 8;

    public static string Render(ReportChart chart)
    {
        var bars = chart.Bars;
        var height = Top * 2 + bars.Count * (Bar + Gap);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var plot = Width - LabelWidth - ValueWidth;
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").Append(Width).Append("\" height=\"").Append(height)
          .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height).Append("\" aria-label=\"").Append(Escape(chart.Title)).Append("\">");
        sb.Append("<title>").Append(Escape(chart.Title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = Top + i * (Bar + Gap);
            var w = max > 0 && b.Value > 0 ? Math.Max(1, b.Value / max * plot) : 0;
            var label = b.Label.Length > 36 ? b.Label.Substring(0, 35) + "…" : b.Label;
            sb.Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 13).Append("\" text-anchor=\"end\">").Append(Escape(label)).Append("</text>");
            sb.Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(Num(w)).Append("\" height=\"").Append(Bar)
              .Append("\" class=\"").Append(b.Highlight ? "bar hi" : "bar").Append("\"><title>").Append(Escape($"{b.Label}: {CellText.Number(b.Value)} {chart.Unit}")).Append("</title></rect>");
            sb.Append("<text x=\"").Append(Num(LabelWidth + w + 6)).Append("\" y=\"").Append(y + 13).Append("\">").Append(Escape(Short(b.Value))).Append("</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Large values in short form (1.2 M, 914.6 bn) so the value fits beside the bar.</summary>
    private static string Short(double v)
    {
        var abs = Math.Abs(v);
        return abs switch
        {
            >= 1e12 => (v / 1e12).ToString("0.##", CultureInfo.InvariantCulture) + " tn",
            >= 1e9 => (v / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " bn",
            >= 1e6 => (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " M",
            _ => CellText.Number(v),
        };
    }

    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
