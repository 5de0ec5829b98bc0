using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 12, the answer's <c>standing</c> for probationary and full members: <c>standing.attendance</c> (3 distinct
/// months in a calendar year, the as-of year and the one before), <c>standing.yearlyRating</c> (two years in a row rated
/// notFulfilled — a reading), <c>standing.partyCard</c>; each rule of every era passes and fails at least once here.
/// </summary>
public class MemberStandingTests
{
    private static readonly CaseEvaluator Evaluator = new(Cases.Catalog);

    /// <summary>A woman born 1965-04-10, full member from 2020-08-05 (ceremony 2019-07-15), then <paramref name="member"/>.</summary>
    internal static CaseFile FullMember(IEnumerable<CaseEvent> member, Person? person = null)
    {
        var events = Cases.Admitted(new LocalDate(2019, 6, 3), new LocalDate(2019, 7, 1), new LocalDate(2019, 7, 15));
        events.Add(new SelfReviewSubmitted(new LocalDate(2020, 7, 1)));
        events.Add(new HelperReviewSubmitted(new LocalDate(2020, 7, 1)));
        events.Add(new CellVoted(new LocalDate(2020, 7, 20), VotePurpose.FullMembership, 10, 12));
        events.Add(new FullMembershipDecided(new LocalDate(2020, 8, 5)));
        events.AddRange(member);
        return new CaseFile(person ?? Cases.Person(new LocalDate(1965, 4, 10), EducationLevel.University), Cases.GrassrootsCell, [.. events]);
    }

    private static MeetingMissed Missed(int year, int month, bool excused = false) =>
        new(new YearMonth(year, month).OnDayOfMonth(1).PlusMonths(1).PlusDays(-1), new YearMonth(year, month), excused);

    private static DuesUnpaid Unpaid(int year, int month) => new(new YearMonth(year, month).OnDayOfMonth(1).PlusMonths(1).PlusDays(-1), new YearMonth(year, month));

    private static YearlyRating Rated(int year, MemberRating rating) => new(new LocalDate(year, 12, 20), year, rating);

    private static Dictionary<string, RuleCheck> Standing(CaseFile file, LocalDate asOf)
    {
        var evaluation = Evaluator.Evaluate(file, asOf).GetValueOrThrow();
        Assert.NotNull(evaluation.Standing);
        return evaluation.Standing!.ToDictionary(c => c.Rule);
    }

    // The "done when": unexcused absences in February and May, unpaid dues in September 2024, as of 2024-12-01.
    [Fact]
    public void Absences_in_February_and_May_and_dues_unpaid_in_September_fail_attendance_naming_the_months()
    {
        var check = Standing(FullMember([Missed(2024, 2), Missed(2024, 5), Unpaid(2024, 9)]), new LocalDate(2024, 12, 1))["standing.attendance"];
        Assert.False(check.Passed);
        Assert.Equal("Điều lệ Đảng (2011), Điều 8; Quy định 24-QĐ/TW (2021), 8.1", check.Source);
        Assert.Contains("3 tháng trong năm", check.Message.Vi);
        Assert.Equal("bỏ sinh hoạt tháng 2, 5 và không đóng đảng phí tháng 9 năm 2024 (3 tháng)", check.Detail!.Value.Vi);
        Assert.Equal("missed meetings in February and May and did not pay dues in September 2024 (3 months)", check.Detail!.Value.En);
    }

    [Fact]
    public void The_same_with_one_absence_excused_passes()
    {
        var check = Standing(FullMember([Missed(2024, 2), Missed(2024, 5, excused: true), Unpaid(2024, 9)]), new LocalDate(2024, 12, 1))["standing.attendance"];
        Assert.True(check.Passed);
        Assert.Equal("bỏ sinh hoạt tháng 2 và không đóng đảng phí tháng 9 năm 2024 (2 tháng)", check.Detail!.Value.Vi);
    }

    // Boundary: 2 months pass, 3 fail (params.strikeOffMonthsInYear = 3 in every era).
    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Two_months_pass_three_fail(int months, bool passes)
    {
        var events = Enumerable.Range(1, months).Select(m => (CaseEvent)Missed(2023, m * 3));
        Assert.Equal(passes, Standing(FullMember(events), new LocalDate(2023, 12, 31))["standing.attendance"].Passed);
    }

    // A month with both a missed meeting and unpaid dues counts once ("the same month counted once").
    [Fact]
    public void A_month_with_both_a_missed_meeting_and_unpaid_dues_counts_once()
    {
        var check = Standing(FullMember([Missed(2023, 3), Unpaid(2023, 3), Missed(2023, 7), Unpaid(2023, 7)]), new LocalDate(2023, 12, 1))["standing.attendance"];
        Assert.True(check.Passed);
        Assert.Contains("(2 tháng)", check.Detail!.Value.Vi);
    }

