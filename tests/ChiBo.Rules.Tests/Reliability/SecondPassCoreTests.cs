using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests.Reliability;

/// <summary>
/// Issue "Reliability, second pass": dates outside the calendar (defect 5), linear facts (defect 8) and a question
/// with no rule set in force (defect 15), each a regression fact that failed before its fix.
/// </summary>
public sealed class SecondPassCoreTests
{
    private static readonly LocalDate Vote = new(2019, 6, 10);

    private static CaseFile Admitted() =>
        new(Cases.Person(new LocalDate(1995, 3, 2)), Cases.GrassrootsCell,
            [.. Cases.Admitted(Vote, new LocalDate(2019, 7, 1), new LocalDate(2019, 7, 20))]);

    private static CaseFile AwaitingCeremony()
    {
        var events = Cases.Admitted(Vote, new LocalDate(2019, 7, 1), new LocalDate(2019, 7, 20));
        events.RemoveAt(events.Count - 1);
        return new CaseFile(Cases.Person(new LocalDate(1995, 3, 2)), Cases.GrassrootsCell, [.. events]);
    }

    // Defect 5: `evaluate --as-of 2101-01-01` threw ArgumentOutOfRangeException from CountWorkingDays.
    [Theory]
    [InlineData("2101-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("9999-12-31")]
    public void An_as_of_date_outside_the_calendar_is_a_typed_error_not_an_exception(string date)
    {
        var asOf = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        foreach (var caseFile in new[] { Admitted(), AwaitingCeremony() })
        {
            var result = new CaseEvaluator(Cases.Catalog).Evaluate(caseFile, asOf);
            Assert.Null(result.Value);
            Assert.Null(result.Rejection);
            Assert.Equal("asOf.outOfRange", result.Error!.Code);
            Assert.Contains("2100", result.Error.Message.En, StringComparison.Ordinal);
            Assert.Contains("2100", result.Error.Message.Vi, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_calendar_s_last_day_is_still_answered()
    {
        var result = new CaseEvaluator(Cases.Catalog).Evaluate(AwaitingCeremony(), WorkingDayCalendar.MaxDate);
        Assert.Null(result.Error);
        Assert.Equal(Stage.AdmissionDecided, result.Value!.Stage);
    }

    [Fact]
    public void The_planner_refuses_an_as_of_date_outside_its_years_as_an_argument_error()
    {
        var planner = new Planning.CellPlanner(new CaseEvaluator(Cases.Catalog));
        var roster = Planning.Roster.Empty;
        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Plan(roster, 2019, new LocalDate(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Audit(roster, 2019, new LocalDate(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Due(roster, new LocalDate(2101, 1, 1)));
    }

    /// <summary>A dossier whose introducers are <paramref name="ids"/> in order (an id repeated is a reassignment).</summary>
    private static CaseFile WithIntroducers(IReadOnlyList<(string Id, int FullMemberYear, int TogetherMonths)> ids)
    {
        var events = Cases.Dossier(Vote).Where(e => e is not IntroducerAssigned).ToList();
        var day = Vote.PlusDays(-50);
        events.AddRange(ids.Select(i => (CaseEvent)new IntroducerAssigned(day, i.Id, new LocalDate(i.FullMemberYear, 1, 1), day.PlusMonths(-i.TogetherMonths))));
        return new CaseFile(Cases.Person(new LocalDate(1995, 3, 2)), Cases.GrassrootsCell, [.. events]);
    }

    /// <summary>The reading of Quy định 24 §3.2.1 written naively: each member's last assignment counts, measured on its day.</summary>
    private static (int Count, bool AllFullMembers, int MinMonths) Reference(IReadOnlyList<(string Id, int FullMemberYear, int TogetherMonths)> ids)
    {
        var day = Vote.PlusDays(-50);
        var last = ids.Select((x, i) => (x, i)).Where(p => !ids.Skip(p.i + 1).Any(l => l.Id == p.x.Id)).Select(p => p.x).ToList();
        return (last.Count,
            last.All(x => new LocalDate(x.FullMemberYear, 1, 1) <= day),
            last.Count == 0 ? 0 : last.Min(x => Facts.GateFactsBuilder.FullMonths(day.PlusMonths(-x.TogetherMonths), day)));
    }

    private static (int Count, bool AllFullMembers, int MinMonths) Built(CaseFile file)
    {
        var (_, facts) = Cases.Catalog.FactsOn(Cases.History(file, Vote), Vote)!.Value;
        return (facts.Introducers.Count, facts.Introducers.AllFullMembers, facts.Introducers.MinMonthsWorkedTogether);
    }

    // Defect 8: the facts of a reassigned introducer, on both paths (on the stack up to 16 introducer events, a set beyond).
    [Property(MaxTest = 200)]
    public bool Introducer_facts_equal_the_naive_reading_for_any_sequence_of_assignments(PositiveInt length, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, length.Get % 40)
            .Select(_ => ($"dv-{random.Next(12)}", random.Next(2000, 2022), random.Next(0, 40)))
            .ToList();
        return Built(WithIntroducers(ids)) == Reference(ids);
    }

    [Fact]
    public void A_member_assigned_again_counts_once_by_the_last_assignment_beyond_the_inline_limit()
    {
        var ids = Enumerable.Range(0, 30).Select(i => ($"dv-{i % 2}", 2005, i < 28 ? 3 : 24)).ToList();
        Assert.Equal((2, true, 24), Built(WithIntroducers(ids)));
    }

    // Defect 8: a valid 4 MB case with ~10,000 distinct introducers took 1.8–2.0 s per evaluation (quadratic).
    // This is a hang guard, not a speed goal (the speed is measured by LargeCaseBenchmarks): 20 evaluations
    // took ≥ 36 s before the fix and take milliseconds now; 30 s is far from both.
    [Fact]
    public async Task A_case_at_the_event_limit_with_distinct_introducers_evaluates_in_linear_time()
    {
        var ids = Enumerable.Range(0, 9_990).Select(i => ($"dv-{i:D5}", 2005, 24)).ToList();
        var file = WithIntroducers(ids);
        var evaluator = new CaseEvaluator(Cases.Catalog);
        var run = Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(9_990, Built(file).Count);
                Assert.True(evaluator.Evaluate(file, Vote).IsEvaluated);
            }
        });
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // Defect 15: a folder holding only the 2025 file answered a 2019 case with `ruleSet: null`, no checks, and no word.
    [Fact]
    public void A_gate_with_no_rule_set_in_force_is_a_warning_in_the_answer()
    {
        var only2025 = RuleCatalog.Create([Cases.Catalog.RuleSets.Single(s => s.Id == "2025-qd232")]).GetValueOrThrow();
        var ahead = new CaseEvaluator(only2025).Evaluate(new CaseFile(Cases.Person(new LocalDate(1995, 3, 2)), Cases.GrassrootsCell, [.. Cases.Dossier(Vote)]), Vote).Value!;
        Assert.Null(ahead.RuleSet);
        var warning = Assert.Single(ahead.Warnings);
        Assert.Equal("ruleSet.noneInForce", warning.Code);
        Assert.Null(warning.Event);
        // Issue 14: the gate and the rule set by their names, not their codes.
        Assert.Contains(ChiBo.Text.Labels.Gate(Gate.CellAdmissionVote).En, warning.Message.En, StringComparison.Ordinal);
        Assert.Contains(only2025.RuleSets[0].Title.Vi, warning.Message.Vi, StringComparison.Ordinal);

        // Every gate the history passed before the first era is named by its event — the cell's vote (index 10), the
        // committee's decision (11, judged by decision.deadline), the ceremony (13) — and the gate ahead (the
        // full-membership vote) has none.
        var passed = new CaseEvaluator(only2025).Evaluate(Admitted(), new LocalDate(2019, 8, 1)).Value!;
        Assert.All(passed.Warnings, w => Assert.Equal("ruleSet.noneInForce", w.Code));
        Assert.Equal([10, 11, 13, null], passed.Warnings.Select(w => w.Event));
        Assert.Contains(ChiBo.Text.Labels.Gate(Gate.FullMembershipVote).En, passed.Warnings[3].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void With_every_era_loaded_an_answer_has_no_warning()
    {
        Assert.Empty(new CaseEvaluator(Cases.Catalog).Evaluate(Admitted(), new LocalDate(2019, 8, 1)).Value!.Warnings);
        Assert.Empty(new CaseEvaluator(Cases.Catalog).Evaluate(AwaitingCeremony(), Vote.PlusDays(30)).Value!.Warnings);
    }
}
