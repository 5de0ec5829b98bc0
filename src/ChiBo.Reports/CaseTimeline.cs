using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Reports;

/// <summary>
/// A case's timeline as an SVG picture (diễn biến hồ sơ): its events on a time axis with their dates and kinds, each
/// legal deadline as a bar from its start to its due date (green when met, red when overdue or met late, grey while
/// open), and the events the rules found against marked in red with a cross. Self-contained (no script, no external
/// font), so it opens in a browser and inlines in a page.
/// </summary>
public static class CaseTimeline
{
    private const int Width = 1000;
    private const int Left = 24;
    private const int Right = 24;
    private const int Row = 22;

    /// <summary>The timeline of a case on the evaluation's as-of date.</summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="evaluation">Its evaluation (deadlines, violations, as-of date).</param>
    /// <param name="lang">The language of the labels.</param>
    /// <param name="id">The <c>id</c> of the <c>svg</c> element, or null for none.</param>
    /// <returns>The SVG text (an <c>svg</c> element with its namespace).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string ToSvg(CaseFile caseFile, CaseEvaluation evaluation, Language lang, string? id = null)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        Preconditions.CheckNotNull(evaluation, nameof(evaluation));
        var asOf = evaluation.AsOf;
        var events = caseFile.Events.Select((e, i) => (Event: e, Index: i)).Where(e => e.Event.Date <= asOf).OrderBy(e => e.Event.Date).ToList();
        var deadlines = evaluation.Deadlines.ToList();
        var flagged = evaluation.Violations.Select(v => v.Event).ToHashSet();
        var dates = events.Select(e => e.Event.Date).Concat(deadlines.SelectMany(d => new[] { d.Start, d.Due })).Append(asOf).ToList();
        var first = dates.Min();
        var last = dates.Max();
        var span = Math.Max(1, Period.Between(first, last, PeriodUnits.Days).Days);
        double X(LocalDate d) => Left + ((Width - Left - Right) * Period.Between(first, d, PeriodUnits.Days).Days / (double)span);
        string D(LocalDate d) => ReportDates.Short(d, lang);
        var en = lang == Language.English;

        const int axis = 64;
        var eventsTop = axis + 28;
        var deadlinesTop = eventsTop + (events.Count * Row) + 36;
        var height = deadlinesTop + (deadlines.Count * Row) + 40;
        var svg = new StringBuilder();
        svg.Append("<svg").Append(id is null ? string.Empty : $" id=\"{E(id)}\"").Append(" xmlns=\"http://www.w3.org/2000/svg\"");
        svg.Append(CultureInfo.InvariantCulture, $" class=\"timeline\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(en ? "Timeline" : "Diễn biến hồ sơ")}\" font-family=\"'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif\" font-size=\"15\">");
        // Labels with a white halo, so that the leader lines of later events do not run through them.
        svg.Append("<style>text.label{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}</style>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#fff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{E(caseFile.Person.FullName)} — {E(en ? "timeline to " : "diễn biến đến ")}{E(ReportDates.Long(asOf, lang))}</text>");

        // The axis with a tick at each year's start.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{axis}\" x2=\"{Width - Right}\" y2=\"{axis}\" stroke=\"#333\" stroke-width=\"1.5\"/>");
        for (var year = first.Year + 1; year <= last.Year; year++)
        {
            var x = X(new LocalDate(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{axis - 5}\" x2=\"{x:F1}\" y2=\"{axis + 5}\" stroke=\"#333\"/><text x=\"{x:F1}\" y=\"{axis - 10}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>");
        }

        var today = X(asOf);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{today:F1}\" y1=\"{axis - 18}\" x2=\"{today:F1}\" y2=\"{height - 24}\" stroke=\"#1565c0\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{today:F1}\" y=\"{height - 8}\" text-anchor=\"{(today > Width / 2 ? "end" : "start")}\" fill=\"#1565c0\">{E(en ? "as of " : "tính đến ")}{D(asOf)}</text>");

        var labels = new StringBuilder(); // drawn after every line, so that no line runs over a label
        for (var i = 0; i < events.Count; i++)
        {
            var (e, index) = events[i];
            var x = X(e.Date);
            var y = eventsTop + (i * Row);
            var bad = flagged.Contains(index);
            var colour = bad ? "#b71c1c" : "#37474f";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{axis}\" x2=\"{x:F1}\" y2=\"{y - 4}\" stroke=\"#ccc\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:F1}\" cy=\"{axis}\" r=\"{(bad ? 6 : 4)}\" fill=\"{colour}\"/>");
            if (bad)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x - 4:F1} {y - 13}l8 8m0 -8l-8 8\" stroke=\"#b71c1c\" stroke-width=\"2\"/>");
            }

            var anchor = x > Width / 2 ? "end" : "start";
            var dx = anchor == "end" ? -8 : 8;
            var text = $"{D(e.Date)} {Capital(Labels.Event(e.Kind).In(lang))}{(bad ? (en ? " — violation" : " — vi phạm") : string.Empty)}";
            var estimate = text.Length * 7.4; // a white ground under the label (Times at 15 px, about 0.49 em a letter)
            labels.Append(CultureInfo.InvariantCulture, $"<rect x=\"{(anchor == "end" ? x + dx - estimate : x + dx):F1}\" y=\"{y - 15}\" width=\"{estimate:F1}\" height=\"21\" fill=\"#fff\" fill-opacity=\"0.9\"/>");
            labels.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{x + dx:F1}\" y=\"{y}\" text-anchor=\"{anchor}\" fill=\"{colour}\"{(bad ? " font-weight=\"bold\"" : string.Empty)}>{D(e.Date)} {E(Capital(Labels.Event(e.Kind).In(lang)))}{(bad ? E(en ? " — violation" : " — vi phạm") : string.Empty)}</text>");
        }

        if (deadlines.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{deadlinesTop - 14}\" font-weight=\"bold\">{E(en ? "Deadlines" : "Thời hạn")}</text>");
        }

        for (var i = 0; i < deadlines.Count; i++)
        {
            var d = deadlines[i];
            var y = deadlinesTop + (i * Row);
            var x1 = X(d.Start);
            var x2 = Math.Max(x1 + 3, X(d.Due));
            var colour = d.Status switch
            {
                DeadlineStatus.Overdue or DeadlineStatus.MetLate => "#c62828",
                DeadlineStatus.Met => "#2e7d32",
                DeadlineStatus.DueSoon => "#f9a825",
                _ => "#90a4ae",
            };
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x1:F1}\" y=\"{y - 11}\" width=\"{x2 - x1:F1}\" height=\"12\" rx=\"2\" fill=\"{colour}\" fill-opacity=\"0.85\"/>");
            if (d.Done is { } done)
            {
                var xd = X(done);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{xd:F1}\" y1=\"{y - 14}\" x2=\"{xd:F1}\" y2=\"{y + 4}\" stroke=\"#000\" stroke-width=\"2\"/>");
            }

            var label = $"{Labels.Deadline(d.Action).In(lang)}: {D(d.Start)} → {D(d.Due)} ({Labels.Status(d.Status).In(lang)})";
            var right = x2 < Width * 0.55;
            labels.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{(right ? x2 + 6 : x1 - 6):F1}\" y=\"{y}\" text-anchor=\"{(right ? "start" : "end")}\" fill=\"{colour}\">{E(label)}</text>");
        }

        return svg.Append(labels).Append("</svg>").ToString();
    }

    private static string E(string text) => ReportHtml.Encode(text);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
