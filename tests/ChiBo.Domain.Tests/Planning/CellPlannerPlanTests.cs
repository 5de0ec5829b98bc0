using System;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using NodaTime;
using Xunit;
using static ChiBo.Tests.Planning.PlanningData;

namespace ChiBo.Tests.Planning;

public class CellPlannerPlanTests
{
    private static readonly LocalDate March = new(2019, 3, 15);

    private static string[] Codes(AdmissionPlan plan) => plan.Warnings.Select(w => w.Code).ToArray();

    [Fact]
    public void Admitted_are_the_ceremonies_of_the_year_on_or_before_the_as_of_date()
    {
        var roster = Roster(CellFile(new AdmissionTarget(2019, 1, 5)),
            Case("last-year", Upto(Stage.Probationary, new LocalDate(2018, 12, 20))),
            Case("march", Upto(Stage.Probationary, March)),
            Case("july", Upto(Stage.Probationary, new LocalDate(2019, 7, 5))),
            Case("next-year", Upto(Stage.Probationary, new LocalDate(2020, 1, 10))));

        var yearEnd = Planner().Plan(roster, 2019);
        Assert.Equal(["march", "july"], yearEnd.Admitted.Select(a => a.Person.Id));
        Assert.Equal([March, new LocalDate(2019, 7, 5)], yearEnd.Admitted.Select(a => a.Date!.Value));
        Assert.Equal(new LocalDate(2019, 12, 31), yearEnd.AsOf);

        var june = Planner().Plan(roster, 2019, new LocalDate(2019, 6, 30));
        Assert.Equal(["march"], june.Admitted.Select(a => a.Person.Id));
    }

    [Fact]
    public void Stage_counts_cover_every_stage_and_total_the_roster()
    {
        var roster = Roster(null,
            Case("p", []),
            Case("s", Upto(Stage.Source, March)),
            Case("y", Upto(Stage.Sympathizer, March)),
            Case("a", Upto(Stage.Applicant, March)),
            Case("c", Upto(Stage.ProposedByCell, March)),
            Case("d", Upto(Stage.AdmissionDecided, March)),
            Case("b", Upto(Stage.Probationary, March)),
            Case("f", Upto(Stage.FullMember, new LocalDate(2017, 3, 1))));

        var plan = Planner().Plan(roster, 2019, March);
        Assert.Equal(Enum.GetValues<Stage>(), plan.ByStage.Select(s => s.Stage));
        Assert.Equal(8, plan.ByStage.Sum(s => s.Count));
        foreach (var stage in new[] { Stage.Prospect, Stage.Source, Stage.Sympathizer, Stage.Applicant, Stage.ProposedByCell, Stage.AdmissionDecided, Stage.Probationary, Stage.FullMember })
        {
            Assert.Equal(1, plan.ByStage.Single(s => s.Stage == stage).Count);
        }

        Assert.Equal(5, plan.Pipeline); // source to admission decided
    }

    [Fact]
    public void Priority_groups_count_admitted_and_pipeline_per_group()
    {
        var cell = CellFile(new AdmissionTarget(2019, 1, 5), priorities: [PriorityGroup.Women, PriorityGroup.Religious],
            unitsWithoutMembers: ["Thư viện"]);
        var roster = Roster(cell,
            Case(Person("teacher-woman", Occupation.Teacher, Sex.Female, youthUnion: true), Upto(Stage.Probationary, March)),
            Case(Person("student", Occupation.Student, youthUnion: true), Upto(Stage.Sympathizer, March)),
            Case(Person("librarian", Occupation.Staff, Sex.Female, unit: "thư viện"), Upto(Stage.Applicant, March)),
            Case(Person("catholic", Occupation.Other, religion: new Religion("Công giáo", ReligiousRole.Follower)), Upto(Stage.Source, March)),
            Case(Person("prospect", Occupation.Student, Sex.Female), []));

        var plan = Planner().Plan(roster, 2019);
        PriorityCount G(PriorityGroup g) => plan.PriorityGroups.Single(p => p.Group == g);
        Assert.Equal(Enum.GetValues<PriorityGroup>(), plan.PriorityGroups.Select(p => p.Group));
        Assert.Equal(new PriorityCount(PriorityGroup.Teacher, false, 1, 0), G(PriorityGroup.Teacher));
        Assert.Equal(new PriorityCount(PriorityGroup.Student, false, 0, 1), G(PriorityGroup.Student));
        Assert.Equal(new PriorityCount(PriorityGroup.Staff, false, 0, 1), G(PriorityGroup.Staff));
        Assert.Equal(new PriorityCount(PriorityGroup.Women, true, 1, 1), G(PriorityGroup.Women)); // the prospect is not in the pipeline
        Assert.Equal(new PriorityCount(PriorityGroup.YouthUnion, false, 1, 1), G(PriorityGroup.YouthUnion));
        Assert.Equal(new PriorityCount(PriorityGroup.Religious, true, 0, 1), G(PriorityGroup.Religious));
        Assert.Equal(new PriorityCount(PriorityGroup.UnitWithoutMembers, false, 0, 1), G(PriorityGroup.UnitWithoutMembers));
        Assert.DoesNotContain("priority.noCandidates", Codes(plan));
    }