    // Across a year boundary: November and December 2023 and January 2024 are 2 + 1 months, in two calendar years.
    [Fact]
    public void Three_months_across_a_year_boundary_are_not_three_months_in_a_year()
    {
        var check = Standing(FullMember([Missed(2023, 11), Missed(2023, 12), Missed(2024, 1)]), new LocalDate(2024, 3, 1))["standing.attendance"];
        Assert.True(check.Passed);
        Assert.Equal("bỏ sinh hoạt tháng 11, 12 năm 2023 (2 tháng); bỏ sinh hoạt tháng 1 năm 2024 (1 tháng)", check.Detail!.Value.Vi);
    }

    // The year before the as-of year counts; two years before does not.
    [Theory]
    [InlineData(2024, 6, false)]
    [InlineData(2025, 6, true)]
    public void Three_months_of_the_year_before_fail_two_years_before_do_not(int asOfYear, int asOfMonth, bool passes)
    {
        var file = FullMember([Missed(2023, 2), Unpaid(2023, 4), Missed(2023, 10)]);
        Assert.Equal(passes, Standing(file, new LocalDate(asOfYear, asOfMonth, 1))["standing.attendance"].Passed);
    }

    // A meeting missed while exempt from party activities (Quy định 24 §7.1) does not count.
    [Fact]
    public void Meetings_missed_while_exempt_do_not_count()
    {
        var exempt = new ExemptionGranted(new LocalDate(2023, 1, 10), "sức khỏe", ExemptionGrounds.Illness, MedicalCertificate: true);
        var file = FullMember([exempt, Missed(2023, 2), Missed(2023, 3), Missed(2023, 4), new ExemptionEnded(new LocalDate(2023, 5, 5), "khỏe lại"), Missed(2023, 6)]);
        Assert.True(Standing(file, new LocalDate(2023, 12, 1))["standing.attendance"].Passed);
    }

    [Fact]
    public void Two_years_in_a_row_rated_notFulfilled_fail_the_yearly_rating_naming_the_years()
    {
        var check = Standing(FullMember([Rated(2021, MemberRating.NotFulfilled), Rated(2022, MemberRating.NotFulfilled)]), new LocalDate(2023, 2, 1))["standing.yearlyRating"];
        Assert.False(check.Passed);
        Assert.Equal("xếp loại không hoàn thành nhiệm vụ 2 năm liền: 2021, 2022", check.Detail!.Value.Vi);
        Assert.Equal("rated \"not fulfilled\" 2 years in a row: 2021 and 2022", check.Detail!.Value.En);
        Assert.Contains("A reading", RuleFiles.Text("2021-qd24"));
    }

    // Ratings not in a row: a good year, or a year without a rating, between two notFulfilled years breaks the run.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ratings_not_in_a_row_pass(bool goodYearBetween)
    {
        CaseEvent[] ratings = goodYearBetween
            ? [Rated(2021, MemberRating.NotFulfilled), Rated(2022, MemberRating.Good), Rated(2023, MemberRating.NotFulfilled)]
            : [Rated(2021, MemberRating.NotFulfilled), Rated(2023, MemberRating.NotFulfilled)];
        var check = Standing(FullMember(ratings), new LocalDate(2024, 2, 1))["standing.yearlyRating"];
        Assert.True(check.Passed);
        Assert.Contains("not in a row", check.Detail!.Value.En);
    }

    // A later rating of the same year replaces the earlier one (a correction).
    [Fact]
    public void A_corrected_rating_replaces_the_earlier_one()
    {
        var file = FullMember([Rated(2021, MemberRating.NotFulfilled), Rated(2022, MemberRating.NotFulfilled), new YearlyRating(new LocalDate(2023, 1, 15), 2022, MemberRating.Fulfilled)]);
        Assert.False(Standing(file, new LocalDate(2023, 1, 1))["standing.yearlyRating"].Passed);
        Assert.True(Standing(file, new LocalDate(2023, 1, 20))["standing.yearlyRating"].Passed);
    }

    [Fact]
    public void A_returned_party_card_fails_naming_the_day()
    {
        var file = FullMember([new PartyCardReturned(new LocalDate(2024, 3, 4))]);
        Assert.True(Standing(file, new LocalDate(2024, 3, 3))["standing.partyCard"].Passed);
        var check = Standing(file, new LocalDate(2024, 3, 4))["standing.partyCard"];
        Assert.False(check.Passed);
        Assert.Equal("tự ý trả thẻ đảng viên ngày 04/03/2024", check.Detail!.Value.Vi);
    }

