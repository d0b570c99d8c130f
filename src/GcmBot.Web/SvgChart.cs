using System.Globalization;
using System.Net;
using System.Text;

namespace GcmBot.Web;

/// <summary>
/// Horizontal bar charts as inline SVG, drawn on the server: no script, no charting library, prints and
/// projects as it is. Several series give grouped bars with a legend.
/// </summary>
internal static class SvgChart
{
    private const int Width = 760;
    private const int LabelWidth = 270;
    private const int ValueWidth = 80;
    private const int Bar = 18;
    private const int Gap = 10;
    private static readonly string[] _colours = ["#006fa8", "#f0a500", "#7a4bb0", "#2e7d32"];

    public static string Bars(string title, IReadOnlyList<string> series, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, Func<double, string> format, string nothing)
    {
        var max = Math.Max(1, rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max());
        var legend = series.Count > 1 ? 26 : 0;
        var rowHeight = (series.Count * Bar) + Gap;
        var height = legend + Math.Max(1, rows.Count) * rowHeight + Gap;
        var scale = (Width - LabelWidth - ValueWidth) / max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(Encode(title)).Append("</title>");
        for (var s = 0; s < series.Count && series.Count > 1; s++)
        {
            var x = LabelWidth + (s * 170);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{_colours[s % _colours.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"16\">{Encode(series[s])}</text>");
        }

        if (rows.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{legend + 16}\">{Encode(nothing)}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var top = legend + (r * rowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{top + (series.Count * Bar / 2) + 5}\" text-anchor=\"end\">{Encode(Shorten(rows[r].Label))}</text>");
            for (var s = 0; s < rows[r].Values.Count; s++)
            {
                var value = rows[r].Values[s];
                var y = top + (s * Bar);
                var width = Math.Max(value > 0 ? 2 : 0, value * scale);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{width:F1}\" height=\"{Bar - 4}\" fill=\"{_colours[s % _colours.Length]}\"><title>{Encode($"{rows[r].Label} — {series[s]}: {format(value)}")}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + width + 6:F1}\" y=\"{y + Bar - 5}\">{Encode(format(value))}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string label) => label.Length <= 38 ? label : label[..36] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
