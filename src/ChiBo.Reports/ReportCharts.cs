using System.Linq;
using ChiBo.Utility;

namespace ChiBo.Reports;

/// <summary>
/// Draws a <see cref="ReportChart"/> with ScottPlot (on SkiaSharp, headless): as SVG for HTML, as PNG for Word. The
/// bars are labelled with their values; a target band (e.g. the admission target 3–5) is a shaded span with its label.
/// </summary>
public static class ReportCharts
{
    /// <summary>The default width of a chart, in pixels.</summary>
    public const int Width = 640;

    /// <summary>The default height of a chart, in pixels.</summary>
    public const int Height = 300;

    /// <summary>The chart as an SVG document.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <returns>The SVG text (without an XML declaration, to inline it in HTML).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public static string ToSvg(ReportChart chart, int width = Width, int height = Height)
    {
        var svg = Build(Preconditions.CheckNotNull(chart, nameof(chart))).GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", System.StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>The chart as a PNG image.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <returns>The PNG bytes.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="chart"/> is null.</exception>
    /// <param name="scale">The scale of lines and text: 2 draws a chart of <paramref name="width"/>/2 × <paramref name="height"/>/2 at double resolution (for print).</param>
    public static byte[] ToPng(ReportChart chart, int width = Width, int height = Height, float scale = 1)
    {
        var plot = Build(Preconditions.CheckNotNull(chart, nameof(chart)));
        plot.ScaleFactor = scale;
        return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }

    private static ScottPlot.Plot Build(ReportChart chart)
    {
        var plot = new ScottPlot.Plot();
        plot.Font.Set("DejaVu Serif");
        plot.Title(chart.Title, size: 15);
        var max = chart.Bars.Count == 0 ? 1 : chart.Bars.Max(b => b.Value);
        if (chart.Target is { } target)
        {
            var span = plot.Add.VerticalSpan(target.Min, target.Max);
            span.FillStyle.Color = ScottPlot.Color.FromHex("#2e7d32").WithAlpha(0.15);
            span.LineStyle.Color = ScottPlot.Color.FromHex("#2e7d32");
            span.LineStyle.Width = 1;
            span.LegendText = chart.TargetLabel ?? string.Empty;
            max = System.Math.Max(max, target.Max);
        }

        var bars = chart.Bars.Select((b, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = b.Value,
            FillColor = ScottPlot.Color.FromHex("#b71c1c"),
            LineColor = ScottPlot.Color.FromHex("#7f0000"),
            Label = b.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        barPlot.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.SetTicks([.. chart.Bars.Select((_, i) => (double)i)], [.. chart.Bars.Select(b => Wrap(b.Label))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(max > 10 ? 5 : 1);
        if (chart.ValueLabel is { } valueLabel)
        {
            plot.Axes.Left.Label.Text = valueLabel;
            plot.Axes.Left.Label.FontSize = 12;
        }

        plot.Axes.SetLimits(-0.6, System.Math.Max(0.6, chart.Bars.Count - 0.4), 0, (max * 1.2) + 0.5);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        if (chart.Target is not null && chart.TargetLabel is not null)
        {
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
            plot.Legend.FontSize = 12;
        }

        return plot;
    }

    // Long category labels on two lines, so that neighbours do not overlap.
    private static string Wrap(string label)
    {
        if (label.Length <= 16)
        {
            return label;
        }

        var middle = label.Length / 2;
        var space = label.LastIndexOf(' ', middle);
        var after = label.IndexOf(' ', middle);
        var at = space < 0 ? after : after < 0 || middle - space <= after - middle ? space : after;
        return at < 0 ? label : label[..at] + "\n" + label[(at + 1)..];
    }
}
