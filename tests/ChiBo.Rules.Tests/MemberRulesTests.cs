using System.Collections.Generic;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 11 items 4–6: dossier.current (01-HD/TW: documents older than 12 months on the vote day must be redone),
/// introducerReplaced (Quy định 24 §3.2.2), re-admission in every era (§3.5), party age (§4.5).
/// </summary>
public class MemberRulesTests
{
    public static TheoryData<string, int> Eras => new() { { "2016-qd29", 2019 }, { "2021-qd24", 2022 }, { "2025-qd232", 2025 }, { "2025-qd294", 2026 } };

    private static LocalDate Vote(int year) => new(year, 6, 3);

    private static Person Applicant(int year, PreviousMembership? previous = null) =>
        Cases.Person(new LocalDate(year - 40, 1, 10)) with { PreviousMembership = previous };

    private static Dictionary<string, RuleCheck> Checks(int year, Person person, System.Action<List<CaseEvent>>? edit = null)
    {
        var events = Cases.Dossier(Vote(year));
        edit?.Invoke(events);
        return Cases.AdmissionChecks(person, Vote(year), events);
    }

    // dossier.current: a letter dated D is current on V when V ≤ D + 12 months.
    [Theory]
    [MemberData(nameof(Eras))]
    public void A_letter_12_months_old_on_the_vote_day_is_current_and_one_day_more_is_stale(string era, int year)
    {
        var vote = Vote(year);
        void LettersOn(List<CaseEvent> events, LocalDate date)
        {
            events.RemoveAll(e => e is IntroducerAssigned or IdentifiedAsSource);
            events.Insert(0, new IdentifiedAsSource(vote.PlusMonths(-24)));
            events.Add(new IntroducerAssigned(date, "dv-01", new LocalDate(2005, 1, 1), date.PlusYears(-3)));
            events.Add(new IntroducerAssigned(date, "dv-02", new LocalDate(2008, 1, 1), date.PlusYears(-3)));
        }

        var current = Checks(year, Applicant(year), e => LettersOn(e, vote.PlusMonths(-12)));
        Assert.True(current["dossier.current"].Passed, era);
        var stale = Checks(year, Applicant(year), e => LettersOn(e, vote.PlusMonths(-12).PlusDays(-1)));
        Assert.False(stale["dossier.current"].Passed, era);
        Assert.Contains("12", stale["dossier.current"].Message.Vi);

        // The comments and the Youth Union resolution count too; a redone document supersedes the old one.
        void Early(List<CaseEvent> e, CaseEvent document)
        {
            e.RemoveAll(x => x is IdentifiedAsSource);
            e.Insert(0, new IdentifiedAsSource(vote.PlusMonths(-24)));
            e.Add(document);
        }

        Assert.False(Checks(year, Applicant(year), e => { e.RemoveAll(x => x is CommentsCollected); Early(e, new CommentsCollected(vote.PlusMonths(-13))); })["dossier.current"].Passed);
        Assert.True(Checks(year, Applicant(year), e => Early(e, new CommentsCollected(vote.PlusMonths(-13))))["dossier.current"].Passed); // redone since
        Assert.False(Checks(year, Applicant(year), e => Early(e, new YouthUnionEndorsed(vote.PlusMonths(-14))))["dossier.current"].Passed);
    }

    // Quy định 24 §3.2.2: the replacement counts in place of the replaced introducer and needs no 12 months together.
    [Theory]
    [MemberData(nameof(Eras))]
    public void A_replacement_introducer_counts_without_12_months_together(string era, int year)
    {
        var vote = Vote(year);
        var checks = Checks(year, Applicant(year), e =>
        {
            e.RemoveAll(x => x is IntroducerAssigned { MemberId: "dv-02" });
            e.Add(new IntroducerAssigned(vote.PlusDays(-60), "dv-02", new LocalDate(2008, 1, 1), vote.PlusDays(-60).PlusMonths(-3)));
            e.Add(new IntroducerReplaced(vote.PlusDays(-20), "dv-09", "dv-02", IntroducerReplacementReason.Transferred, new LocalDate(2010, 1, 1)));
        });
        Assert.True(checks["introducers.count"].Passed, era);
        Assert.True(checks["introducers.workedTogether"].Passed, era); // dv-02's 3 months no longer count
        Assert.True(checks["introducers.fullMember"].Passed, era);

        var probationaryReplacement = Checks(year, Applicant(year), e =>
            e.Add(new IntroducerReplaced(vote.PlusDays(-20), "dv-09", "dv-02", IntroducerReplacementReason.Other, vote.PlusDays(-10))));
        Assert.False(probationaryReplacement["introducers.fullMember"].Passed, era);
    }