    // Every standing rule of every era passes and fails (each era's source cited): as of a date in each era.
    [Theory]
    [InlineData(2021, "2016-qd29", "Quy định 29-QĐ/TW (2016), 8.1")]
    [InlineData(2023, "2021-qd24", "Quy định 24-QĐ/TW (2021), 8.1")]
    [InlineData(2025, "2025-qd232", "Quy định 232-QĐ/TW (2025), 8.1")]
    [InlineData(2026, "2025-qd294", "Quy định 294-QĐ/TW (2025), 8.1")]
    public void Every_standing_rule_of_every_era_passes_and_fails(int year, string ruleSet, string source)
    {
        var asOf = year switch { 2021 => new LocalDate(2021, 6, 30), 2025 => new LocalDate(2025, 5, 30), _ => new LocalDate(year, 12, 30) };
        var clean = Evaluator.Evaluate(FullMember([]), asOf).GetValueOrThrow();
        Assert.Equal(ruleSet, clean.RuleSet);
        Assert.Equal(["standing.attendance", "standing.yearlyRating", "standing.partyCard"], clean.Standing!.Select(c => c.Rule));
        Assert.All(clean.Standing!, c => Assert.True(c.Passed, c.Rule));
        Assert.All(clean.Standing!, c => Assert.Contains(source, c.Source));

        var bad = FullMember([Rated(year - 2, MemberRating.NotFulfilled), Rated(year - 1, MemberRating.NotFulfilled),
            Missed(year, 1), Unpaid(year, 2), Missed(year, 3), new PartyCardReturned(new LocalDate(year, 4, 1))]);
        Assert.All(Evaluator.Evaluate(bad, asOf).GetValueOrThrow().Standing!, c => Assert.False(c.Passed, c.Rule));
    }

    [Fact]
    public void A_probationary_member_has_standing_and_a_sympathiser_none()
    {
        var probationary = Cases.Admitted(new LocalDate(2019, 6, 3), new LocalDate(2019, 7, 1), new LocalDate(2019, 7, 15));
        probationary.AddRange([Missed(2019, 8), Missed(2019, 9), Unpaid(2019, 10)]);
        var file = new CaseFile(Cases.Person(new LocalDate(1995, 1, 1)), Cases.GrassrootsCell, [.. probationary]);
        var evaluation = Evaluator.Evaluate(file, new LocalDate(2019, 11, 1)).GetValueOrThrow();
        Assert.Equal(Stage.Probationary, evaluation.Stage);
        Assert.False(evaluation.Standing!.Single(c => c.Rule == "standing.attendance").Passed);

        var sympathiser = Evaluator.Evaluate(new CaseFile(Cases.Person(new LocalDate(1995, 1, 1)), Cases.GrassrootsCell, [new AddedToSympathizerList(new LocalDate(2019, 1, 1))]), new LocalDate(2019, 11, 1)).GetValueOrThrow();
        Assert.Null(sympathiser.Standing);
        Assert.DoesNotContain("\"standing\"", JsonSerializer.Serialize(sympathiser, ChiBoJson.Options));
        Assert.Contains("\"standing\"", JsonSerializer.Serialize(evaluation, ChiBoJson.Options));
        Assert.Contains("\"detail\"", JsonSerializer.Serialize(evaluation, ChiBoJson.Options));
    }

    // An official can change "3 months": an edited rule set with strikeOffMonthsInYear = 2 fails two months.
    [Fact]
    public void An_official_can_change_the_three_months()
    {
        var node = RuleFiles.Node("2021-qd24");
        node["parameters"]!["strikeOffMonthsInYear"]!["value"] = 2;
        var catalog = RuleCatalog.Create([RuleFiles.Load(node).GetValueOrThrow()]).GetValueOrThrow();
        var evaluation = new CaseEvaluator(catalog).Evaluate(FullMember([Missed(2023, 2), Missed(2023, 5)]), new LocalDate(2023, 12, 1)).GetValueOrThrow();
        var check = evaluation.Standing!.Single(c => c.Rule == "standing.attendance");
        Assert.False(check.Passed);
        Assert.Contains("2 tháng trong năm", check.Message.Vi);
    }

    // ... or switch the reading of "hai năm liền": not in a row.
    [Fact]
    public void An_official_can_switch_the_reading_of_two_years_in_a_row()
    {
        var node = RuleFiles.Node("2021-qd24");
        RuleFiles.RuleOf(node, "memberStanding", "standing.yearlyRating")["Expression"] = "standing.notFulfilledYears < params.strikeOffNotFulfilledYears";
        var catalog = RuleCatalog.Create([RuleFiles.Load(node).GetValueOrThrow()]).GetValueOrThrow();
        var file = FullMember([Rated(2021, MemberRating.NotFulfilled), Rated(2022, MemberRating.Good), Rated(2023, MemberRating.NotFulfilled)]);
        Assert.False(new CaseEvaluator(catalog).Evaluate(file, new LocalDate(2024, 1, 10)).GetValueOrThrow().Standing!.Single(c => c.Rule == "standing.yearlyRating").Passed);
    }

