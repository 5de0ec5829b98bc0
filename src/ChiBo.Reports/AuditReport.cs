using System.Linq;
using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Text;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    /// <summary>The supervision audit of a year as a report, with the default options.</summary>
    /// <param name="audit">The audit (<see cref="CellPlanner.Audit"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Audit(SupervisionAudit audit, Language lang) => Audit(audit, lang, ReportOptions.Default);

    /// <summary>
    /// The year's report (BÁO CÁO KẾT QUẢ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN): I. the results of supervision (violations by
    /// rule and by case, each with its event by kind and date; other findings), II. member management in the year,
    /// III. the screening; the letterhead and signature when the roster's cell file has them.
    /// </summary>
    /// <param name="audit">The audit (<see cref="CellPlanner.Audit"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <param name="options">Codes, the roster, the number and the date.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Audit(SupervisionAudit audit, Language lang, ReportOptions options)
    {
        Utility.Preconditions.CheckNotNull(audit, nameof(audit));
        Utility.Preconditions.CheckNotNull(options, nameof(options));
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T($"BÁO CÁO KẾT QUẢ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM {audit.Year}",
            $"REPORT ON PARTY-MEMBER DEVELOPMENT IN {audit.Year}"));
        Header(doc, audit.Cell, audit.Supervisor, audit.AsOf, lang);
        doc.Letterhead = Letterhead(audit.Cell, options, options.Date ?? audit.AsOf, "BÁO CÁO",
            "BC", $"kết quả công tác phát triển đảng viên năm {audit.Year}", lang);
        var target = options.Roster?.CellFile?.TargetFor(audit.Year);
        doc.Preamble.Add(T(
            (target?.Source is { } source ? $"Thực hiện {source}, c" : "C") + $"hi bộ báo cáo kết quả công tác phát triển đảng viên và kiểm tra, giám sát năm {audit.Year} như sau:",
            (target?.Source is { } sourceEn ? $"Under {sourceEn}, the" : "The") + $" cell reports on the supervision of party-member development in {audit.Year}:"));

        var results = Results(doc, audit, target, options, lang);
        var part = doc.Section(T($"{results}. KẾT QUẢ KIỂM TRA, GIÁM SÁT", $"{results}. RESULTS OF SUPERVISION"));
        part.IsPart = true;
        var byRule = doc.Section(T($"1. Vi phạm theo quy định ({audit.ViolationCount})", $"1. Violations by rule ({audit.ViolationCount})"));
        byRule.Empty = T("Không phát hiện vi phạm.", "No violation found.");
        if (audit.ByRule.Count > 0)
        {
            var table = new ReportTable(T("Quy định", "Rule"), T("Số vụ", "Count"), T("Căn cứ", "Source"));
            foreach (var g in audit.ByRule)
            {
                var (rule, _, _) = Violation(g.Violations[0], lang, options);
                table.Row(Emphasis.Bad, rule, g.Count.ToString(Inv), g.Source);
            }

            byRule.Table = table;
        }

        if (audit.ByPerson.Count > 0)
        {
            var byPerson = doc.Section(T("2. Vi phạm theo hồ sơ", "2. Violations by case"));
            var table = new ReportTable(T("Họ và tên", "Name"), T("Sự kiện", "Event"), T("Nội dung", "What was found"), T("Căn cứ", "Source"));
            foreach (var p in audit.ByPerson)
            {
                foreach (var v in p.Violations)
                {
                    var (_, finding, at) = Violation(v, lang, options);
                    table.Row(Emphasis.Bad, p.Person.FullName, at, finding, v.Source);
                }
            }

            byPerson.Table = table;
        }

        var findings = doc.Section(T("3. Phát hiện khác", "3. Other findings"));
        findings.Empty = T("Không có.", "None.");
        foreach (var f in audit.Findings)
        {
            findings.Bullets.Add((WarningLine(f, lang, options), f.Code == "deadline.overdue" ? Emphasis.Bad : Emphasis.Warning));
        }

        var management = doc.Section(T($"{Next(results)}. CÔNG TÁC QUẢN LÝ ĐẢNG VIÊN TRONG NĂM", $"{Next(results)}. MEMBER MANAGEMENT IN THE YEAR"));
        management.IsPart = true;
        var counts = options.ShowCodes
            ? new ReportTable(T("Hình thức", "Outcome"), T("Mã", "Code"), T("Số lượng", "Count"))
            : new ReportTable(T("Hình thức", "Outcome"), T("Số lượng", "Count"));
        foreach (var c in audit.Outcomes)
        {
            if (options.ShowCodes)
            {
                counts.Row(OutcomeName(c.Event, lang), EventKinds.JsonName(c.Event), c.Count.ToString(Inv));
            }
            else
            {
                counts.Row(OutcomeName(c.Event, lang), c.Count.ToString(Inv));
            }
        }

        management.Table = counts;
        if (audit.OutcomeList.Count > 0)
        {
            var list = doc.Section(T("Chi tiết", "Details"));
            var table = new ReportTable(T("Ngày", "Date"), T("Họ và tên", "Name"), T("Hình thức", "Outcome"), T("Lý do / nơi chuyển đến", "Reason / destination"));
            foreach (var o in audit.OutcomeList)
            {
                table.Row(Date(o.Date, lang), o.Person.FullName, OutcomeName(o.Event, lang), o.Detail ?? string.Empty);
            }

            list.Table = table;
        }

        var screening = doc.Section(T($"{Next(Next(results))}. RÀ SOÁT, SÀNG LỌC ĐẢNG VIÊN", $"{Next(Next(results))}. SCREENING OF MEMBERS"));
        screening.IsPart = true;
        ScreeningCounts(doc, audit.Screening, audit.Year, lang, string.Empty);
        Errors(doc, audit.Errors, lang);
        return doc;
    }

    /// <summary>
    /// "I. KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN" (needs the roster): the year's admissions (ceremonies in the year, on or before the
    /// as-of date) against the target, with a chart, and the full memberships recognised. Returns the next part's number.
    /// </summary>
    private static string Results(ReportDocument doc, SupervisionAudit audit, AdmissionTarget? target, ReportOptions options, Language lang)
    {
        if (options.Roster is not { } roster)
        {
            return "I";
        }

        string T(string vi, string en) => lang == Language.English ? en : vi;
        var part = doc.Section(T("I. KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN", "I. RESULTS OF PARTY-MEMBER DEVELOPMENT"));
        part.IsPart = true;
        bool InYear(Cases.CaseEvent e) => e.Date.Year == audit.Year && e.Date <= audit.AsOf;
        var admitted = roster.Cases.SelectMany(c => c.Case.Events.OfType<Cases.CeremonyHeld>().Where(InYear).Select(e => (c.Case.Person.FullName, e.Date)))
            .OrderBy(a => a.Date).ToList();
        var full = roster.Cases.SelectMany(c => c.Case.Events.OfType<Cases.FullMembershipDecided>().Where(InYear).Select(e => (c.Case.Person.FullName, e.Date)))
            .OrderBy(a => a.Date).ToList();
        part.Facts.Add((T("Chỉ tiêu kết nạp", "Admission target"), target is null ? T("chưa đặt", "none set") : $"{target.Min}–{target.Max}"));
        part.Facts.Add((T("Đã kết nạp trong năm", "Admitted in the year"), admitted.Count.ToString(Inv)
            + (admitted.Count == 0 ? string.Empty : ": " + string.Join(", ", admitted.Select(a => $"{a.FullName} ({Date(a.Date, lang)})")))));
        part.Facts.Add((T("Công nhận đảng viên chính thức trong năm", "Full memberships recognised in the year"), full.Count.ToString(Inv)
            + (full.Count == 0 ? string.Empty : ": " + string.Join(", ", full.Select(a => $"{a.FullName} ({Date(a.Date, lang)})")))));
        if (target is not null)
        {
            part.Facts.Add((T("So với chỉ tiêu", "Against the target"), admitted.Count < target.Min
                ? T($"chưa đạt (thiếu {target.Min - admitted.Count})", $"missed ({target.Min - admitted.Count} short)")
                : T("đạt", "met")));
        }

        var chart = new ReportChart(T($"Kết nạp năm {audit.Year} so với chỉ tiêu", $"Admissions in {audit.Year} against the target")) { ValueLabel = T("Số người", "People") };
        chart.Bars.Add((T("Đã kết nạp", "Admitted"), admitted.Count));
        chart.Bars.Add((T("Công nhận chính thức", "Full memberships"), full.Count));
        if (target is not null)
        {
            chart.Target = (target.Min, target.Max);
            chart.TargetLabel = T($"chỉ tiêu kết nạp {target.Min}–{target.Max}", $"admission target {target.Min}–{target.Max}");
        }

        part.Charts.Add(chart);
        return "II";
    }

    private static string Next(string roman) => roman switch
    {
        "I" => "II",
        "II" => "III",
        "III" => "IV",
        _ => "V",
    };

    /// <summary>
    /// The one place a violation becomes text (issue 14): the rule's title, what was found (its numbers and dates; the rule's wording when the rules state no finding), and the event by kind and
    /// date with its 1-based number; the rule id after the title only with <see cref="ReportOptions.ShowCodes"/>.
    /// </summary>
    private static (string Rule, string Finding, string Event) Violation(AuditViolation v, Language lang, ReportOptions options)
    {
        var rule = (v.Title ?? v.Message).In(lang) + (options.ShowCodes ? $" [{v.Rule}]" : string.Empty);
        var finding = Capitalised(v.Finding is { } found ? found.In(lang) : v.Message.In(lang));
        return (rule, finding, EventText(v.Person, v.Event, v.Date, lang, options));
    }

    private static string OutcomeName(EventKind kind, Language lang) => (kind switch
    {
        EventKind.StruckOff => new LocalizedText("Xóa tên", "Struck off"),
        EventKind.Expelled => new LocalizedText("Khai trừ", "Expelled"),
        EventKind.ExemptionGranted => new LocalizedText("Miễn công tác và sinh hoạt đảng", "Exempted from party work"),
        EventKind.TransferredOut => new LocalizedText("Chuyển sinh hoạt đảng đi nơi khác", "Transferred out"),
        EventKind.ProbationaryStruckOff => new LocalizedText("Xóa tên đảng viên dự bị", "Probationary member struck off"),
        EventKind.RemovedFromSympathizerList => new LocalizedText("Đưa ra khỏi danh sách cảm tình đảng", "Removed from the sympathiser list"),
        EventKind.AdmissionRefused => new LocalizedText("Không được kết nạp", "Admission refused"),
        _ => Labels.Event(kind),
    }).In(lang);
}
