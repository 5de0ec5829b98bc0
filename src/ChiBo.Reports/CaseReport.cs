using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Text;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    /// <summary>
    /// One case on a date as a report (DIỄN BIẾN HỒ SƠ): the stage, the deadlines, the violations (each with its event by
    /// kind and date), and the timeline as a picture (<see cref="CaseTimeline"/>) — what <c>chibo evaluate --format html</c> writes.
    /// </summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="evaluation">Its evaluation.</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Case(CaseFile caseFile, CaseEvaluation evaluation, Language lang)
    {
        Utility.Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        Utility.Preconditions.CheckNotNull(evaluation, nameof(evaluation));
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T("DIỄN BIẾN HỒ SƠ: ", "CASE TIMELINE: ") + caseFile.Person.FullName);
        doc.Subtitle.Add(caseFile.Cell.Name);
        doc.Subtitle.Add(T("Tính đến ", "As of ") + ReportDates.Long(evaluation.AsOf, lang));
        var stage = doc.Section(T("Tình trạng", "Where the case stands"));
        stage.Facts.Add((T("Giai đoạn", "Stage"), Labels.Stage(evaluation.Stage).In(lang)));
        if (evaluation.NextGate is { } gate)
        {
            stage.Facts.Add((T("Bước tiếp theo", "Next step"), Labels.Gate(gate).In(lang)));
        }

        var deadlines = doc.Section(T("Thời hạn", "Deadlines"));
        deadlines.Empty = T("Không có.", "None.");
        if (evaluation.Deadlines.Count > 0)
        {
            var table = new ReportTable(T("Việc", "What"), T("Từ ngày", "From"), T("Hạn", "Due"), T("Tình trạng", "Status"), T("Căn cứ", "Source"));
            foreach (var d in evaluation.Deadlines)
            {
                table.Row(d.Status is DeadlineStatus.Overdue or DeadlineStatus.MetLate ? Emphasis.Bad : Emphasis.None,
                    Labels.Deadline(d.Action).In(lang), Date(d.Start, lang), Date(d.Due, lang), Labels.Status(d.Status).In(lang), d.Source);
            }

            deadlines.Table = table;
        }

        var violations = doc.Section(T("Vi phạm", "Violations"));
        violations.Empty = T("Không phát hiện.", "None found.");
        foreach (var v in evaluation.Violations)
        {
            violations.Bullets.Add((CaseViolation(caseFile, v, lang), Emphasis.Bad));
        }

        var timeline = doc.Section(T("Diễn biến", "Timeline"));
        timeline.Pictures.Add(CaseTimeline.ToSvg(caseFile, evaluation, lang, "timeline"));
        return doc;
    }

    /// <summary>The one place a case's violation becomes text: the event by kind and date, what was found, the source.</summary>
    private static string CaseViolation(CaseFile caseFile, RuleViolation v, Language lang)
    {
        var e = v.Event >= 0 && v.Event < caseFile.Events.Length ? caseFile.Events[v.Event] : null;
        var at = e is null ? string.Empty
            : $"{Capitalised(Labels.Event(e.Kind).In(lang))} {(lang == Language.English ? "on" : "ngày")} {Date(e.Date, lang)}: ";
        var what = v.Finding is { } found ? (v.Title ?? v.Message).In(lang) + ": " + found.In(lang) : (v.Detail ?? v.Message).In(lang);
        return at + what + " — " + v.Source;
    }
}
