using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Reports;

/// <summary>The plan, the due work and the audit as documents, in Vietnamese or English.</summary>
public static partial class ReportDocuments
{
    /// <summary>The cell's admission plan of a year as a report (KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN), with the default options.</summary>
    /// <param name="plan">The plan (<see cref="CellPlanner.Plan"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Plan(AdmissionPlan plan, Language lang) => Plan(plan, lang, ReportOptions.Default);

    /// <summary>
    /// The cell's admission plan of a year as a party document in the shape of the seed's plan (Kế hoạch 19-KH/CB):
    /// I. MỤC ĐÍCH, YÊU CẦU — II. NỘI DUNG (the target, the candidates by stage with their helpers and introducers,
    /// the expected admissions and full memberships with their deadlines, the priority groups, the screening, what
    /// needs attention) — III. TỔ CHỨC THỰC HIỆN (the periodic duties, the supervisor, the reports to the superior);
    /// the letterhead and signature when the roster's cell file has them.
    /// </summary>
    /// <param name="plan">The plan (<see cref="CellPlanner.Plan"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <param name="options">Codes, the roster, the number and the date.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Plan(AdmissionPlan plan, Language lang, ReportOptions options)
    {
        Utility.Preconditions.CheckNotNull(plan, nameof(plan));
        Utility.Preconditions.CheckNotNull(options, nameof(options));
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T($"KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM {plan.Year}", $"PARTY-MEMBER DEVELOPMENT PLAN {plan.Year}"));
        Header(doc, plan.Cell, plan.Supervisor, plan.AsOf, lang);
        var date = options.Date ?? plan.AsOf;
        doc.Letterhead = Letterhead(plan.Cell, options, date, "KẾ HOẠCH", "KH", $"phát triển đảng viên năm {plan.Year}", lang);
        var cellFile = options.Roster?.CellFile;

        doc.Preamble.Add(T(
            "Căn cứ Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không đủ tư cách ra khỏi Đảng"
            + (plan.Target?.Source is { } source ? $"; căn cứ {source}" : string.Empty)
            + $", Chi bộ xây dựng kế hoạch phát triển đảng viên năm {plan.Year} như sau:",
            "Under Chỉ thị 28-CT/TW (21/01/2019) of the Secretariat on the quality of admissions and the screening of members"
            + (plan.Target?.Source is { } sourceEn ? $" and {sourceEn}" : string.Empty)
            + $", the cell sets out its plan for developing party members in {plan.Year}:"));

        var purpose = doc.Section(T("I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS"));
        purpose.IsPart = true;
        purpose.Paragraphs.Add(T(
            "Nâng cao chất lượng công tác phát triển đảng viên; coi trọng chất lượng, không chạy theo số lượng; kết nạp những quần chúng ưu tú có đủ tiêu chuẩn, điều kiện.",
            "Raise the quality of admissions: quality first, never chasing numbers; admit outstanding people who meet every standard and condition."));
        var groupsText = string.Join(", ", plan.PriorityGroups.Where(g => g.IsPriority).Select(g => CellPlanner.GroupName(g.Group).In(lang)));
        if (groupsText.Length > 0)
        {
            purpose.Paragraphs.Add(T($"Quan tâm phát triển đảng viên trong các đối tượng: {groupsText}.", $"Give priority to: {groupsText}."));
        }

        purpose.Paragraphs.Add(T(
            "Mỗi quần chúng trong danh sách cảm tình đảng có đảng viên chính thức được phân công giúp đỡ; thực hiện đúng quy trình, thủ tục và thời hạn kết nạp, công nhận đảng viên chính thức.",
            "Every sympathiser has a full member assigned to help; every step, form and deadline of admission and full membership is kept."));

        var content = doc.Section(T("II. NỘI DUNG", "II. CONTENT"));
        content.IsPart = true;

