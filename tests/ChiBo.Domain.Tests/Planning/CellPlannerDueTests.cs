using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using NodaTime;
using Xunit;
using static ChiBo.Tests.Planning.PlanningData;

namespace ChiBo.Tests.Planning;

public class CellPlannerDueTests
{
    private static readonly LocalDate AsOf = new(2019, 5, 15);

    private static DueItem Duty(DueWork due, DutyKind kind) =>
        due.Items.Single(i => i.Kind == DueKind.Duty && i.Action == CellPlanner.JsonName(kind.ToString()));

    private static DueWork DueWith(LocalDate asOf, params CellMeeting[] meetings) =>
        Planner().Due(Roster(CellFile(meetings: [.. meetings])), asOf);

    [Fact]
    public void A_duty_held_in_the_current_period_is_next_due_at_the_end_of_the_next_period()
    {
        var due = DueWith(AsOf, new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 5, 10)));
        var item = Duty(due, DutyKind.SympathizerListReview);
        Assert.Equal(new LocalDate(2019, 6, 30), item.Due);
        Assert.Equal(DeadlineStatus.Pending, item.Status);
        Assert.Equal(new LocalDate(2019, 5, 10), item.LastDone);
        Assert.Null(item.Person);
        Assert.Contains("Chỉ thị 28-CT/TW", item.Source);
    }

    [Fact]
    public void A_duty_held_in_the_previous_period_only_is_due_at_the_end_of_the_current_one()
    {
        var due = DueWith(AsOf, new CellMeeting(DutyKind.SourceSurvey, new LocalDate(2019, 3, 15)));
        var item = Duty(due, DutyKind.SourceSurvey);
        Assert.Equal(new LocalDate(2019, 6, 30), item.Due);
        Assert.Equal(DeadlineStatus.Pending, item.Status);
    }

    [Fact]
    public void A_duty_whose_previous_period_passed_without_a_meeting_is_overdue()
    {
        var due = DueWith(AsOf, new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 3, 8)));
        var item = Duty(due, DutyKind.SympathizerListReview);
        Assert.Equal(new LocalDate(2019, 4, 30), item.Due);
        Assert.Equal(DeadlineStatus.Overdue, item.Status);
        Assert.Equal(new LocalDate(2019, 3, 8), item.LastDone);
    }

    [Fact]
    public void A_duty_never_held_is_overdue_since_the_previous_period()
    {
        var item = Duty(DueWith(AsOf), DutyKind.ReportToSuperior);
        Assert.Equal(new LocalDate(2018, 12, 31), item.Due);
        Assert.Equal(DeadlineStatus.Overdue, item.Status);
        Assert.Null(item.LastDone);
    }

    [Fact]
    public void Meetings_after_the_as_of_date_are_ignored()
    {
        var due = DueWith(AsOf,
            new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 4, 12)),
            new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 5, 20)));
        var item = Duty(due, DutyKind.SympathizerListReview);
        Assert.Equal(new LocalDate(2019, 5, 31), item.Due);
        Assert.Equal(new LocalDate(2019, 4, 12), item.LastDone);
    }

    [Theory]
    [InlineData("2019-12-24", DeadlineStatus.DueSoon)] // 25, 26, 27, 30, 31: the due day is the 5th working day
    [InlineData("2019-12-23", DeadlineStatus.Pending)] // the due day is the 6th
    [InlineData("2019-12-31", DeadlineStatus.DueSoon)] // due today
    public void A_duty_is_due_soon_within_5_working_days_the_due_day_included(string asOf, DeadlineStatus status)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value;
        var due = DueWith(date, new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 11, 8)));
        var item = Duty(due, DutyKind.SympathizerListReview);
        Assert.Equal(new LocalDate(2019, 12, 31), item.Due);
        Assert.Equal(status, item.Status);
    }

    [Fact]
    public void Tet_days_off_are_not_working_days_for_due_soon()
    {
        // Tết 2020: 23–29 January off. From Tuesday 21 January the 5th working day is 4 February, so a duty due on
        // 31 January is due soon; counting Monday to Friday only, it would still be pending.
        var due = DueWith(new LocalDate(2020, 1, 21), new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 12, 6)));
        var item = Duty(due, DutyKind.SympathizerListReview);
        Assert.Equal(new LocalDate(2020, 1, 31), item.Due);
        Assert.Equal(DeadlineStatus.DueSoon, item.Status);
    }

    [Fact]
    public void Only_the_cell_files_duties_are_listed()
    {
        var cell = CellFile(duties: [new PeriodicDuty(DutyKind.ReportToSuperior, 12)],
            meetings: [new CellMeeting(DutyKind.ReportToSuperior, new LocalDate(2018, 12, 20))]);
        var item = Assert.Single(Planner().Due(Roster(cell), AsOf).Items);
        Assert.Equal("reportToSuperior", item.Action);
        Assert.Equal(new LocalDate(2019, 12, 31), item.Due);
    }

    [Fact]
    public void Without_a_cell_file_there_are_no_duties()
    {
        var due = Planner().Due(Roster(null, Case("s", Upto(Stage.Source, AsOf))), AsOf);
        Assert.Empty(due.Items);
        Assert.Null(due.Cell);
    }

    [Fact]
    public void Items_are_sorted_by_due_date()
    {
        var due = DueWith(AsOf, new CellMeeting(DutyKind.SympathizerListReview, new LocalDate(2019, 5, 10)));
        Assert.Equal(due.Items.OrderBy(i => i.Due), due.Items);
        Assert.Equal(3, due.Items.Count);
    }

    [Fact]
    public void Unreadable_cases_are_reported()
    {
        var due = Planner().Due(Roster(CellFile(), Case("bad", new CeremonyHeld(AsOf))), AsOf);
        Assert.Equal("bad.case.json", Assert.Single(due.Errors).File);
    }
}
