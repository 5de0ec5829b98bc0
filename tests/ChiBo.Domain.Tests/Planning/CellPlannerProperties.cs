using System;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static ChiBo.Tests.Planning.PlanningData;

namespace ChiBo.Tests.Planning;

/// <summary>Laws of the planner over rosters of random valid histories (<see cref="Arbitraries.CaseFiles"/>).</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
public class CellPlannerProperties
{
    // The walks start in 2016 and may run to the late 2020s; plan any of those years.
    private static readonly Gen<int> Years = Gen.Choose(2016, 2026);

    private static Roster RosterOf(CaseFile[] cases) =>
        Roster(null, cases.Select((c, i) =>
            new RosterCase($"c{i:000}.case.json", new CaseFile(c.Person with { Id = $"c{i}" }, c.Cell, [.. c.Events]))).ToArray());

    [Property]
    public Property Plan_totals_by_stage_equal_the_roster_cases_by_stage(CaseFile[] cases) =>
        Prop.ForAll(Years.ToArbitrary(), year =>
        {
            var roster = RosterOf(cases);
            var asOf = new LocalDate(year, 12, 31);
            var plan = Planner().Plan(roster, year);
            var expected = roster.Cases.Select(c => CaseLifecycle.Replay(c.Case, asOf).History!.Stage).ToArray();
            return plan.Errors.Count == 0
                && plan.ByStage.Sum(s => s.Count) == roster.Cases.Length
                && Enum.GetValues<Stage>().All(s => plan.ByStage.Single(b => b.Stage == s).Count == expected.Count(e => e == s))
                && plan.Pipeline == expected.Count(s => CellPlanner.PipelineStages.Contains(s));
        });

    [Property]
    public Property Admitted_are_exactly_the_ceremonies_of_the_year(CaseFile[] cases) =>
        Prop.ForAll(Years.ToArbitrary(), year =>
        {
            var roster = RosterOf(cases);
            var plan = Planner().Plan(roster, year);
            var ceremonies = roster.Cases.Count(c => c.Case.Events.OfType<CeremonyHeld>().Any(e => e.Date.Year == year));
            return plan.Admitted.Count == ceremonies
                && plan.Admitted.All(a => a.Date!.Value.Year == year)
                && plan.PriorityGroups.All(g => g.Admitted <= plan.Admitted.Count && g.InPipeline <= plan.Pipeline);
        });

    [Property]
    public Property Audit_outcome_counts_sum_to_the_outcome_list(CaseFile[] cases) =>
        Prop.ForAll(Years.ToArbitrary(), year =>
        {
            var audit = Planner(new TwoThirdsRules()).Audit(RosterOf(cases), year);
            return audit.Outcomes.Sum(o => o.Count) == audit.OutcomeList.Count
                && audit.ByRule.Sum(g => g.Count) == audit.ViolationCount
                && audit.ByPerson.Sum(p => p.Violations.Count) == audit.ViolationCount
                && audit.OutcomeList.All(o => o.Date.Year == year);
        });

    [Property]
    public Property Due_work_is_sorted_by_due_date(CaseFile[] cases) =>
        Prop.ForAll(Years.ToArbitrary(), year =>
        {
            var due = Planner().Due(Roster(CellFile(), [.. RosterOf(cases).Cases]), new LocalDate(year, 6, 15));
            return due.Items.Zip(due.Items.Skip(1)).All(p => p.First.Due <= p.Second.Due) && due.Items.Count >= 3;
        });
}
