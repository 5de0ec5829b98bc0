using System;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Text;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    /// <summary>The due work on a date as a report (VIỆC ĐẾN HẠN): counts by status, every item by due date with its source, files not read.</summary>
    /// <param name="due">The due work (<see cref="CellPlanner.Due"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Due(DueWork due, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T("VIỆC ĐẾN HẠN", "DUE WORK"));
        Header(doc, due.Cell, null, due.AsOf, lang);

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
                table.Row(emphasis, Date(item.Due), Labels.Status(item.Status).In(lang), ActionName(item, lang),
                    item.Person?.FullName ?? T("(chi bộ)", "(cell)"),
                    item.Kind == DueKind.Duty ? (item.LastDone is null ? T("chưa ghi nhận", "none recorded") : Date(item.LastDone)) : string.Empty,
                    item.Source);
            }

            list.Table = table;
        }

        list.Notes.Add(T(
            "Sắp đến hạn: trong 5 ngày làm việc tới, kể cả ngày đến hạn. Việc định kỳ: hạn là ngày cuối kỳ (tháng, quý, 6 tháng) chưa họp; quá hạn khi kỳ trước trôi qua mà không có buổi nào.",
            "Due soon: within the next 5 working days, the due day included. Periodic duties: due on the last day of the period (month, quarter, half-year) not yet held; overdue when the previous period passed without a meeting."));
        list.Notes.Add(MonthNote(lang));
        Screening(doc, due.Screening, lang);
        Errors(doc, due.Errors, lang);
        return doc;
    }

    /// <summary>Issue 12: the members to consider striking off (considerStrikeOff), with the checks failed and what was found.</summary>
    private static void Screening(ReportDocument doc, System.Collections.Generic.IReadOnlyList<ScreeningCandidate> candidates, Language lang)
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
                        c.Proposal == Cases.EventKind.ProbationaryStruckOff ? T("xóa tên đảng viên dự bị (probationaryStruckOff)", "strike off as a probationary member (probationaryStruckOff)")
                            : T("xóa tên (struckOff)", "strike off (struckOff)"),
                        check.Rule, check.Detail?.In(lang) ?? string.Empty, check.Source);
                }
            }

            section.Table = table;
        }

        section.Notes.Add(T(
            "Chi bộ xem xét, đề nghị xóa tên đảng viên không còn đủ tư cách (Điều lệ Đảng, Điều 8; Quy định 29, 24, 232, 294 §8.1; Chỉ thị 28-CT/TW ngày 21/01/2019): đây là danh sách cần xem xét, không phải quyết định.",
            "The cell considers proposing to strike off members who no longer meet the standing (Điều lệ Đảng, Art. 8; Quy định 29, 24, 232, 294 §8.1; Chỉ thị 28-CT/TW, 21/01/2019): a list to consider, not a decision."));
    }

    /// <summary>Issue 12: the screening counts of a plan or an audit (members to screen; struck off, expelled, exempted in the year).</summary>
    private static void ScreeningCounts(ReportDocument doc, ScreeningSummary screening, int year, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(T($"Rà soát, sàng lọc đảng viên năm {year} (Chỉ thị 28-CT/TW)", $"Screening of members in {year} (Chỉ thị 28-CT/TW)"));
        section.Facts.Add((T("Cần xem xét xóa tên", "To consider striking off"), screening.ToScreen.Count.ToString(Inv)
            + (screening.ToScreen.Count == 0 ? string.Empty : ": " + string.Join(", ", screening.ToScreen.Select(c => c.Person.FullName)))));
        section.Facts.Add((T("Đã xóa tên trong năm", "Struck off in the year"), screening.StruckOff.ToString(Inv)));
        section.Facts.Add((T("Đã xóa tên đảng viên dự bị trong năm", "Probationary members struck off in the year"), screening.ProbationaryStruckOff.ToString(Inv)));
        section.Facts.Add((T("Khai trừ trong năm", "Expelled in the year"), screening.Expelled.ToString(Inv)));
        section.Facts.Add((T("Miễn công tác và sinh hoạt đảng trong năm", "Exempted from party work in the year"), screening.Exempted.ToString(Inv)));
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
