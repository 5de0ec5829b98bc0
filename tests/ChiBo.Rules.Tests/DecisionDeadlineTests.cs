using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// decision.deadline — Quy định 29-QĐ/TW §4.3.1 (the same in every era): the competent committee decides within 60
/// working days of the cell's admission resolution and within 30 of its full-membership resolution; once, in special
/// cases, it may extend by at most 30. A late decision is the superior committee's violation (issue 11 item 3).
/// </summary>
public class DecisionDeadlineTests
{
    public static TheoryData<string, int> Eras => new() { { "2016-qd29", 2019 }, { "2021-qd24", 2022 }, { "2025-qd232", 2025 }, { "2025-qd294", 2026 } };

    // 2025-qd232 ends on 30/6/2025: its vote is early enough for day 61 + 30 to stay in its era.
    private static LocalDate AdmissionVote(int year) => year == 2025 ? new LocalDate(2025, 2, 3) : new LocalDate(year, 3, 2);

    private static ChiBo.Calendar.WorkingDayCalendar Calendar => Cases.Catalog.Calendar;

    private static Person Person(int year) => Cases.Person(new LocalDate(year - 30, 1, 1));

    private static List<CaseEvent> DecidedOn(LocalDate vote, LocalDate decided, params CaseEvent[] before)
    {
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        events.AddRange(before);
        events.Add(new AdmissionDecided(decided, "12-QĐ"));
        return events;
    }

    private static IReadOnlyList<RuleViolation> Violations(int year, List<CaseEvent> events, LocalDate asOf) =>
        Cases.Violations(new CaseFile(Person(year), Cases.GrassrootsCell, [.. events]), asOf);

    [Theory]
    [MemberData(nameof(Eras))]
    public void Admission_decided_on_working_day_60_is_in_time_and_on_day_61_is_the_superiors_violation(string era, int year)
    {
        var vote = AdmissionVote(year);
        var day60 = Calendar.AddWorkingDays(vote, 60);
        var day61 = Calendar.AddWorkingDays(vote, 61);
        Assert.DoesNotContain(Violations(year, DecidedOn(vote, day60), day60), v => v.Rule == "decision.deadline");

        var late = Assert.Single(Violations(year, DecidedOn(vote, day61), day61), v => v.Rule == "decision.deadline");
        Assert.Equal(era, late.RuleSet);
        Assert.Contains("cấp ủy cấp trên", late.Message.Vi);
        Assert.Contains("superior committee", late.Message.En);
        Assert.Contains("60", late.Message.En);
        Assert.Contains("4.3.1", late.Source);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void An_extension_within_30_working_days_moves_the_deadline_and_a_longer_one_does_not_count(string era, int year)
    {
        var vote = AdmissionVote(year);
        var c = Calendar;
        var extended = new DecisionDeadlineExtended(c.AddWorkingDays(vote, 50), DecisionPurpose.Admission, 30);
        Assert.DoesNotContain(Violations(year, DecidedOn(vote, c.AddWorkingDays(vote, 90), extended), c.AddWorkingDays(vote, 90)), v => v.Rule == "decision.deadline");
        var tooLate = Violations(year, DecidedOn(vote, c.AddWorkingDays(vote, 91), extended), c.AddWorkingDays(vote, 91));
        Assert.Equal(era, Assert.Single(tooLate, v => v.Rule == "decision.deadline").RuleSet);

        // 31 working days is above the maximum: the extension does not count at all.
        var tooLong = new DecisionDeadlineExtended(c.AddWorkingDays(vote, 50), DecisionPurpose.Admission, 31);
        Assert.Contains(Violations(year, DecidedOn(vote, c.AddWorkingDays(vote, 61), tooLong), c.AddWorkingDays(vote, 61)), v => v.Rule == "decision.deadline");

        // Once: only the first extension counts.
        var second = new DecisionDeadlineExtended(c.AddWorkingDays(vote, 55), DecisionPurpose.Admission, 30);
        var first = new DecisionDeadlineExtended(c.AddWorkingDays(vote, 50), DecisionPurpose.Admission, 5);
        Assert.Contains(Violations(year, DecidedOn(vote, c.AddWorkingDays(vote, 66), first, second), c.AddWorkingDays(vote, 66)), v => v.Rule == "decision.deadline");
    }

    [Fact]
    public void Before_the_decision_the_gate_check_fails_and_the_deadline_is_overdue_only_from_day_61()
    {
        var vote = new LocalDate(2019, 3, 1);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        var file = new CaseFile(Person(2019), Cases.GrassrootsCell, [.. events]);
        var evaluator = new CaseEvaluator(Cases.Catalog);
        var day60 = Calendar.AddWorkingDays(vote, 60);
        var day61 = Calendar.AddWorkingDays(vote, 61);

        var onDay60 = evaluator.Evaluate(file, day60).Value!;
        Assert.Equal(Gate.AdmissionDecision, onDay60.NextGate);
        Assert.True(onDay60.Checks.Single(c => c.Rule == "decision.deadline").Passed);
        var due = onDay60.Deadlines.Single(d => d.Action == DeadlineAction.DecideAdmission);
        Assert.Equal((vote, day60, DeadlineStatus.DueSoon), (due.Start, due.Due, due.Status));

        var onDay61 = evaluator.Evaluate(file, day61).Value!;
        Assert.False(onDay61.Checks.Single(c => c.Rule == "decision.deadline").Passed);
        Assert.Equal(DeadlineStatus.Overdue, onDay61.Deadlines.Single(d => d.Action == DeadlineAction.DecideAdmission).Status);

        // A refusal also meets it.
        var refused = file.WithEvent(new AdmissionRefused(day60, "chưa đủ tiêu chuẩn"));
        Assert.Equal(DeadlineStatus.Met, evaluator.Evaluate(refused, day61).Value!.Deadlines.Single(d => d.Action == DeadlineAction.DecideAdmission).Status);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Full_membership_decided_on_working_day_30_is_in_time_and_on_day_31_is_the_superiors_violation(string era, int year)
    {
        var c = Calendar;
        var vote = AdmissionVote(year).PlusMonths(-14);
        var received = c.AddWorkingDays(vote, 20);
        var ceremony = c.AddWorkingDays(received, 5);
        var fullVote = c.AddWorkingDays(ceremony.PlusMonths(12), 3);
        List<CaseEvent> Decided(LocalDate decided)
        {
            var events = Cases.Admitted(vote, received, ceremony);
            events.Add(new SelfReviewSubmitted(fullVote.PlusDays(-5)));
            events.Add(new HelperReviewSubmitted(fullVote.PlusDays(-5)));
            events.Add(new CellVoted(fullVote, VotePurpose.FullMembership, 10, 12));
            events.Add(new FullMembershipDecided(decided));
            return events;
        }

        var day30 = c.AddWorkingDays(fullVote, 30);
        var day31 = c.AddWorkingDays(fullVote, 31);
        Assert.DoesNotContain(Violations(year, Decided(day30), day30), v => v.Rule == "decision.deadline");
        var late = Assert.Single(Violations(year, Decided(day31), day31), v => v.Rule == "decision.deadline");
        Assert.Equal(era, late.RuleSet);
        Assert.Contains("superior committee", late.Message.En);
        var deadline = new CaseEvaluator(Cases.Catalog).Evaluate(new CaseFile(Person(year), Cases.GrassrootsCell, [.. Decided(day31)]), day31).Value!
            .Deadlines.Single(d => d.Action == DeadlineAction.DecideFullMembership);
        Assert.Equal((day30, DeadlineStatus.MetLate), (deadline.Due, deadline.Status));
    }
}
