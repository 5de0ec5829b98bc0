using System;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Text;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    /// <summary>The due work on a date as a report, with the default options.</summary>
    /// <param name="due">The due work (<see cref="CellPlanner.Due"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Due(DueWork due, Language lang) => Due(due, lang, ReportOptions.Default);

    /// <summary>
    /// The due work on a date as a list (DANH SÁCH CÔNG VIỆC ĐẾN HẠN): counts by status, every item by due date with
    /// its source, the members to consider striking off, files not read; the letterhead when the cell file has one.
    /// </summary>
    /// <param name="due">The due work (<see cref="CellPlanner.Due"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <param name="options">Codes, the roster, the number and the date.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Due(DueWork due, Language lang, ReportOptions options)
    {
        Utility.Preconditions.CheckNotNull(due, nameof(due));
        Utility.Preconditions.CheckNotNull(options, nameof(options));
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T("DANH SÁCH CÔNG VIỆC ĐẾN HẠN TRONG CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN", "WORK DUE IN PARTY-MEMBER DEVELOPMENT"));
        Header(doc, due.Cell, null, due.AsOf, lang);
        doc.Letterhead = Letterhead(due.Cell, options, options.Date ?? due.AsOf, "DANH SÁCH", "DS",
            "công việc đến hạn trong công tác phát triển đảng viên", lang);

        var summary = doc.Section(T("Tóm tắt", "Summary"));
        summary.Facts.Add((T("Quá hạn", "Overdue"), due.Items.Count(i => i.Status == DeadlineStatus.Overdue).ToString(Inv)));
        summary.Facts.Add((T("Sắp đến hạn (trong 5 ngày làm việc)", "Due soon (within 5 working days)"), due.Items.Count(i => i.Status == DeadlineStatus.DueSoon).ToString(Inv)));
        summary.Facts.Add((T("Còn hạn", "Pending"), due.Items.Count(i => i.Status == DeadlineStatus.Pending).ToString(Inv)));

        var list = doc.Section(T("Danh sách theo hạn", "By due date"));
        list.Empty = T("Không có việc nào.", "Nothing due.");
        if (due.Items.Count > 0)
        {
            var table = new ReportTable(T("Hạn", "Due"), T("Tình trạng", "Status"), T("Việc", "What"), T("Người", "Person"),
                T("Lần gần nhất", "Last held"), T("Căn cứ", "Source"));
            foreach (var item in due.Items)
            {
                var emphasis = item.Status switch
                {
                    DeadlineStatus.Overdue => Emphasis.Bad,
                    DeadlineStatus.DueSoon => Emphasis.Warning,
                    _ => Emphasis.None,
                };
                table.Row(emphasis, DueCells(item, lang));
            }

            list.Table = table;
        }

        list.Notes.Add(T(
            "Sắp đến hạn: trong 5 ngày làm việc tới, kể cả ngày đến hạn. Việc định kỳ: hạn là ngày cuối kỳ (tháng, quý, 6 tháng) chưa họp; quá hạn khi kỳ trước trôi qua mà không có buổi nào.",
            "Due soon: within the next 5 working days, the due day included. Periodic duties: due on the last day of the period (month, quarter, half-year) not yet held; overdue when the previous period passed without a meeting."));
        if (due.Items.Any(i => i.Kind != DueKind.Duty))
        {
            list.Notes.Add(MonthNote(lang));
        }

        Screening(doc, due.Screening, lang, options);
        Errors(doc, due.Errors, lang);
        return doc;
    }

    /// <summary>Issue 12: the members to consider striking off (considerStrikeOff), with the checks failed and what was found.</summary>
    private static void Screening(ReportDocument doc, System.Collections.Generic.IReadOnlyList<ScreeningCandidate> candidates, Language lang, ReportOptions options)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(T($"Xem xét xóa tên — rà soát, sàng lọc ({candidates.Count})", $"Consider striking off — screening ({candidates.Count})"));
        section.Empty = T("Không có đảng viên nào cần xem xét.", "No member to consider.");
        if (candidates.Count > 0)
        {
            var table = new ReportTable(T("Họ và tên", "Name"), T("Giai đoạn", "Stage"), T("Đề nghị xem xét", "To consider"),
                T("Quy định không đạt", "Rule failed"), T("Ghi nhận", "Found"), T("Căn cứ", "Source"));
            foreach (var c in candidates)
            {
                foreach (var check in c.Failed)
                {
                    table.Row(Emphasis.Bad, c.Person.FullName, Labels.Stage(c.Stage).In(lang),
                        (c.Proposal == Cases.EventKind.ProbationaryStruckOff ? T("xóa tên đảng viên dự bị", "strike off as a probationary member")
                            : T("xóa tên", "strike off")) + (options.ShowCodes ? $" ({Cases.EventKinds.JsonName(c.Proposal)})" : string.Empty),
                        (check.Title ?? check.Message).In(lang) + (options.ShowCodes ? $" [{check.Rule}]" : string.Empty),
                        (check.Detail ?? check.Finding)?.In(lang) ?? string.Empty, check.Source);
                }
            }

            section.Table = table;
        }

        section.Notes.Add(T(
            "Chi bộ xem xét, đề nghị xóa tên đảng viên không còn đủ tư cách (Điều lệ Đảng, Điều 8; Quy định 29, 24, 232, 294 §8.1; Chỉ thị 28-CT/TW ngày 21/01/2019): đây là danh sách cần xem xét, không phải quyết định.",
            "The cell considers proposing to strike off members who no longer meet the standing (Điều lệ Đảng, Art. 8; Quy định 29, 24, 232, 294 §8.1; Chỉ thị 28-CT/TW, 21/01/2019): a list to consider, not a decision."));
    }

    /// <summary>Issue 12: the screening counts of a plan or an audit (members to screen; struck off, expelled, exempted in the year).</summary>
    private static void ScreeningCounts(ReportDocument doc, ScreeningSummary screening, int year, Language lang, string number)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(number + T($"Rà soát, sàng lọc đảng viên năm {year} (Chỉ thị 28-CT/TW)", $"Screening of members in {year} (Chỉ thị 28-CT/TW)"));
        section.Facts.Add((T("Cần xem xét xóa tên", "To consider striking off"), screening.ToScreen.Count.ToString(Inv)
            + (screening.ToScreen.Count == 0 ? string.Empty : ": " + string.Join(", ", screening.ToScreen.Select(c => c.Person.FullName)))));
        section.Facts.Add((T("Đã xóa tên trong năm", "Struck off in the year"), screening.StruckOff.ToString(Inv)));
        section.Facts.Add((T("Đã xóa tên đảng viên dự bị trong năm", "Probationary members struck off in the year"), screening.ProbationaryStruckOff.ToString(Inv)));
        section.Facts.Add((T("Khai trừ trong năm", "Expelled in the year"), screening.Expelled.ToString(Inv)));
        section.Facts.Add((T("Miễn công tác và sinh hoạt đảng trong năm", "Exempted from party work in the year"), screening.Exempted.ToString(Inv)));
    }

    /// <summary>The one place a due item becomes a row: due date, status, what, who, last held, source.</summary>
    private static string[] DueCells(DueItem item, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        return
        [
            Date(item.Due, lang), Labels.Status(item.Status).In(lang),
            ActionName(item, lang) + (item.Status == DeadlineStatus.Overdue && item.Finding is { } found ? ": " + found.In(lang) : string.Empty),
            item.Person?.FullName ?? T("(chi bộ)", "(cell)"),
            item.Kind == DueKind.Duty ? (item.LastDone is null ? T("chưa ghi nhận", "none recorded") : Date(item.LastDone, lang)) : string.Empty,
            item.Source,
        ];
    }

    private static string ActionName(DueItem item, Language lang)
    {
        if (item.Kind == DueKind.Duty && Enum.TryParse<DutyKind>(item.Action, ignoreCase: true, out var duty))
        {
            return CellPlanner.DutyName(duty).In(lang);
        }

        return Enum.TryParse<DeadlineAction>(item.Action, ignoreCase: true, out var action)
            ? CellPlanner.DeadlineName(action).In(lang)
            : item.Action;
    }
}
