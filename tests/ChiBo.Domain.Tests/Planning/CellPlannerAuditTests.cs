using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using NodaTime;
using Xunit;
using static ChiBo.Tests.Planning.PlanningData;

namespace ChiBo.Tests.Planning;

public class CellPlannerAuditTests
{
    private static readonly LocalDate March = new(2019, 3, 15);

    private static CaseEvent[] WithVote(LocalDate ceremony, int inFavour, int fullMembers) =>
        Upto(Stage.Probationary, ceremony).Select(e => e is CellVoted v ? v with { InFavour = inFavour, FullMembers = fullMembers } : e).ToArray();

    [Fact]
    public void Violations_of_the_year_are_grouped_by_rule_and_by_case_with_their_source()
    {
        var roster = Roster(CellFile(supervisor: new Supervisor("dv-2", "Lê Thị Hồng Vân")),
            Case("a", WithVote(March, 5, 9)),
            Case("b", WithVote(new LocalDate(2019, 9, 20), 6, 12)),
            Case("old", WithVote(new LocalDate(2018, 5, 4), 1, 12)),
            Case("ok", WithVote(March, 8, 12)));

        var audit = Planner(new TwoThirdsRules()).Audit(roster, 2019);
        Assert.Equal(2, audit.ViolationCount);
        var group = Assert.Single(audit.ByRule);
        Assert.Equal("vote.cellTwoThirds", group.Rule);
        Assert.Equal(TwoThirdsRules.Source, group.Source);
        Assert.Equal(2, group.Count);
        Assert.Equal(["a", "b"], group.Violations.Select(v => v.Person.Id));
        Assert.Equal(["a", "b"], audit.ByPerson.Select(p => p.Person.Id));
        var first = audit.ByPerson[0].Violations.Single();
        Assert.Equal(March.PlusDays(-60), first.Date);
        Assert.Equal("2016-qd29", first.RuleSet);
        Assert.Equal("a.case.json", first.Person.File);
        Assert.IsType<CellVoted>(roster.Cases.Single(c => c.Case.Person.Id == "a").Case.Events[first.Event]);
    }

    [Fact]
    public void Without_violations_the_groups_are_empty()
    {
        var audit = Planner(new TwoThirdsRules()).Audit(Roster(CellFile(), Case("ok", Upto(Stage.Probationary, March))), 2019);
        Assert.Equal(0, audit.ViolationCount);
        Assert.Empty(audit.ByRule);
        Assert.Empty(audit.ByPerson);
    }

    [Fact]
    public void A_plan_without_a_supervisor_is_a_finding()
    {
        var audit = Planner().Audit(Roster(CellFile(meetings: EveryMonth())), 2019);
        Assert.Equal(["plan.noSupervisor"], audit.Findings.Select(f => f.Code));
        Assert.Empty(Planner().Audit(Roster(CellFile(supervisor: new Supervisor("x", "X"), meetings: EveryMonth())), 2019).Findings);
    }

    [Fact]
    public void Missed_duty_periods_of_the_year_are_findings()
    {
        var meetings = EveryMonth().Where(m => !(m.Kind == DutyKind.SympathizerListReview && m.Date.Month is 7 or 8)).ToArray();
        var audit = Planner().Audit(Roster(CellFile(supervisor: new Supervisor("x", "X"), meetings: [.. meetings])), 2019);
        var finding = Assert.Single(audit.Findings);
        Assert.Equal("duty.missed", finding.Code);
        Assert.Contains("2 period(s) (07/2019, 08/2019)", finding.Message.En);
    }

    [Fact]
    public void A_period_not_yet_over_is_not_missed()
    {
        var meetings = EveryMonth().Where(m => m.Date.Month < 12).ToArray();
        var audit = Planner().Audit(Roster(CellFile(supervisor: new Supervisor("x", "X"), meetings: [.. meetings])), 2019);
        Assert.Empty(audit.Findings);
        Assert.Single(Planner().Audit(Roster(CellFile(supervisor: new Supervisor("x", "X"), meetings: [.. meetings])), 2019, new LocalDate(2020, 1, 1)).Findings);
    }

