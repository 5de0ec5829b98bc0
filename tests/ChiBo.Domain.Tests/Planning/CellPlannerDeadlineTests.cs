using System.IO;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Rules;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// The planner takes deadlines from each case's evaluation and never computes them itself: whatever
/// <see cref="CaseEvaluator"/> answers, the due work, the plan and the audit say the same.
/// </summary>
public class CellPlannerDeadlineTests
{
    private static readonly LocalDate YearEnd = new(2019, 12, 31);

    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped);

    private static Roster Demo()
    {
        var dir = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");
        RosterFile Read(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));
        return Roster.Load(Read(Path.Combine(dir, "cell.json")), Directory.GetFiles(dir, "*.case.json").Select(Read));
    }

    private static (RosterCase Case, Deadline Deadline)[] OpenDeadlines(Roster roster, LocalDate asOf) =>
        roster.Cases
            .Select(c => (c, Evaluator.Evaluate(c.Case, asOf).Value!))
            .Where(x => !x.Item2.Stage.IsTerminal())
            .SelectMany(x => x.Item2.Deadlines
                .Where(d => d.Status is DeadlineStatus.Pending or DeadlineStatus.DueSoon or DeadlineStatus.Overdue)
                .Select(d => (x.c, d)))
            .ToArray();

    [Theory]
    [InlineData("2019-06-30")]
    [InlineData("2019-12-31")]
    [InlineData("2020-04-30")]
    public void Due_lists_every_open_deadline_of_every_evaluation(string date)
    {
        var asOf = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var roster = Demo();
        var expected = OpenDeadlines(roster, asOf)
            .Select(x => (x.Case.Case.Person.Id, CellPlanner.JsonName(x.Deadline.Action.ToString()), x.Deadline.Due, x.Deadline.Status, x.Deadline.Source))
            .OrderBy(x => x.ToString())
            .ToArray();
        var due = new CellPlanner(Evaluator).Due(roster, asOf);
        var actual = due.Items.Where(i => i.Kind == DueKind.Deadline)
            .Select(i => (i.Person!.Id, i.Action, i.Due, i.Status, i.Source))
            .OrderBy(x => x.ToString())
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Overdue_deadlines_are_a_plan_warning_and_audit_findings()
    {
        var roster = Demo();
        var overdue = OpenDeadlines(roster, YearEnd).Where(x => x.Deadline.Status == DeadlineStatus.Overdue).ToArray();
        var planner = new CellPlanner(Evaluator);

        var warning = planner.Plan(roster, 2019).Warnings.SingleOrDefault(w => w.Code == "deadline.overdue");
        Assert.Equal(overdue.Select(x => x.Case.Case.Person.Id).Distinct().Order(), (warning?.People ?? []).Select(p => p.Id).Order());

        var findings = planner.Audit(roster, 2019).Findings.Where(f => f.Code == "deadline.overdue").ToArray();
        Assert.Equal(overdue.Length, findings.Length);
    }

    [Fact]
    public void Expected_admissions_take_the_ceremony_deadline_from_the_evaluation()
    {
        var roster = Demo();
        var plan = new CellPlanner(Evaluator).Plan(roster, 2019);
        var entry = Assert.Single(plan.ExpectedAdmissions);
        Assert.Equal("nv-thuvien-01", entry.Person.Id);
        var evaluation = Evaluator.Evaluate(roster.Cases.Single(c => c.Case.Person.Id == "nv-thuvien-01").Case, YearEnd).Value!;
        Assert.Equal(evaluation.Deadlines.Where(d => d.Action == DeadlineAction.HoldCeremony).Select(d => (LocalDate?)d.Due).FirstOrDefault(), entry.Date);
    }

    [Fact]
    public void The_demo_roster_shows_the_planted_violations()
    {
        var audit = new CellPlanner(Evaluator).Audit(Demo(), 2019);
        Assert.Equal(2, audit.ByPerson.Count);
        var person = audit.ByPerson.Single(p => p.Person.Id == "gv-hoa-02");
        Assert.Equal(["vote.cellTwoThirds", "ceremony.deadline"], person.Violations.Select(v => v.Rule));

        // Issue 12: Đoàn Thị Hạnh's exemption (illness, 2019-04-12) was never reported to the superior committee.
        var exempted = audit.ByPerson.Single(p => p.Person.Id == "nv-yte-01");
        Assert.Equal(["exemption.reported"], exempted.Violations.Select(v => v.Rule));
        Assert.Equal(3, audit.ViolationCount);
    }
}
