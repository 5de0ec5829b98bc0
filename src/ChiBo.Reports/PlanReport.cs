using System.Collections.Generic;
using System.Linq;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Reports;

/// <summary>The plan, the due work and the audit as documents, in Vietnamese or English.</summary>
public static partial class ReportDocuments
{
    /// <summary>The cell's admission plan of a year as a report (KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN): target against admitted, the pipeline by stage, priority groups, warnings, files not read.</summary>
    /// <param name="plan">The plan (<see cref="CellPlanner.Plan"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Plan(AdmissionPlan plan, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T($"KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM {plan.Year}", $"PARTY-MEMBER DEVELOPMENT PLAN {plan.Year}"));
        Header(doc, plan.Cell, plan.Supervisor, plan.AsOf, lang);

        var summary = doc.Section(T("Chỉ tiêu và kết quả", "Target and results"));
        summary.Facts.Add((T("Chỉ tiêu kết nạp", "Admission target"),
            plan.Target is { } t ? $"{t.Min}–{t.Max}" + (t.Source is null ? string.Empty : $" ({t.Source})") : T("chưa đặt", "none set")));
        summary.Facts.Add((T("Đã kết nạp trong năm", "Admitted in the year"), plan.Admitted.Count.ToString(Inv)));
        summary.Facts.Add((T("Dự kiến kết nạp thêm trong năm", "More admissions expected in the year"), plan.ExpectedAdmissions.Count.ToString(Inv)));
        summary.Facts.Add((T("Dự kiến công nhận chính thức trong năm", "Full memberships expected in the year"), plan.ExpectedFullMemberships.Count.ToString(Inv)));
        summary.Facts.Add((T("Quần chúng đang bồi dưỡng (nguồn → có quyết định)", "In the pipeline (source → admission decided)"), plan.Pipeline.ToString(Inv)));
        summary.Facts.Add((T("Tổng số hồ sơ theo dõi", "Cases on the roster"), plan.ByStage.Sum(s => s.Count).ToString(Inv)));

        var admitted = doc.Section(T("Kết nạp trong năm (theo ngày lễ kết nạp)", "Admitted in the year (by ceremony date)"));
        admitted.Empty = T("Chưa có.", "None.");
        if (plan.Admitted.Count > 0)
        {
            var table = new ReportTable("#", T("Họ và tên", "Name"), T("Ngày vào Đảng", "Party entry"), T("Giai đoạn hiện nay", "Stage now"));
            var i = 0;
            foreach (var a in plan.Admitted)
            {
                table.Row(a.Date?.Month == 12 ? Emphasis.Warning : Emphasis.None,
                    (++i).ToString(Inv), a.Person.FullName, Date(a.Date), Labels.Stage(a.Stage).In(lang));
            }

            admitted.Table = table;
        }

        var stages = doc.Section(T("Hồ sơ theo giai đoạn", "Cases by stage"));
        var byStage = new ReportTable(T("Giai đoạn", "Stage"), T("Mã", "Code"), T("Số người", "Count"));
        foreach (var s in plan.ByStage.Where(s => s.Count > 0 || CellPlanner.PipelineStages.Contains(s.Stage)))
        {
            if (s.Stage == Stage.ApprovedByGrassrootsCommittee && s.Count == 0 && plan.Cell?.Kind != Cases.CellKind.SubordinateCell)
            {
                continue;
            }

            byStage.Row(Labels.Stage(s.Stage).In(lang), s.Stage.JsonName(), s.Count.ToString(Inv));
        }

        stages.Table = byStage;
        stages.Notes.Add(T("Giai đoạn không có ai và không thuộc nguồn phát triển được lược bớt.", "Stages with nobody, outside the pipeline, are left out."));