    [Fact]
    public void A_person_with_no_previous_membership_gets_none_of_the_readmission_checks()
    {
        Assert.DoesNotContain(Checks(2019, Applicant(2019)).Keys, k => k.StartsWith("readmission.", System.StringComparison.Ordinal));
    }

    // readmission.waitingPeriod: 36 months since leaving (Quy định 29 §3.5.1 and later eras).
    [Theory]
    [MemberData(nameof(Eras))]
    public void Readmission_after_36_months_passes_and_after_35_does_not(string era, int year)
    {
        var vote = Vote(year);
        PreviousMembership Left(int monthsBefore) => new(new LocalDate(2000, 5, 1), vote.PlusMonths(-monthsBefore), LeavingReason.ResignedForHardship);
        void Consent(List<CaseEvent> e) => e.Add(new ReadmissionConsentGiven(vote.PlusDays(-10), "Ban Thường vụ Thành ủy Đà Nẵng"));

        var after36 = Checks(year, Applicant(year, Left(36)), Consent);
        Assert.True(after36["readmission.waitingPeriod"].Passed, era);
        Assert.True(after36["readmission.excluded"].Passed);
        Assert.True(after36["readmission.once"].Passed);
        Assert.True(after36["readmission.consent"].Passed);
        Assert.False(Checks(year, Applicant(year, Left(35)), Consent)["readmission.waitingPeriod"].Passed, era);
        Assert.False(Checks(year, Applicant(year, Left(36)))["readmission.consent"].Passed, era);
    }

    [Theory]
    [InlineData(LeavingReason.AbandonedActivities, false)]
    [InlineData(LeavingReason.Resigned, false)]
    [InlineData(LeavingReason.ResignedForHardship, true)]
    [InlineData(LeavingReason.SeriousDisunity, false)]
    [InlineData(LeavingReason.CorruptionConviction, false)]
    [InlineData(LeavingReason.SeriousCrimeConviction, false)]
    [InlineData(LeavingReason.Other, true)]
    public void Readmission_is_excluded_for_the_five_groups(LeavingReason reason, bool allowed)
    {
        var previous = new PreviousMembership(new LocalDate(2000, 5, 1), new LocalDate(2012, 1, 1), reason);
        Assert.Equal(allowed, Checks(2019, Applicant(2019, previous))["readmission.excluded"].Passed);
    }

    [Fact]
    public void A_minor_offence_waits_60_months_from_the_cleared_record_and_a_second_readmission_is_refused()
    {
        var vote = Vote(2022);
        var cleared = new PreviousMembership(new LocalDate(2000, 5, 1), new LocalDate(2010, 1, 1), LeavingReason.MinorCrimeConviction, vote.PlusMonths(-60));
        Assert.True(Checks(2022, Applicant(2022, cleared))["readmission.waitingPeriod"].Passed);
        Assert.False(Checks(2022, Applicant(2022, cleared with { RecordClearedOn = vote.PlusMonths(-59) }))["readmission.waitingPeriod"].Passed);
        Assert.False(Checks(2022, Applicant(2022, cleared with { RecordClearedOn = null }))["readmission.waitingPeriod"].Passed);
        Assert.False(Checks(2022, Applicant(2022, cleared with { TimesReadmitted = 1 }))["readmission.once"].Passed);
    }

    private static CaseFile FullMember(PreviousMembership? previous = null)
    {
        var events = Cases.Admitted(new LocalDate(2019, 6, 3), new LocalDate(2019, 7, 1), new LocalDate(2019, 7, 15));
        events.Add(new SelfReviewSubmitted(new LocalDate(2020, 7, 1)));
        events.Add(new HelperReviewSubmitted(new LocalDate(2020, 7, 1)));
        events.Add(new CellVoted(new LocalDate(2020, 7, 20), VotePurpose.FullMembership, 10, 12));
        events.Add(new FullMembershipDecided(new LocalDate(2020, 8, 5)));
        return new CaseFile(Applicant(2019, previous), Cases.GrassrootsCell, [.. events]);
    }