        var summary = doc.Section(T("1. Chỉ tiêu và kết quả", "1. Target and results"));
        summary.Facts.Add((T("Chỉ tiêu kết nạp", "Admission target"),
            plan.Target is { } t ? $"{t.Min}–{t.Max}" + (t.Source is null ? string.Empty : $" ({t.Source})") : T("chưa đặt", "none set")));
        summary.Facts.Add((T("Đã kết nạp trong năm", "Admitted in the year"), plan.Admitted.Count.ToString(Inv)));
        summary.Facts.Add((T("Dự kiến kết nạp thêm trong năm", "More admissions expected in the year"), plan.ExpectedAdmissions.Count.ToString(Inv)));
        summary.Facts.Add((T("Dự kiến công nhận đảng viên chính thức trong năm", "Full memberships expected in the year"), plan.ExpectedFullMemberships.Count.ToString(Inv)));
        summary.Facts.Add((T("Quần chúng đang bồi dưỡng (từ nguồn đến khi có quyết định kết nạp)", "In the pipeline (source to admission decided)"), plan.Pipeline.ToString(Inv)));
        summary.Facts.Add((T("Tổng số hồ sơ theo dõi", "Cases on the roster"), plan.ByStage.Sum(s => s.Count).ToString(Inv)));
        if (cellFile?.FullMembersOn(plan.AsOf) is { } members)
        {
            summary.Facts.Add((T("Số đảng viên chính thức của chi bộ", "The cell's full members"), members.ToString(Inv)));
        }

        var target = new ReportChart(T($"Kết nạp năm {plan.Year} so với chỉ tiêu", $"Admissions in {plan.Year} against the target"))
        {
            ValueLabel = T("Số người", "People"),
        };
        target.Bars.Add((T("Đã kết nạp", "Admitted"), plan.Admitted.Count));
        target.Bars.Add((T("Dự kiến kết nạp thêm", "Expected"), plan.ExpectedAdmissions.Count));
        target.Bars.Add((T("Cộng", "Total"), plan.Admitted.Count + plan.ExpectedAdmissions.Count));
        if (plan.Target is { } band)
        {
            target.Target = (band.Min, band.Max);
            target.TargetLabel = T($"chỉ tiêu {band.Min}–{band.Max}", $"target {band.Min}–{band.Max}");
        }

        summary.Charts.Add(target);

        Candidates(doc, plan, options, lang);

        var admitted = doc.Section(T("3. Kết nạp trong năm (theo ngày lễ kết nạp)", "3. Admitted in the year (by ceremony date)"));
        admitted.Empty = T("Chưa có.", "None.");
        if (plan.Admitted.Count > 0)
        {
            var table = new ReportTable(T("STT", "#"), T("Họ và tên", "Name"), T("Ngày vào Đảng", "Party entry"), T("Giai đoạn hiện nay", "Stage now"));
            var i = 0;
            foreach (var a in plan.Admitted)
            {
                table.Row(a.Date?.Month == 12 ? Emphasis.Warning : Emphasis.None,
                    (++i).ToString(Inv), a.Person.FullName, Date(a.Date, lang), Labels.Stage(a.Stage).In(lang));
            }

            admitted.Table = table;
        }

        var expected = doc.Section(T("4. Dự kiến kết nạp và công nhận đảng viên chính thức", "4. Expected admissions and full memberships"));
        expected.Empty = T("Không có.", "Nothing.");
        if (plan.ExpectedAdmissions.Count + plan.ExpectedFullMemberships.Count > 0)
        {
            var table = new ReportTable(T("Họ và tên", "Name"), T("Việc", "Step"), T("Hạn", "Due"));
            foreach (var e in plan.ExpectedAdmissions)
            {
                table.Row(e.Date is { } due && due < plan.AsOf ? Emphasis.Bad : Emphasis.None, e.Person.FullName, T("Tổ chức lễ kết nạp", "Admission ceremony"),
                    e.Date is null ? T("chưa xác định", "not yet set") : Date(e.Date, lang));
            }

            foreach (var e in plan.ExpectedFullMemberships)
            {
                table.Row(e.Person.FullName, T("Hết thời gian dự bị, xét công nhận đảng viên chính thức", "Probation ends; full membership"), Date(e.Date, lang));
            }

            expected.Table = table;
            expected.Notes.Add(MonthNote(lang));
        }

