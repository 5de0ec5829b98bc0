using System.Linq;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static ChiBo.Tests.TestData;

namespace ChiBo.Tests.Evaluation;

public class CaseDeadlineTests
{
    private static readonly CaseEvaluator Evaluator = new(NoCaseRules.Instance, WorkingDayCalendar.Default);

    private static Deadline? Find(CaseFile caseFile, LocalDate asOf, DeadlineAction action) =>
        Evaluator.Evaluate(caseFile, asOf).Value!.Deadlines.SingleOrDefault(d => d.Action == action);

    private static CaseEvent[] ToDecisionReceived(LocalDate received) =>
    [
        new IdentifiedAsSource(D(2018, 1, 8)),
        new AddedToSympathizerList(D(2018, 1, 15)),
        new AwarenessCourseCompleted(D(2018, 1, 22)),
        new ApplicationSubmitted(D(2018, 1, 29)),
        new CellVoted(D(2018, 10, 1), VotePurpose.Admission, 10, 12),
        new AdmissionDecided(received.PlusDays(-3)),
        new AdmissionDecisionReceived(received),
    ];

    // Quy định 29-QĐ/TW §4.1: the ceremony within 30 working days of receiving the decision. Received Friday
    // 2019-04-19; 29/4 swapped and 30/4–1/5 off, Saturday 4/5 worked (Công văn 6519/VPCP-KGVX): due 2019-06-04.
    [Fact]
    public void Ceremony_held_after_30_working_days_without_approval_is_overdue_then_met_late()
    {
        var staff = LoadSample("staff-past-youth-age.case.json");
        var before = Find(staff, D(2019, 6, 10), DeadlineAction.HoldCeremony)!;
        Assert.Equal(D(2019, 4, 19), before.Start);
        Assert.Equal(D(2019, 6, 4), before.Due);
        Assert.Equal(DeadlineStatus.Overdue, before.Status);
        Assert.Equal("Quy định 29-QĐ/TW (2016), 4.1", before.Source);
        var after = Find(staff, D(2019, 6, 20), DeadlineAction.HoldCeremony)!;
        Assert.Equal(DeadlineStatus.MetLate, after.Status);
        Assert.Equal(D(2019, 6, 14), after.Done);
    }

    [Fact]
    public void Ceremony_on_working_day_30_is_met_and_on_day_31_is_met_late()
    {
        var due = WorkingDayCalendar.Default.AddWorkingDays(D(2019, 4, 19), 30);
        var onTime = Case([.. ToDecisionReceived(D(2019, 4, 19)), new CeremonyHeld(due)]);
        Assert.Equal(DeadlineStatus.Met, Find(onTime, D(2019, 7, 1), DeadlineAction.HoldCeremony)!.Status);
        var late = Case([.. ToDecisionReceived(D(2019, 4, 19)), new CeremonyHeld(WorkingDayCalendar.Default.AddWorkingDays(due, 1))]);
        Assert.Equal(DeadlineStatus.MetLate, Find(late, D(2019, 7, 1), DeadlineAction.HoldCeremony)!.Status);
    }

    [Fact]
    public void Ceremony_with_an_approved_delay_is_not_overdue()
    {
        // Quy định 29-QĐ/TW §4.1: the superior committee may approve a later ceremony.
        var delayed = Case([.. ToDecisionReceived(D(2019, 4, 19)), new CeremonyDelayApproved(D(2019, 5, 20))]);
        Assert.Equal(DeadlineStatus.Pending, Find(delayed, D(2019, 6, 10), DeadlineAction.HoldCeremony)!.Status);
        var held = Case([.. ToDecisionReceived(D(2019, 4, 19)), new CeremonyDelayApproved(D(2019, 5, 20)), new CeremonyHeld(D(2019, 6, 14))]);
        Assert.Equal(DeadlineStatus.Met, Find(held, D(2019, 6, 20), DeadlineAction.HoldCeremony)!.Status);
    }

    [Fact]
    public void Ceremony_due_within_the_next_5_working_days_is_due_soon()
    {
        var pending = Case(ToDecisionReceived(D(2019, 4, 19)));
        Assert.Equal(DeadlineStatus.DueSoon, Find(pending, D(2019, 5, 28), DeadlineAction.HoldCeremony)!.Status); // due 4/6 is working day 5
        Assert.Equal(DeadlineStatus.Pending, Find(pending, D(2019, 5, 27), DeadlineAction.HoldCeremony)!.Status); // working day 6
        Assert.Equal(DeadlineStatus.DueSoon, Find(pending, D(2019, 6, 4), DeadlineAction.HoldCeremony)!.Status); // the due day itself
        Assert.Equal(DeadlineStatus.Overdue, Find(pending, D(2019, 6, 5), DeadlineAction.HoldCeremony)!.Status);
    }

