using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// One fact per rule id per era at its boundary. Each era is exercised on a date it governs: 2016-qd29 in 2019,
/// 2021-qd24 in 2022, 2025-qd232 in 2025 (a vote of 3 June), 2025-qd294 in 2026 (contract: "Rule sets by era").
/// </summary>
public class GateRuleTests
{
    public static TheoryData<string, int> Eras => new() { { "2016-qd29", 2019 }, { "2021-qd24", 2022 }, { "2025-qd232", 2025 }, { "2025-qd294", 2026 } };

    private static LocalDate Vote(int year) => new(year, 6, 3);

    private static List<CaseEvent> Edited(LocalDate vote, System.Action<List<CaseEvent>> edit)
    {
        var events = Cases.Dossier(vote);
        edit(events);
        return events;
    }

    private static Dictionary<string, Evaluation.RuleCheck> Checks(int year, Person? person = null, System.Action<List<CaseEvent>>? edit = null, Cell? cell = null)
    {
        var vote = Vote(year);
        var events = Cases.Dossier(vote);
        edit?.Invoke(events);
        return Cases.AdmissionChecks(person ?? Cases.Person(new LocalDate(year - 25, 1, 10), youthUnionSince: new LocalDate(year - 10, 3, 26)), vote, events, cell);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Complete_dossier_passes_every_admission_rule_but_the_vote_is_pending(string era, int year)
    {
        var vote = Vote(year);
        var history = Cases.History(new CaseFile(Cases.Person(new LocalDate(year - 25, 1, 10), youthUnionSince: new LocalDate(year - 10, 3, 26)), Cases.GrassrootsCell, [.. Cases.Dossier(vote)]), vote);
        var assessment = Cases.Catalog.Assess(history, Gate.CellAdmissionVote, vote);
        Assert.Equal(era, assessment.RuleSet);
        Assert.All(assessment.Checks.Where(c => c.Rule != "vote.cellTwoThirds"), c => Assert.True(c.Passed, c.Rule));
        var voteCheck = assessment.Checks.Single(c => c.Rule == "vote.cellTwoThirds");
        Assert.False(voteCheck.Passed);
        Assert.True(voteCheck.Pending);
    }

    // age.minimum — Quy định 29 §1.1 / 24 §1.1 / 232 §1.1: full 18 years counted in months on the vote day.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Applicant_turning_18_in_the_vote_month_is_eligible_even_before_the_birthday(string era, int year)
    {
        _ = era;
        var born = new LocalDate(year - 18, 6, 20); // vote on the 3rd of June, birthday on the 20th
        Assert.True(Checks(year, Cases.Person(born, youthUnionSince: born.PlusYears(15)))["age.minimum"].Passed);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Applicant_turning_18_the_month_after_the_vote_is_not_eligible(string era, int year)
    {
        _ = era;
        var born = new LocalDate(year - 18, 7, 1);
        Assert.False(Checks(year, Cases.Person(born, youthUnionSince: born.PlusYears(15)))["age.minimum"].Passed);
    }

    // age.maximum: not past full 60 years (720 months) unless ageExceptionApproved.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Applicant_of_exactly_720_months_is_eligible_721_is_not_without_exception(string era, int year)
    {
        _ = era;
        Assert.True(Checks(year, Cases.Person(new LocalDate(year - 60, 6, 30)))["age.maximum"].Passed);
        Assert.False(Checks(year, Cases.Person(new LocalDate(year - 60, 5, 1)))["age.maximum"].Passed);
        Assert.True(Checks(year, Cases.Person(new LocalDate(year - 60, 5, 1)),
            e => e.Add(new AgeExceptionApproved(Vote(year).PlusDays(-10), "Ban Thường vụ Thành ủy")))["age.maximum"].Passed);
    }

    // education.minimum: lower secondary or above, unless the special guidance applies.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Lower_secondary_is_enough_primary_needs_the_exception(string era, int year)
    {
        _ = era;
        var born = new LocalDate(year - 40, 1, 1);
        Assert.True(Checks(year, Cases.Person(born, EducationLevel.LowerSecondary))["education.minimum"].Passed);
        Assert.False(Checks(year, Cases.Person(born, EducationLevel.Primary))["education.minimum"].Passed);
        Assert.True(Checks(year, Cases.Person(born, EducationLevel.Primary),
            e => e.Add(new EducationExceptionApproved(Vote(year).PlusDays(-5), "Ban Bí thư (vùng đặc biệt khó khăn)")))["education.minimum"].Passed);
    }

    // youthUnion.membership — Điều lệ Đảng Art. 4.1: youth age (16–30 full years) where the Youth Union exists.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Youth_of_30_must_be_a_youth_union_member_but_not_at_31_or_without_a_youth_union(string era, int year)
    {
        _ = era;
        var thirty = Cases.Person(new LocalDate(year - 31, 6, 4), youthUnionMember: false); // 30 full years on 3 June
        var thirtyOne = Cases.Person(new LocalDate(year - 31, 6, 3), youthUnionMember: false);
        Assert.False(Checks(year, thirty)["youthUnion.membership"].Passed);
        Assert.True(Checks(year, thirtyOne)["youthUnion.membership"].Passed);
        Assert.True(Checks(year, thirty, cell: Cases.GrassrootsCell with { HasYouthUnion = false })["youthUnion.membership"].Passed);
    }

    // course.certificate: a certificate dated D is valid up to and including the day before D + 60 months.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Certificate_is_valid_on_its_last_day_and_not_the_day_after(string era, int year)
    {
        _ = era;
        var vote = Vote(year);
        void Certificate(List<CaseEvent> e, LocalDate date)
        {
            e.RemoveAll(x => x is AwarenessCourseCompleted);
            e.Insert(2, new AwarenessCourseCompleted(date));
        }

        Assert.True(Checks(year, edit: e => Certificate(e, vote.PlusMonths(-60).PlusDays(1)))["course.certificate"].Passed);
        Assert.False(Checks(year, edit: e => Certificate(e, vote.PlusMonths(-60)))["course.certificate"].Passed);
    }

    [Fact]
    public void Certificate_of_31_August_2019_is_valid_up_to_30_August_2024()
    {
        // Contract: month arithmetic clamps to the month's end; 2019-08-31 + 60 months = 2024-08-31, so the last day is 2024-08-30.
        void Certificate(List<CaseEvent> e)
        {
            e.RemoveAll(x => x is AwarenessCourseCompleted);
            e.Insert(2, new AwarenessCourseCompleted(new LocalDate(2019, 8, 31)));
        }

        var person = Cases.Person(new LocalDate(1990, 1, 1));
        Assert.True(Cases.AdmissionChecks(person, new LocalDate(2024, 8, 30), Edited(new LocalDate(2024, 8, 30), Certificate))["course.certificate"].Passed);
        Assert.False(Cases.AdmissionChecks(person, new LocalDate(2024, 8, 31), Edited(new LocalDate(2024, 8, 31), Certificate))["course.certificate"].Passed);
    }

    // application.submitted, background.verified, comments.collected: the dossier's documents.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Missing_documents_fail_their_rules(string era, int year)
    {
        _ = era;
        var checks = Checks(year, edit: e => e.RemoveAll(x => x is ApplicationSubmitted or CommentsCollected or BackgroundVerified));
        Assert.False(checks["application.submitted"].Passed);
        Assert.False(checks["comments.collected"].Passed);
        Assert.False(checks["background.verified"].Passed);
        Assert.True(checks["age.minimum"].Passed);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Background_with_a_problem_blocks_until_a_later_verification_is_clear(string era, int year)
    {
        _ = era;
        var vote = Vote(year);
        Assert.False(Checks(year, edit: e => e.Add(new BackgroundVerified(vote.PlusDays(-20), BackgroundConclusion.Problem)))["background.verified"].Passed);
        Assert.True(Checks(year, edit: e =>
        {
            e.Add(new BackgroundVerified(vote.PlusDays(-20), BackgroundConclusion.Problem));
            e.Add(new BackgroundVerified(vote.PlusDays(-10), BackgroundConclusion.Clear));
        })["background.verified"].Passed);
    }

    // introducers.count — Điều lệ Đảng Art. 4.2.
    [Theory]
    [MemberData(nameof(Eras))]
    public void One_introducer_needs_the_youth_union_endorsement_for_a_youth(string era, int year)
    {
        _ = era;
        var vote = Vote(year);
        var youth = Cases.Person(new LocalDate(year - 20, 1, 1), youthUnionSince: new LocalDate(year - 5, 3, 26));
        static void OneIntroducer(List<CaseEvent> e) => e.RemoveAll(x => x is IntroducerAssigned { MemberId: "dv-02" });
        Assert.False(Checks(year, youth, OneIntroducer)["introducers.count"].Passed);
        Assert.True(Checks(year, youth, e => { OneIntroducer(e); e.Add(new YouthUnionEndorsed(vote.PlusDays(-40))); })["introducers.count"].Passed);
        Assert.True(Checks(year, youth)["introducers.count"].Passed); // two full members always suffice
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Without_a_youth_union_a_trade_union_member_may_be_introduced_by_the_trade_union(string era, int year)
    {
        _ = era;
        var vote = Vote(year);
        var worker = Cases.Person(new LocalDate(year - 35, 1, 1), tradeUnionSince: new LocalDate(year - 8, 1, 1));
        var noYouthUnion = Cases.GrassrootsCell with { HasYouthUnion = false };
        void OneIntroducerAndTradeUnion(List<CaseEvent> e)
        {
            e.RemoveAll(x => x is IntroducerAssigned { MemberId: "dv-02" });
            e.Add(new TradeUnionEndorsed(vote.PlusDays(-40)));
        }

        Assert.True(Checks(year, worker, OneIntroducerAndTradeUnion, noYouthUnion)["introducers.count"].Passed);
        Assert.False(Checks(year, worker, OneIntroducerAndTradeUnion)["introducers.count"].Passed); // the Youth Union exists
    }

    // introducers.fullMember: measured on the day of the introduction.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Introducer_who_became_a_full_member_after_introducing_fails(string era, int year)
    {
        _ = era;
        var vote = Vote(year);
        var day = vote.PlusDays(-50);
        void Introducer(List<CaseEvent> e, LocalDate fullSince)
        {
            e.RemoveAll(x => x is IntroducerAssigned { MemberId: "dv-02" });
            e.Add(new IntroducerAssigned(day, "dv-02", fullSince, day.PlusYears(-2)));
        }

        Assert.True(Checks(year, edit: e => Introducer(e, day))["introducers.fullMember"].Passed);
        Assert.False(Checks(year, edit: e => Introducer(e, day.PlusDays(1)))["introducers.fullMember"].Passed);
    }

    // introducers.workedTogether — Quy định 24 §3.2.1: at least 12 months, on the day of the introduction.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Introducer_with_exactly_12_months_together_passes_and_one_day_less_fails(string era, int year)
    {
        _ = era;
        var day = Vote(year).PlusDays(-50);
        void Together(List<CaseEvent> e, LocalDate since)
        {
            e.RemoveAll(x => x is IntroducerAssigned { MemberId: "dv-02" });
            e.Add(new IntroducerAssigned(day, "dv-02", new LocalDate(2000, 1, 1), since));
        }

        Assert.True(Checks(year, edit: e => Together(e, day.PlusMonths(-12)))["introducers.workedTogether"].Passed);
        Assert.False(Checks(year, edit: e => Together(e, day.PlusMonths(-12).PlusDays(1)))["introducers.workedTogether"].Passed);
    }

    // vote.cellTwoThirds — Quy định 29 §4.2c: at least two thirds of the cell's full members, compared exactly.
    [Theory]
    [InlineData(6, 9, true)]
    [InlineData(5, 9, false)]
    [InlineData(8, 12, true)]
    [InlineData(7, 12, false)]
    [InlineData(2, 3, true)]
    public void Cell_vote_needs_two_thirds_exactly(int inFavour, int fullMembers, bool passes)
    {
        var vote = new LocalDate(2019, 6, 3);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, inFavour, fullMembers));
        var violations = Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. events]), vote);
        Assert.Equal(passes, !violations.Any(v => v.Rule == "vote.cellTwoThirds"));
        Assert.All(violations, v => Assert.Equal("2016-qd29", v.RuleSet));
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public void Cell_vote_of_6_of_9_passes_and_5_of_9_is_a_violation_in_every_era(string era, int year)
    {
        var vote = Vote(year);
        foreach (var (inFavour, violation) in new[] { (6, false), (5, true) })
        {
            var events = Cases.Dossier(vote);
            events.Add(new CellVoted(vote, VotePurpose.Admission, inFavour, 9));
            var found = Cases.Violations(new CaseFile(Cases.Person(new LocalDate(year - 30, 1, 1)), Cases.GrassrootsCell, [.. events]), vote);
            Assert.Equal(violation, found.Any(v => v.Rule == "vote.cellTwoThirds" && v.RuleSet == era));
        }
    }