    // Party age, Quy định 29/24 §4.5: from the admission decision (2019-06-28 here), null until full membership.
    [Fact]
    public void Party_age_counts_from_the_admission_decision_once_a_full_member()
    {
        var evaluator = new CaseEvaluator(Cases.Catalog);
        Assert.Null(evaluator.Evaluate(FullMember(), new LocalDate(2020, 8, 1)).Value!.PartyAge);
        var evaluation = evaluator.Evaluate(FullMember(), new LocalDate(2025, 9, 27)).Value!;
        Assert.Equal(new LocalDate(2019, 6, 28), evaluation.Dates.PartyAgeFrom);
        Assert.Equal((6, 2, 74), (evaluation.PartyAge!.Years, evaluation.PartyAge.Months, evaluation.PartyAge.TotalMonths));
        Assert.Contains("4.5", evaluation.PartyAge.Source);
        Assert.Equal(73, evaluator.Evaluate(FullMember(), new LocalDate(2025, 8, 27)).Value!.PartyAge!.TotalMonths);
    }

    [Fact]
    public void A_readmitted_members_party_age_counts_from_the_first_decision_less_the_time_out()
    {
        var previous = new PreviousMembership(new LocalDate(2005, 3, 10), new LocalDate(2012, 3, 10), LeavingReason.ResignedForHardship);
        var evaluation = new CaseEvaluator(Cases.Catalog).Evaluate(FullMember(previous), new LocalDate(2025, 9, 27)).Value!;
        Assert.Equal(new LocalDate(2005, 3, 10), evaluation.Dates.PartyAgeFrom);
        // 2005-03-10 → 2025-09-27: 246 months; out 2012-03-10 → 2019-06-28: 87 months.
        Assert.Equal(246 - 87, evaluation.PartyAge!.TotalMonths);
    }

    /// <summary>Issue 11: party age never decreases as the "as of" date grows.</summary>
    [Property(MaxTest = 100)]
    public Property Party_age_never_decreases_as_the_as_of_date_grows(PositiveInt seed, PositiveInt later)
    {
        var generated = CaseGenerator.Generate(seed.Get, 1)[0];
        var evaluator = new CaseEvaluator(Cases.Catalog);
        var first = evaluator.Evaluate(generated.File, generated.AsOf).Value?.PartyAge;
        var second = evaluator.Evaluate(generated.File, generated.AsOf.PlusDays(later.Get % 4000)).Value?.PartyAge;
        return (first is null || (second is not null && second.TotalMonths >= first.TotalMonths)).Label($"seed {seed.Get}");
    }

    /// <summary>
    /// Issue 11: a later era never changes the judgement of a gate passed before it — a fifth rule set with stricter
    /// numbers from a date leaves every violation of a gate dated before that date as it was.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property A_later_era_never_changes_the_judgement_of_a_gate_passed_before_it(PositiveInt seed, PositiveInt startOffset)
    {
        var start = new LocalDate(2016, 8, 1).PlusDays(startOffset.Get % 3650);
        var strict = Strict(start);
        var generated = CaseGenerator.Generate(seed.Get, 1)[0];
        var history = CaseLifecycle.Replay(generated.File, generated.AsOf).History!;
        string Before(RuleCatalog catalog) => string.Join(";", catalog.FindViolations(history)
            .Where(v => generated.File.Events[v.Event].Date < start).Select(v => $"{v.Rule}@{v.Event}/{v.RuleSet}"));
        return (Before(Cases.Catalog) == Before(strict)).Label($"seed {seed.Get}, era from {start}");
    }

    private static readonly Dictionary<LocalDate, RuleCatalog> StrictCatalogs = [];

    private static RuleCatalog Strict(LocalDate start)
    {
        lock (StrictCatalogs)
        {
            if (StrictCatalogs.TryGetValue(start, out var cached))
            {
                return cached;
            }

            var node = RuleFiles.Node("2025-qd294");
            node["id"] = "9999-strict";
            node["effectiveFrom"] = start.ToString("yyyy-MM-dd", null);
            foreach (var name in new[] { "ceremonyDeadlineWorkingDays", "fullMembershipVoteDeadlineWorkingDays", "decideAdmissionWorkingDays", "introducerMonthsTogether" })
            {
                node["parameters"]![name]!["value"] = name == "introducerMonthsTogether" ? 100 : 1;
            }

            var files = RuleFiles.Shipped.Select(f => (f, System.IO.File.ReadAllBytes(f)))
                .Where(f => RuleSetLoader.LoadFile(f.f).Value!.EffectiveFrom != start)
                .Append(("strict.json", Encoding.UTF8.GetBytes(node.ToJsonString())));
            return StrictCatalogs[start] = RuleCatalog.Load(files).GetValueOrThrow();
        }
    }
}