        var stages = doc.Section(T("5. Hồ sơ theo giai đoạn", "5. Cases by stage"));
        var byStage = options.ShowCodes
            ? new ReportTable(T("Giai đoạn", "Stage"), T("Mã", "Code"), T("Số người", "Count"))
            : new ReportTable(T("Giai đoạn", "Stage"), T("Số người", "Count"));
        var pipeline = new ReportChart(T("Hồ sơ theo giai đoạn", "Cases by stage")) { ValueLabel = T("Số người", "People") };
        foreach (var s in plan.ByStage.Where(s => s.Count > 0 || CellPlanner.PipelineStages.Contains(s.Stage)))
        {
            if (s.Stage == Stage.ApprovedByGrassrootsCommittee && s.Count == 0 && plan.Cell?.Kind != CellKind.SubordinateCell)
            {
                continue;
            }

            var label = Labels.Stage(s.Stage).In(lang);
            if (options.ShowCodes)
            {
                byStage.Row(label, s.Stage.JsonName(), s.Count.ToString(Inv));
            }
            else
            {
                byStage.Row(label, s.Count.ToString(Inv));
            }

            if (CellPlanner.PipelineStages.Contains(s.Stage) || s.Stage == Stage.Probationary)
            {
                pipeline.Bars.Add((label, s.Count));
            }
        }

        stages.Charts.Add(pipeline);
        stages.Table = byStage;
        stages.Notes.Add(T("Giai đoạn không có ai và không thuộc nguồn phát triển được lược bớt.", "Stages with nobody, outside the pipeline, are left out."));

        var groups = doc.Section(T("6. Đối tượng ưu tiên", "6. Priority groups"));
        var groupTable = new ReportTable(T("Đối tượng", "Group"), T("Ưu tiên trong kế hoạch", "Plan priority"), T("Kết nạp trong năm", "Admitted"), T("Trong nguồn", "In pipeline"));
        foreach (var g in plan.PriorityGroups)
        {
            groupTable.Row(g.IsPriority && g.Admitted + g.InPipeline == 0 ? Emphasis.Warning : Emphasis.None,
                Capitalised(CellPlanner.GroupName(g.Group).In(lang)), g.IsPriority ? T("có", "yes") : "—", g.Admitted.ToString(Inv), g.InPipeline.ToString(Inv));
        }

        groups.Table = groupTable;
        groups.Notes.Add(T("Một người có thể thuộc nhiều nhóm.", "A person may be in several groups."));

        ScreeningCounts(doc, plan.Screening, plan.Year, lang, T("7. ", "7. "));
        var warnings = doc.Section(T("8. Những vấn đề cần lưu ý", "8. Points to watch"));
        warnings.Empty = T("Không có.", "None.");
        foreach (var w in plan.Warnings)
        {
            warnings.Bullets.Add((WarningLine(w, lang, options), w.Code.StartsWith("target.", System.StringComparison.Ordinal) || w.Code == "deadline.overdue" ? Emphasis.Bad : Emphasis.Warning));
        }

        // The heuristic's footnote only beside the warning it explains (issue 14: no footnote for a warning not shown).
        if (plan.Warnings.Any(w => w.Code == "admissions.concentratedInLastMonth"))
        {
            warnings.Notes.Add(CellPlanner.ConcentrationHeuristic.In(lang));
        }

        var organisation = doc.Section(T("III. TỔ CHỨC THỰC HIỆN", "III. ORGANISATION"));
        organisation.IsPart = true;
        foreach (var duty in cellFile?.EffectiveDuties ?? PeriodicDuty.Defaults)
        {
            organisation.Paragraphs.Add($"{Every(duty.EveryMonths, lang)}: {CellPlanner.DutyName(duty.Kind).In(lang)}.");
        }

        if (plan.Supervisor is { } supervisor)
        {
            organisation.Paragraphs.Add(T(
                $"Phân công đồng chí {supervisor.FullName}" + (supervisor.Role is null ? string.Empty : $", {supervisor.Role},") + " giám sát việc thực hiện kế hoạch.",
                $"{supervisor.FullName}" + (supervisor.Role is null ? string.Empty : $" ({supervisor.Role})") + " supervises the plan."));
        }

        organisation.Paragraphs.Add(T(
            "Đảng viên được phân công giúp đỡ thường xuyên theo dõi, bồi dưỡng quần chúng và báo cáo chi ủy; chi ủy báo cáo định kỳ kết quả thực hiện kế hoạch với cấp ủy cấp trên"
            + (plan.Cell?.Superior is { } superior ? $" ({superior})." : "."),
            "The members assigned to help follow and train the candidates and report to the cell committee; the committee reports on the plan to the superior committee"
            + (plan.Cell?.Superior is { } superiorEn ? $" ({superiorEn})." : ".")));

