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
        Errors(doc, due.Errors, lang);
        return doc;
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
