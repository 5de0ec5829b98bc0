using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Rules;
using ChiBo.Serialization;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// Issue 14, item 1, for the reports: the audit's violations, the due items and the overdue findings carry the same facts
/// as the evaluation (title, finding, facts, the event's kind), and the texts the planner writes state facts with
/// Vietnamese dates and no code.
/// </summary>
public class AuditFindingTests
{
    private static readonly string RosterDir = System.IO.Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private static CellPlanner Planner => new(new CaseEvaluator(RuleCatalog.Shipped));

    [Fact]
    public void Audit_of_2019_states_the_vote_count_and_the_late_ceremony_with_their_dates()
    {
        var audit = Planner.Audit(Roster.LoadDirectory(RosterDir), 2019);
        var all = audit.ByPerson.SelectMany(p => p.Violations).ToArray();
        var vote = Assert.Single(all, v => v.Rule == "vote.cellTwoThirds");
        Assert.Equal("8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10", vote.Finding!.Value.Vi);
        Assert.Equal("Tỷ lệ tán thành của chi bộ", vote.Title!.Value.Vi);
        Assert.Equal(EventKind.CellVoted, vote.EventKind);
        Assert.Equal(10, vote.Facts!["vote.needed"]);
        var late = Assert.Single(all, v => v.Rule == "ceremony.deadline");
        Assert.Equal("lễ kết nạp ngày 20/12/2019, quá hạn 57 ngày làm việc so với hạn 02/10/2019 (nhận quyết định ngày 20/08/2019)", late.Finding!.Value.Vi);
        Assert.Equal(EventKind.CeremonyHeld, late.EventKind);
        Assert.All(all, v => Assert.NotNull(v.Finding));
    }

    [Fact]
    public void Overdue_findings_state_the_dates_in_vietnamese_without_codes()
    {
        var audit = Planner.Audit(Roster.LoadDirectory(RosterDir), 2019);
        var overdue = audit.Findings.Where(f => f.Code == "deadline.overdue").ToArray();
        Assert.NotEmpty(overdue);
        foreach (var finding in overdue)
        {
            Assert.NotNull(finding.Deadline);
            Assert.NotNull(finding.Deadline!.WorkingDaysLate);
            Assert.DoesNotMatch(@"\b\d{4}-\d{2}-\d{2}\b", finding.Message.Vi);
            Assert.DoesNotMatch(@"\b[a-z]+[A-Z][A-Za-z]*\b", finding.Message.Vi);
            Assert.Matches(@"so với hạn \d{2}/\d{2}/\d{4}", finding.Message.Vi);
            Assert.Contains("ngày làm việc", finding.Message.Vi, StringComparison.Ordinal);
        }

        Assert.Contains(overdue, f => f.Message.Vi.Contains("Trương Thị Bích Ngọc — Tổ chức lễ kết nạp: chưa tổ chức lễ kết nạp, đã quá hạn 12 ngày làm việc so với hạn 13/12/2019 (nhận quyết định kết nạp ngày 01/11/2019); căn cứ Quy định 29-QĐ/TW (2016), 4.1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plans_overdue_warning_names_each_case_and_its_lateness()
    {
        var plan = Planner.Plan(Roster.LoadDirectory(RosterDir), 2019);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "deadline.overdue");
        Assert.Contains("Trương Thị Bích Ngọc — Tổ chức lễ kết nạp: chưa tổ chức lễ kết nạp, đã quá hạn 12 ngày làm việc", warning.Message.Vi, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[a-z]+[A-Z][A-Za-z]*\b", warning.Message.Vi);
    }

    [Fact]
    public void Due_items_carry_the_deadline_start_lateness_and_finding()
    {
        var due = Planner.Due(Roster.LoadDirectory(RosterDir), new LocalDate(2019, 12, 31));
        var ceremony = Assert.Single(due.Items, i => i.Action == "holdCeremony" && i.Status == DeadlineStatus.Overdue);
        Assert.Equal(new LocalDate(2019, 11, 1), ceremony.Start);
        Assert.Equal(EventKind.AdmissionDecisionReceived, ceremony.StartEvent);
        Assert.Equal(12, ceremony.WorkingDaysLate);
        Assert.Contains("quá hạn 12 ngày làm việc", ceremony.Finding!.Value.Vi, StringComparison.Ordinal);
        Assert.All(due.Items.Where(i => i.Kind == DueKind.Deadline), i => Assert.NotNull(i.Finding));
        Assert.All(due.Items.Where(i => i.Kind == DueKind.Duty), i => Assert.Null(i.Finding));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(due, ChiBoJson.Options));
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("action").GetString() == "holdCeremony" && i.GetProperty("status").GetString() == "overdue");
        Assert.Equal(12, item.GetProperty("workingDaysLate").GetInt32());
        Assert.Equal("2019-11-01", item.GetProperty("start").GetString());
    }

    [Fact]
    public void A_vote_whose_count_disagrees_with_the_cell_file_is_named_by_its_date_and_kind()
    {
        var audit = Planner.Audit(Roster.LoadDirectory(RosterDir), 2019);
        foreach (var mismatch in audit.Findings.Where(f => f.Code == "vote.fullMembersMismatch"))
        {
            Assert.Matches(new Regex(@"chi bộ biểu quyết ngày \d{2}/\d{2}/\d{4} \(sự kiện thứ \d+ của hồ sơ\)"), mismatch.Message.Vi);
            Assert.DoesNotContain("#", mismatch.Message.Vi, StringComparison.Ordinal);
        }
    }
}