    [Fact]
    public void A_priority_group_with_nobody_is_a_warning()
    {
        var cell = CellFile(new AdmissionTarget(2019, 0, 5), priorities: [PriorityGroup.Religious, PriorityGroup.Teacher]);
        var plan = Planner().Plan(Roster(cell, Case("t", Upto(Stage.Sympathizer, March))), 2019);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "priority.noCandidates");
        Assert.Contains("người có đạo", warning.Message.Vi);
        Assert.Contains("religious people", warning.Message.En);
    }

    [Fact]
    public void Target_missed_by_N_at_the_year_end()
    {
        var roster = Roster(CellFile(new AdmissionTarget(2019, 3, 5)), Case("one", Upto(Stage.Probationary, March)));
        var plan = Planner().Plan(roster, 2019);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "target.missed");
        Assert.Contains("missed by 2", warning.Message.En);
        Assert.Contains("thiếu 2", warning.Message.Vi);
        Assert.DoesNotContain("target.atRisk", Codes(plan));
    }

    [Fact]
    public void Target_at_risk_during_the_year_counts_expected_admissions()
    {
        var cell = CellFile(new AdmissionTarget(2019, 3, 5));
        var june = new LocalDate(2019, 6, 30);
        var decided = Case("decided", Upto(Stage.AdmissionDecided, new LocalDate(2019, 7, 20), received: false));
        var one = Case("one", Upto(Stage.Probationary, March));

        var atRisk = Planner().Plan(Roster(cell, one, decided), 2019, june);
        Assert.Contains("target.atRisk", Codes(atRisk));
        Assert.Contains("1 short", atRisk.Warnings.Single(w => w.Code == "target.atRisk").Message.En);
        Assert.Equal(["decided"], atRisk.ExpectedAdmissions.Select(e => e.Person.Id));

        var enough = Planner().Plan(Roster(cell, one, decided, Case("two", Upto(Stage.Probationary, new LocalDate(2019, 5, 10)))), 2019, june);
        Assert.DoesNotContain("target.atRisk", Codes(enough));
        Assert.DoesNotContain("target.missed", Codes(enough));
    }

    [Fact]
    public void Expected_admissions_are_ceremonies_due_within_the_year()
    {
        // Upto(AdmissionDecided) receives the decision 20 days before the given date.
        var inTime = Case("in-time", Upto(Stage.AdmissionDecided, new LocalDate(2019, 10, 20)));
        var nextYear = Case("next-year", Upto(Stage.AdmissionDecided, new LocalDate(2019, 12, 30)));
        var plan = Planner().Plan(Roster(CellFile(new AdmissionTarget(2019, 0, 5)), inTime, nextYear), 2019, new LocalDate(2019, 10, 15));

        var entry = Assert.Single(plan.ExpectedAdmissions);
        Assert.Equal("in-time", entry.Person.Id);
        Assert.Equal(ChiBo.Calendar.WorkingDayCalendar.Default.AddWorkingDays(new LocalDate(2019, 9, 30), 30), entry.Date);
    }

    [Fact]
    public void An_overdue_ceremony_is_a_warning()
    {
        var late = Case("late", Upto(Stage.AdmissionDecided, new LocalDate(2019, 2, 1)));
        var plan = Planner().Plan(Roster(CellFile(new AdmissionTarget(2019, 0, 5)), late), 2019, new LocalDate(2019, 6, 30));
        Assert.Equal(["late"], plan.Warnings.Single(w => w.Code == "deadline.overdue").People.Select(p => p.Id));
        Assert.DoesNotContain("deadline.overdue", Codes(Planner().Plan(Roster(CellFile(new AdmissionTarget(2019, 0, 5)), late), 2019, new LocalDate(2019, 1, 20))));
    }

    [Fact]
    public void Target_exceeded_names_the_admitted()
    {
        var roster = Roster(CellFile(new AdmissionTarget(2019, 0, 1)),
            Case("a", Upto(Stage.Probationary, March)), Case("b", Upto(Stage.Probationary, new LocalDate(2019, 4, 12))));
        var warning = Assert.Single(Planner().Plan(roster, 2019).Warnings, w => w.Code == "target.exceeded");
        Assert.Equal(["a", "b"], warning.People.Select(p => p.Id));
    }

    [Fact]
    public void No_target_or_no_cell_file_is_said()
    {
        Assert.Contains("target.none", Codes(Planner().Plan(Roster(CellFile()), 2019)));
        var noCell = Planner().Plan(Roster(null), 2019);
        Assert.Equal(["cell.noCellFile"], Codes(noCell));
        Assert.Null(noCell.Target);
        Assert.Null(noCell.Cell);
    }

    [Theory]
    [InlineData(new[] { 3, 12, 12 }, true)] // 2 of 3 in December
    [InlineData(new[] { 12, 12 }, true)]
    [InlineData(new[] { 3, 5, 12, 12 }, false)] // exactly half is not "more than half"
    [InlineData(new[] { 12 }, false)] // fewer than ConcentrationMinimumAdmissions
    [InlineData(new[] { 3, 6, 9 }, false)]
    public void Chasing_numbers_heuristic_flags_more_than_half_of_the_ceremonies_in_December(int[] months, bool flagged)
    {
        var cases = months.Select((m, i) => Case($"c{i}", Upto(Stage.Probationary, new LocalDate(2019, m, 2 + i)))).ToArray();
        var plan = Planner().Plan(Roster(CellFile(new AdmissionTarget(2019, 0, 9)), cases), 2019);
        Assert.Equal(flagged, Codes(plan).Contains("admissions.concentratedInLastMonth"));
        if (flagged)
        {
            var warning = plan.Warnings.Single(w => w.Code == "admissions.concentratedInLastMonth");
            Assert.Equal(months.Count(m => m == 12), warning.People.Count);
            Assert.Contains("Chỉ thị 28-CT/TW", warning.Message.Vi);
        }
    }

    [Fact]
    public void The_heuristic_is_documented_in_both_languages()
    {
        Assert.Contains("tháng 12", CellPlanner.ConcentrationHeuristic.Vi);
        Assert.Contains("December", CellPlanner.ConcentrationHeuristic.En);
        Assert.Contains(CellPlanner.ConcentrationMinimumAdmissions.ToString(System.Globalization.CultureInfo.InvariantCulture), CellPlanner.ConcentrationHeuristic.En);
    }

    [Fact]
    public void Sympathisers_and_probationary_members_without_a_helper_are_warned_separately()
    {
        var roster = Roster(CellFile(new AdmissionTarget(2019, 0, 5)),
            Case("sym", Upto(Stage.Sympathizer, March, helper: false)),
            Case("app", Upto(Stage.Applicant, March, helper: false)),
            Case("ok", Upto(Stage.Sympathizer, March)),
            Case("prob", Upto(Stage.Probationary, March, helper: false)),
            Case("source", Upto(Stage.Source, March)),
            Case("full", Upto(Stage.FullMember, new LocalDate(2017, 3, 1), helper: false)));

        var plan = Planner().Plan(roster, 2019);
        Assert.Equal(["app", "sym"], plan.Warnings.Single(w => w.Code == "sympathizer.noHelper").People.Select(p => p.Id));
        Assert.Equal(["prob"], plan.Warnings.Single(w => w.Code == "probationary.noHelper").People.Select(p => p.Id));
    }

    [Fact]
    public void Expected_full_memberships_are_probations_ending_within_the_year()
    {
        var roster = Roster(CellFile(new AdmissionTarget(2019, 0, 5)),
            Case("ends-2019", Upto(Stage.Probationary, new LocalDate(2018, 8, 31))),
            Case("ends-2020", Upto(Stage.Probationary, March)));
        var plan = Planner().Plan(roster, 2019, new LocalDate(2019, 6, 1));
        var entry = Assert.Single(plan.ExpectedFullMemberships);
        Assert.Equal("ends-2019", entry.Person.Id);
        Assert.Equal(new LocalDate(2019, 8, 31), entry.Date);
    }

    [Fact]
    public void A_case_the_lifecycle_rejects_is_an_error_naming_its_file_and_is_not_counted()
    {
        var bad = Case("bad", new CeremonyHeld(March));
        var plan = Planner().Plan(Roster(CellFile(new AdmissionTarget(2019, 0, 5)), bad, Case("ok", Upto(Stage.Source, March))), 2019);
        var error = Assert.Single(plan.Errors);
        Assert.Equal("bad.case.json", error.File);
        Assert.Equal(0, error.EventIndex);
        Assert.Equal(1, plan.ByStage.Sum(s => s.Count));
    }

    [Fact]
    public void Year_out_of_range_is_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Planner().Plan(Roster(null), 1929));
        Assert.Throws<ArgumentNullException>(() => Planner().Plan(null!, 2019));
    }
}