        var groups = doc.Section(T("Đối tượng ưu tiên", "Priority groups"));
        var groupTable = new ReportTable(T("Đối tượng", "Group"), T("Ưu tiên trong kế hoạch", "Plan priority"), T("Kết nạp trong năm", "Admitted"), T("Trong nguồn", "In pipeline"));
        foreach (var g in plan.PriorityGroups)
        {
            groupTable.Row(g.IsPriority && g.Admitted + g.InPipeline == 0 ? Emphasis.Warning : Emphasis.None,
                CellPlanner.GroupName(g.Group).In(lang), g.IsPriority ? T("có", "yes") : "—", g.Admitted.ToString(Inv), g.InPipeline.ToString(Inv));
        }

        groups.Table = groupTable;
        groups.Notes.Add(T("Một người có thể thuộc nhiều nhóm.", "A person may be in several groups."));

        var expected = doc.Section(T("Dự kiến hoàn thành trong năm", "Expected to complete within the year"));
        expected.Empty = T("Không có.", "Nothing.");
        if (plan.ExpectedAdmissions.Count + plan.ExpectedFullMemberships.Count > 0)
        {
            var table = new ReportTable(T("Họ và tên", "Name"), T("Việc", "Step"), T("Hạn", "Due"));
            foreach (var e in plan.ExpectedAdmissions)
            {
                table.Row(e.Person.FullName, T("Lễ kết nạp", "Admission ceremony"),
                    e.Date is null ? T("chưa xác định", "not yet set") : Date(e.Date));
            }

            foreach (var e in plan.ExpectedFullMemberships)
            {
                table.Row(e.Person.FullName, T("Hết dự bị, xét công nhận chính thức", "Probation ends; full membership"), Date(e.Date));
            }

            expected.Table = table;
            expected.Notes.Add(MonthNote(lang));
        }

        ScreeningCounts(doc, plan.Screening, plan.Year, lang);
        var warnings = doc.Section(T("Cảnh báo", "Warnings"));
        warnings.Empty = T("Không có.", "None.");
        foreach (var w in plan.Warnings)
        {
            warnings.Bullets.Add((WarningLine(w, lang), w.Code.StartsWith("target.", System.StringComparison.Ordinal) || w.Code == "deadline.overdue" ? Emphasis.Bad : Emphasis.Warning));
        }

        warnings.Notes.Add(CellPlanner.ConcentrationHeuristic.In(lang));
        Errors(doc, plan.Errors, lang);
        return doc;
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "—";

    private static void Header(ReportDocument doc, Cases.Cell? cell, Supervisor? supervisor, LocalDate asOf, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        doc.Subtitle.Add(cell is null
            ? T("(không có tệp chi bộ cell.json)", "(no cell file cell.json)")
            : cell.Name + (cell.Superior is null ? string.Empty : $" — {T("trực thuộc", "under")} {cell.Superior}"));
        doc.Subtitle.Add(T("Tính đến ngày ", "As of ") + Date(asOf));
        if (supervisor is not null)
        {
            doc.Subtitle.Add(T("Người giám sát: ", "Supervisor: ") + supervisor.FullName + (supervisor.Role is null ? string.Empty : $" ({supervisor.Role})"));
        }
    }

    private static string WarningLine(PlanWarning w, Language lang)
    {
        var people = w.People.Count == 0 ? string.Empty : ": " + string.Join(", ", w.People.Select(p => p.FullName));
        return $"{w.Message.In(lang)}{people} [{w.Code}]";
    }

    private static string MonthNote(Language lang) => lang == Language.English
        ? "Months are calendar months, clamped to the month's end (2020-02-29 + 12 months = 2021-02-28)."
        : "Tháng tính theo lịch, lấy ngày cuối tháng khi tháng thiếu ngày (29/02/2020 + 12 tháng = 28/02/2021).";

    private static void Errors(ReportDocument doc, IReadOnlyList<Cases.CaseFileError> errors, Language lang)
    {
        if (errors.Count == 0)
        {
            return;
        }

        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(T($"Tệp không đọc được ({errors.Count}) — không tính vào báo cáo", $"Files not read ({errors.Count}) — left out of the report"));
        foreach (var e in errors)
        {
            section.Bullets.Add((e.ToString(), Emphasis.Bad));
        }
    }
}