    // Điều lệ Đảng, Art. 5: 12 months of probation, calendar months clamped to the month's end.
    [Fact]
    public void Probation_from_29_February_ends_on_28_February()
    {
        var member = Case([.. ToDecisionReceived(D(2020, 2, 17)), new CeremonyHeld(D(2020, 2, 29))]);
        var probation = Find(member, D(2020, 6, 1), DeadlineAction.ProbationEnds)!;
        Assert.Equal(D(2021, 2, 28), probation.Due);
        Assert.Equal(DeadlineStatus.Pending, probation.Status);
        Assert.Equal(DeadlineStatus.Met, Find(member, D(2021, 3, 1), DeadlineAction.ProbationEnds)!.Status);
        Assert.Equal(Evaluator.Evaluate(member, D(2020, 6, 1)).Value!.Dates.ProbationEnds, probation.Due);
    }

    // Quy định 29-QĐ/TW §4.2: the cell votes within 30 working days after the probation ends. Probation ending on
    // 2019-12-20 meets Tết 2020 (23–29/1, Thông báo 4544/TB-LĐTBXH): due 2020-02-10.
    [Fact]
    public void Full_membership_vote_is_due_30_working_days_after_probation_and_met_by_the_vote()
    {
        var member = Case([.. ToDecisionReceived(D(2018, 12, 3)), new CeremonyHeld(D(2018, 12, 20))]);
        var vote = Find(member, D(2019, 6, 1), DeadlineAction.FullMembershipVote)!;
        Assert.Equal(D(2019, 12, 20), vote.Start);
        Assert.Equal(D(2020, 2, 10), vote.Due);
        var voted = Case([.. ToDecisionReceived(D(2018, 12, 3)), new CeremonyHeld(D(2018, 12, 20)),
            new SelfReviewSubmitted(D(2019, 12, 1)), new CellVoted(D(2020, 2, 11), VotePurpose.FullMembership, 9, 12)]);
        Assert.Equal(DeadlineStatus.MetLate, Find(voted, D(2020, 3, 1), DeadlineAction.FullMembershipVote)!.Status);
    }

    // Contract: a certificate dated D is valid up to and including the day before D + 60 months.
    [Fact]
    public void Certificate_of_2019_08_31_expires_after_2024_08_30_and_is_listed_only_until_the_admission_vote()
    {
        var sympathizer = Case(new IdentifiedAsSource(D(2019, 1, 7)), new AddedToSympathizerList(D(2019, 2, 1)), new AwarenessCourseCompleted(D(2019, 8, 31)));
        var certificate = Find(sympathizer, D(2020, 1, 1), DeadlineAction.CertificateExpires)!;
        Assert.Equal(D(2024, 8, 30), certificate.Due);
        Assert.Equal(DeadlineStatus.Pending, certificate.Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(sympathizer, D(2024, 8, 31), DeadlineAction.CertificateExpires)!.Status);
        Assert.Null(Find(Case(ToDecisionReceived(D(2019, 4, 19))), D(2019, 5, 1), DeadlineAction.CertificateExpires));
    }

    [Fact]
    public void Every_sample_has_sensible_deadlines()
    {
        foreach (var file in SampleFiles)
        {
            var caseFile = CaseFileSerializer.Read(System.IO.File.ReadAllBytes(file), file).GetValueOrThrow();
            var evaluation = Evaluator.Evaluate(caseFile, D(2019, 6, 10)).Value!;
            Assert.All(evaluation.Deadlines, d => Assert.True(d.Due >= d.Start, $"{file}: {d}"));
            Assert.Equal(evaluation.Deadlines.Count, evaluation.Deadlines.Select(d => d.Action).Distinct().Count());
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public Property A_deadline_is_never_before_its_start(CaseFile caseFile) =>
        Prop.ForAll(Gen.Choose(0, 3000).ToArbitrary(), days =>
        {
            var asOf = new LocalDate(2016, 1, 1).PlusDays(days);
            var evaluation = Evaluator.Evaluate(caseFile, asOf).Value!;
            return evaluation.Deadlines.All(d => d.Due >= d.Start
                && (d.Status is DeadlineStatus.Met or DeadlineStatus.MetLate) == d.Done.HasValue
                && (d.Status != DeadlineStatus.Overdue || asOf > d.Due));
        });
}