    [Fact]
    public void A_vote_recording_another_count_than_the_cell_file_is_a_finding()
    {
        var cell = CellFile(supervisor: new Supervisor("x", "X"), meetings: EveryMonth(), counts: [new(new LocalDate(2018, 1, 1), 12)]);
        var audit = Planner().Audit(Roster(cell, Case("ok", WithVote(March, 10, 12)), Case("odd", WithVote(March, 9, 14))), 2019);
        var finding = Assert.Single(audit.Findings);
        Assert.Equal("vote.fullMembersMismatch", finding.Code);
        Assert.Equal("odd", Assert.Single(finding.People).Id);
        Assert.Contains("records 14 full members; the cell file has 12", finding.Message.En);
    }

    [Fact]
    public void Member_management_outcomes_of_the_year_are_listed_and_counted()
    {
        var full = Upto(Stage.FullMember, new LocalDate(2017, 3, 1));
        var roster = Roster(CellFile(),
            Case("struck", [.. full, new StruckOff(new LocalDate(2019, 9, 20), "bỏ sinh hoạt")]),
            Case("expelled", [.. full, new Expelled(new LocalDate(2019, 10, 1), "vi phạm")]),
            Case("exempt", [.. full, new ExemptionGranted(new LocalDate(2019, 4, 12), "bệnh")]),
            Case("moved", [.. full, new TransferredOut(new LocalDate(2019, 8, 15), "Chi bộ khác")]),
            Case("prob", [.. Upto(Stage.Probationary, March), new ProbationaryStruckOff(new LocalDate(2019, 11, 1), "không đủ tư cách")]),
            Case("removed", [.. Upto(Stage.Sympathizer, March), new RemovedFromSympathizerList(new LocalDate(2019, 5, 10), "vi phạm nội quy")]),
            Case("refused", [.. Upto(Stage.ProposedByCell, March), new AdmissionRefused(new LocalDate(2019, 6, 5), "chưa đủ điều kiện")]),
            Case("old", [.. full, new StruckOff(new LocalDate(2018, 9, 20), "năm trước")]));

        var audit = Planner().Audit(roster, 2019);
        Assert.All(audit.Outcomes, o => Assert.Equal(1, o.Count));
        Assert.Equal(7, audit.Outcomes.Count);
        Assert.Equal(
            ["exempt", "removed", "refused", "moved", "struck", "expelled", "prob"],
            audit.OutcomeList.Select(o => o.Person.Id));
        Assert.Equal("Chi bộ khác", audit.OutcomeList.Single(o => o.Event == EventKind.TransferredOut).Detail);
        Assert.Equal("bỏ sinh hoạt", audit.OutcomeList.Single(o => o.Event == EventKind.StruckOff).Detail);
    }

    [Fact]
    public void Audit_as_of_an_earlier_date_ignores_later_events()
    {
        var full = Upto(Stage.FullMember, new LocalDate(2017, 3, 1));
        var roster = Roster(CellFile(), Case("struck", [.. full, new StruckOff(new LocalDate(2019, 9, 20), "bỏ sinh hoạt")]));
        var audit = Planner().Audit(roster, 2019, new LocalDate(2019, 6, 30));
        Assert.Empty(audit.OutcomeList);
        Assert.Equal(new LocalDate(2019, 6, 30), audit.AsOf);
    }

    private static System.Collections.Immutable.ImmutableArray<CellMeeting> EveryMonth() =>
        [.. Enumerable.Range(1, 12).SelectMany(m => new[]
        {
            new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, m, 10)),
            new CellMeeting(DutyKind.SourceSurvey, new LocalDate(2019, m, 10)),
            new CellMeeting(DutyKind.ReportToSuperior, new LocalDate(2019, m, 10)),
        })];
}