        Errors(doc, plan.Errors, lang);
        return doc;
    }

    /// <summary>"2. Nguồn phát triển đảng viên": the candidates in the pipeline, by stage, with their groups, helpers and introducers (needs the roster).</summary>
    private static void Candidates(ReportDocument doc, AdmissionPlan plan, ReportOptions options, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(T("2. Nguồn phát triển đảng viên", "2. Candidates"));
        section.Empty = T("Không có quần chúng nào trong nguồn.", "Nobody in the pipeline.");
        if (options.Roster is not { } roster)
        {
            section.Facts.Add((T("Số quần chúng trong nguồn", "In the pipeline"), plan.Pipeline.ToString(Inv)));
            return;
        }

        var cellFile = roster.CellFile;
        string Name(string id) => cellFile?.MemberName(id) ?? T("(chưa ghi tên)", "(name not given)");
        var rows = new List<(int Order, string[] Cells)>();
        foreach (var rosterCase in roster.Cases)
        {
            var replay = CaseLifecycle.Replay(rosterCase.Case, plan.AsOf);
            if (replay.History is not { } history || !CellPlanner.PipelineStages.Contains(history.Stage))
            {
                continue;
            }

            var person = rosterCase.Case.Person;
            var groups = plan.PriorityGroups.Where(g => g.IsPriority && IsIn(person, g.Group, cellFile, plan.AsOf))
                .Select(g => CellPlanner.GroupName(g.Group).In(lang));
            var helpers = history.EventsOf<HelperAssigned>().Select(e => Name(e.Event.MemberId)).Distinct();
            var introducers = history.EventsOf<IntroducerAssigned>().Select(e => Name(e.Event.MemberId)).Distinct();
            rows.Add((CellPlanner.PipelineStages.ToList().IndexOf(history.Stage),
            [
                person.FullName, person.WorkUnit ?? "—", Labels.Stage(history.Stage).In(lang),
                string.Join(", ", groups) is { Length: > 0 } g ? g : "—",
                string.Join(", ", helpers) is { Length: > 0 } h ? h : T("chưa phân công", "none assigned"),
                string.Join(", ", introducers) is { Length: > 0 } i ? i : "—",
            ]));
        }

        if (rows.Count == 0)
        {
            return;
        }

        var table = new ReportTable(T("STT", "#"), T("Họ và tên", "Name"), T("Đơn vị", "Unit"), T("Giai đoạn", "Stage"),
            T("Đối tượng ưu tiên", "Priority groups"), T("Đảng viên giúp đỡ", "Helpers"), T("Người giới thiệu", "Introducers"));
        var n = 0;
        foreach (var (_, cells) in rows.OrderByDescending(r => r.Order))
        {
            table.Row(cells[4] == T("chưa phân công", "none assigned") ? Emphasis.Warning : Emphasis.None, [(++n).ToString(Inv), .. cells]);
        }

        section.Table = table;
    }

    private static bool IsIn(Person person, PriorityGroup group, CellFile? cellFile, LocalDate asOf) => group switch
    {
        PriorityGroup.Teacher => person.Occupation == Occupation.Teacher,
        PriorityGroup.Student => person.Occupation == Occupation.Student,
        PriorityGroup.Staff => person.Occupation == Occupation.Staff,
        PriorityGroup.Women => person.Sex == Sex.Female,
        PriorityGroup.YouthUnion => person.YouthUnionMemberSince is { } since && since <= asOf,
        PriorityGroup.Religious => person.Religion is not null,
        PriorityGroup.UnitWithoutMembers => cellFile?.IsUnitWithoutMembers(person.WorkUnit) == true,
        _ => false,
    };

    private static string Every(int months, Language lang) => (months switch
    {
        1 => new LocalizedText("Hằng tháng", "Every month"),
        3 => new LocalizedText("Hằng quý", "Every quarter"),
        6 => new LocalizedText("6 tháng một lần", "Every six months"),
        12 => new LocalizedText("Hằng năm", "Every year"),
        var m => new LocalizedText($"{m} tháng một lần", $"Every {m} months"),
    }).In(lang);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
