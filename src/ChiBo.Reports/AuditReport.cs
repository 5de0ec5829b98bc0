using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Text;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    /// <summary>The supervision audit of a year as a report: violations by rule and by case, findings, member outcomes, files not read.</summary>
    /// <param name="audit">The audit (<see cref="CellPlanner.Audit"/>).</param>
    /// <param name="lang">The language of the report.</param>
    /// <returns>The report.</returns>
    public static ReportDocument Audit(SupervisionAudit audit, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        var doc = new ReportDocument(T($"KIỂM TRA, GIÁM SÁT CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM {audit.Year}",
            $"SUPERVISION AUDIT OF PARTY-MEMBER DEVELOPMENT {audit.Year}"));
        Header(doc, audit.Cell, audit.Supervisor, audit.AsOf, lang);

        var byRule = doc.Section(T($"Vi phạm theo quy định ({audit.ViolationCount})", $"Violations by rule ({audit.ViolationCount})"));
        byRule.Empty = T("Không phát hiện vi phạm.", "No violation found.");
        if (audit.ByRule.Count > 0)
        {
            var table = new ReportTable(T("Quy định", "Rule"), T("Số vụ", "Count"), T("Căn cứ", "Source"));
            foreach (var g in audit.ByRule)
            {
                table.Row(Emphasis.Bad, g.Rule, g.Count.ToString(Inv), g.Source);
            }

            byRule.Table = table;
        }

        if (audit.ByPerson.Count > 0)
        {
            var byPerson = doc.Section(T("Vi phạm theo hồ sơ", "Violations by case"));
            var table = new ReportTable(T("Họ và tên", "Name"), T("Quy định", "Rule"), T("Sự kiện", "Event"), T("Ngày", "Date"),
                T("Nội dung", "What"), T("Bộ quy định", "Rule set"));
            foreach (var p in audit.ByPerson)
            {
                foreach (var v in p.Violations)
                {
                    table.Row(p.Person.FullName, v.Rule, "#" + v.Event.ToString(Inv), Date(v.Date), v.Message.In(lang), v.RuleSet);
                }
            }

            byPerson.Table = table;
        }

        var findings = doc.Section(T("Phát hiện khác", "Other findings"));
        findings.Empty = T("Không có.", "None.");
        foreach (var f in audit.Findings)
        {
            findings.Bullets.Add((WarningLine(f, lang), f.Code == "deadline.overdue" ? Emphasis.Bad : Emphasis.Warning));
        }

        var outcomes = doc.Section(T("Công tác quản lý đảng viên trong năm", "Member management in the year"));
        var counts = new ReportTable(T("Hình thức", "Outcome"), T("Mã", "Code"), T("Số lượng", "Count"));
        foreach (var c in audit.Outcomes)
        {
            counts.Row(OutcomeName(c.Event, lang), EventKinds.JsonName(c.Event), c.Count.ToString(Inv));
        }

        outcomes.Table = counts;
        if (audit.OutcomeList.Count > 0)
        {
            var list = doc.Section(T("Chi tiết", "Details"));
            var table = new ReportTable(T("Ngày", "Date"), T("Họ và tên", "Name"), T("Hình thức", "Outcome"), T("Lý do / nơi chuyển đến", "Reason / destination"));
            foreach (var o in audit.OutcomeList)
            {
                table.Row(Date(o.Date), o.Person.FullName, OutcomeName(o.Event, lang), o.Detail ?? string.Empty);
            }

            list.Table = table;
        }

        ScreeningCounts(doc, audit.Screening, audit.Year, lang);
        Errors(doc, audit.Errors, lang);
        return doc;
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
        _ => new LocalizedText(EventKinds.JsonName(kind), EventKinds.JsonName(kind)),
    }).In(lang);
}