    [Fact]
    public void A_failed_vote_followed_by_a_successful_revote_is_not_a_violation()
    {
        var vote = new LocalDate(2019, 6, 3);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 5, 9));
        events.Add(new CellVoted(vote.PlusDays(14), VotePurpose.Admission, 7, 9));
        Assert.Empty(Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. events]), vote.PlusDays(20)));
    }

    // vote.committeeTwoThirds: a subordinate cell's grassroots committee.
    [Theory]
    [InlineData(4, 6, true)]
    [InlineData(3, 6, false)]
    public void Committee_vote_needs_two_thirds(int inFavour, int members, bool passes)
    {
        var vote = new LocalDate(2022, 6, 3);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        events.Add(new GrassrootsCommitteeVoted(vote.PlusDays(10), VotePurpose.Admission, inFavour, members));
        var violations = Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1990, 1, 1)), Cases.SubordinateCell, [.. events]), vote.PlusDays(20));
        Assert.Equal(passes, !violations.Any(v => v.Rule == "vote.committeeTwoThirds"));
        Assert.All(violations, v => Assert.Equal("2021-qd24", v.RuleSet));
    }

    // ceremony.deadline — Quy định 29 §4.1: within 30 working days of receiving the decision, or a delay approved.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Ceremony_on_working_day_30_is_in_time_and_on_day_31_without_approval_is_a_violation(string era, int year)
    {
        // 2025-qd232 was in force only to 30/6/2025: its case votes on 3 February, so that a ceremony 40 days and 31
        // working days later is still judged by it.
        var vote = year == 2025 ? new LocalDate(2025, 2, 3) : Vote(year);
        var received = vote.PlusDays(40);
        var calendar = Cases.Catalog.Calendar;
        var person = Cases.Person(new LocalDate(year - 30, 1, 1));
        var day30 = calendar.AddWorkingDays(received, 30);
        var day31 = calendar.AddWorkingDays(received, 31);
        Assert.Empty(Cases.Violations(new CaseFile(person, Cases.GrassrootsCell, [.. Cases.Admitted(vote, received, day30)]), day30));
        var late = Assert.Single(Cases.Violations(new CaseFile(person, Cases.GrassrootsCell, [.. Cases.Admitted(vote, received, day31)]), day31));
        Assert.Equal(("ceremony.deadline", era), (late.Rule, late.RuleSet));
        var approved = Cases.Admitted(vote, received, day31);
        approved.Insert(approved.Count - 1, new CeremonyDelayApproved(day30.PlusDays(-1)));
        Assert.Empty(Cases.Violations(new CaseFile(person, Cases.GrassrootsCell, [.. approved]), day31));
    }

    [Fact]
    public void Ceremony_check_before_the_ceremony_fails_only_once_the_30_working_days_have_passed()
    {
        var vote = new LocalDate(2019, 6, 3);
        var received = new LocalDate(2019, 8, 20);
        var events = Cases.Admitted(vote, received, received);
        events.RemoveAt(events.Count - 1); // no ceremony yet
        var file = new CaseFile(Cases.Person(new LocalDate(1990, 1, 1)), Cases.GrassrootsCell, [.. events]);
        var due = Cases.Catalog.Calendar.AddWorkingDays(received, 30); // 2019-10-02 (contract example)
        Assert.Equal(new LocalDate(2019, 10, 2), due);
        Assert.True(Cases.Catalog.Assess(Cases.History(file, due), Gate.Ceremony, due).Checks.Single().Passed);
        var after = due.PlusDays(1);
        Assert.False(Cases.Catalog.Assess(Cases.History(file, after), Gate.Ceremony, after).Checks.Single().Passed);
    }

    // probation.completed — Điều lệ Đảng Art. 5: 12 months from the ceremony, clamped to the month's end.
    [Fact]
    public void Probation_from_29_February_2020_is_complete_on_28_February_2021()
    {
        var ceremony = new LocalDate(2020, 2, 29);
        var events = Cases.Admitted(new LocalDate(2019, 12, 2), new LocalDate(2020, 2, 3), ceremony);
        events.Add(new SelfReviewSubmitted(new LocalDate(2021, 2, 1)));
        events.Add(new HelperReviewSubmitted(new LocalDate(2021, 2, 2)));
        CaseFile WithVote(LocalDate day) => new(Cases.Person(new LocalDate(1990, 1, 1)), Cases.GrassrootsCell,
            [.. events, new CellVoted(day, VotePurpose.FullMembership, 10, 12)]);
        Assert.DoesNotContain(Cases.Violations(WithVote(new LocalDate(2021, 2, 28)), new LocalDate(2021, 3, 1)), v => v.Rule == "probation.completed");
        Assert.Contains(Cases.Violations(WithVote(new LocalDate(2021, 2, 27)), new LocalDate(2021, 3, 1)), v => v.Rule == "probation.completed");
    }

    // probation.reviews and fullMembership.reviewDeadline — Quy định 29 §4.2.
    [Theory]
    [MemberData(nameof(Eras))]
    public void Full_membership_vote_needs_both_reviews_and_comes_within_30_working_days(string era, int year)
    {
        var ceremony = new LocalDate(year - 1, 3, 1);
        var events = Cases.Admitted(new LocalDate(year - 2, 12, 2), new LocalDate(year - 1, 2, 1), ceremony);
        var end = ceremony.PlusMonths(12);
        var calendar = Cases.Catalog.Calendar;
        events.Add(new SelfReviewSubmitted(end.PlusDays(-20)));
        CaseFile With(LocalDate day, bool helperReview) => new(Cases.Person(new LocalDate(1990, 1, 1)), Cases.GrassrootsCell,
            [.. events, .. helperReview ? new CaseEvent[] { new HelperReviewSubmitted(end.PlusDays(-10)) } : [], new CellVoted(day, VotePurpose.FullMembership, 10, 12)]);
        var inTime = calendar.AddWorkingDays(end, 30);
        var late = calendar.AddWorkingDays(end, 31);
        Assert.DoesNotContain(Cases.Violations(With(inTime, true), late), v => v.Rule is "probation.completed" or "probation.reviews" or "fullMembership.reviewDeadline");
        Assert.Contains(Cases.Violations(With(late, true), late), v => v.Rule == "fullMembership.reviewDeadline" && v.RuleSet == era);
        Assert.Contains(Cases.Violations(With(inTime, false), late), v => v.Rule == "probation.reviews");
    }

    // Era selection — contract "Rule sets by era": a 2019 vote is judged by 2016-qd29 even when asked in 2026.
    [Fact]
    public void A_2019_vote_is_judged_by_2016_qd29_when_asked_in_2026()
    {
        var vote = new LocalDate(2019, 6, 3);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 5, 9));
        var violation = Assert.Single(Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. events]), new LocalDate(2026, 11, 25)));
        Assert.Equal("2016-qd29", violation.RuleSet);
        Assert.Equal(events.Count - 1, violation.Event);
    }

    [Theory]
    [InlineData("2016-07-24", null)]
    [InlineData("2016-07-25", "2016-qd29")]
    [InlineData("2021-07-29", "2016-qd29")]
    [InlineData("2021-07-30", "2021-qd24")]
    [InlineData("2025-01-19", "2021-qd24")]
    [InlineData("2025-01-20", "2025-qd232")]
    [InlineData("2025-06-30", "2025-qd232")]
    [InlineData("2025-07-01", "2025-qd294")] // the first day of Quy định 294-QĐ/TW, the day the district level went
    [InlineData("2026-11-25", "2025-qd294")]
    public void The_rule_set_in_force_changes_on_its_effective_date(string date, string? id)
    {
        Assert.Equal(id, Cases.Catalog.InForce(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value)?.Id);
    }
}