    [Fact]
    public void A_member_workflow_name_twice_or_misspelt_is_refused()
    {
        var node = RuleFiles.Node("2021-qd24");
        var workflows = node["workflows"]!.AsArray();
        workflows.Add(workflows.Single(w => (string?)w!["WorkflowName"] == "memberStanding")!.DeepClone());
        Assert.Contains(RuleFiles.Load(node).Errors, e => e.Code == "workflow.duplicate" && e.Workflow == "memberStanding");

        var typo = RuleFiles.Node("2021-qd24");
        typo["workflows"]!.AsArray().Single(w => (string?)w!["WorkflowName"] == "memberStanding")!["WorkflowName"] = "memberstanding";
        var error = Assert.Single(RuleFiles.Load(typo).Errors);
        Assert.Equal("workflow.unknownGate", error.Code);
        Assert.Contains("memberStanding, exemption", error.Message);
    }

    // Property: adding an excused absence never changes (so never fails) a member's standing.
    [Property(MaxTest = 200, Replay = "(20261201,20261203)")]
    public Property Adding_an_excused_absence_never_fails_standing(PositiveInt seed)
    {
        var (file, asOf) = RandomMember(seed.Get);
        var random = new System.Random(seed.Get);
        var month = new YearMonth(asOf.Year - random.Next(0, 2), random.Next(1, 13));
        var recorded = month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        recorded = recorded > asOf ? asOf : recorded;
        if (month.CompareTo(new YearMonth(recorded.Year, recorded.Month)) > 0)
        {
            month = new YearMonth(recorded.Year, recorded.Month);
        }

        var before = Evaluator.Evaluate(file, asOf).GetValueOrThrow().Standing!;
        var after = Evaluator.Evaluate(file.WithEvent(new MeetingMissed(recorded, month, Excused: true)), asOf).GetValueOrThrow().Standing!;
        return before.Zip(after).All(p => p.First.Passed == p.Second.Passed && (!p.First.Passed || p.Second.Passed)).Label($"seed {seed.Get}, as of {asOf}");
    }

    // Property: the answer for a member never depends on events dated after the "as of" date.
    [Property(MaxTest = 200, Replay = "(20261202,20261205)")]
    public Property The_answer_never_depends_on_events_after_the_as_of_date(PositiveInt seed)
    {
        var (file, asOf) = RandomMember(seed.Get);
        var random = new System.Random(seed.Get ^ 0x5bd1e995);
        var later = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
        {
            var on = asOf.PlusDays(random.Next(1, 800));
            var month = new YearMonth(on.Year, on.Month);
            return (CaseEvent)(random.Next(6) switch
            {
                0 => new MeetingMissed(on, month, random.Next(2) == 0),
                1 => new DuesUnpaid(on, month),
                2 => new YearlyRating(on, on.Year, (MemberRating)random.Next(4)),
                3 => new PartyCardReturned(on),
                4 => new ExemptionGranted(on, "tuổi cao", ExemptionGrounds.OldAge),
                _ => new StruckOff(on, "bỏ sinh hoạt"),
            });
        }).ToArray();
        string Answer(CaseFile f) => JsonSerializer.Serialize(Evaluator.Evaluate(f, asOf).GetValueOrThrow(), ChiBoJson.Options);
        return (Answer(file) == Answer(file.WithEvents([.. file.Events, .. later]))).Label($"seed {seed.Get}, as of {asOf}");
    }

    /// <summary>A full member with random member-phase events between 2021 and 2026, and an "as of" date after them.</summary>
    private static (CaseFile File, LocalDate AsOf) RandomMember(int seed)
    {
        var random = new System.Random(seed);
        var events = new List<CaseEvent>();
        var date = new LocalDate(2021, 1, 1);
        for (var i = random.Next(0, 25); i > 0; i--)
        {
            date = date.PlusDays(random.Next(5, 90));
            var month = new YearMonth(date.Year, date.Month);
            events.Add(random.Next(5) switch
            {
                0 or 1 => new MeetingMissed(date, month, random.Next(3) == 0),
                2 => new DuesUnpaid(date, month),
                3 => new YearlyRating(date, date.Year - random.Next(0, 2), (MemberRating)random.Next(4)),
                _ => random.Next(10) == 0 ? new PartyCardReturned(date) : new DuesUnpaid(date, month),
            });
        }

        return (FullMember(events), date.PlusDays(random.Next(0, 200)));
    }
}
