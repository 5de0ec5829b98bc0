using System;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules;
using ChiBo.Serialization;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Lifecycle;

/// <summary>
/// Laws of the lifecycle and of the answer built on it, over random walks and random edits of them (events inserted
/// of any kind, removed, moved to another date). Seeds are fixed (Replay). See docs/reliability.md.
/// </summary>
/// <remarks>
/// Twelve months of probation: the transition table does not enforce them — the lifecycle refuses only what cannot
/// have happened, and a full-membership vote before the end of probation can happen. The rules judge it: the
/// vote's gate fails <c>probation.completed</c> in the rule set in force on the vote's date, and the answer lists
/// that violation. The law below pins exactly that, both ways.
/// </remarks>
public class LifecycleInvariantTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Shipped;
    private static readonly CaseEvaluator Evaluator = new(Catalog);

    private static Arbitrary<(int Pick, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(pick => Gen.Choose(0, int.MaxValue - 1).Select(seed => (pick, seed))).ToArbitrary();

    /// <summary>A walked case (half of the time one that reached full membership), edited 0 to 3 times.</summary>
    private static CaseFile EditedCase((int Pick, int Seed) input)
    {
        var random = new Random(input.Seed);
        var pool = input.Pick % 2 == 0 ? FuzzCorpus.FullMembers : FuzzCorpus.Cases;
        return FuzzCorpus.Edit(FuzzCorpus.Pick(pool, input.Pick / 2), random, random.Next(4));
    }

    /// <summary>The same case moved later in time by whole days (events only), into other eras of the rules.</summary>
    private static CaseFile Shifted(CaseFile caseFile, int days) =>
        caseFile.WithEvents([.. caseFile.Events.Select(e => e with { Date = e.Date.PlusDays(days) })]);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ChiBoJson.CompactOptions);

    // Law: no sequence of events reaches fullMember without a ceremony and then the cell's full-membership vote,
    // both before the decision.
    [Property(MaxTest = 1000, Replay = "(20260301,20260303)")]
    public Property Full_membership_needs_a_ceremony_and_a_full_membership_vote_before_the_decision() =>
        Prop.ForAll(Inputs(), input =>
        {
            var replay = CaseLifecycle.Replay(EditedCase(input));
            if (replay.History is not { } history)
            {
                return true.Collect("rejected");
            }

            var decision = Enumerable.Range(0, history.Applied.Length).FirstOrDefault(i => history.Applied[i].After == Stage.FullMember, -1);
            if (decision < 0)
            {
                return true.Collect("never a full member");
            }

            var before = history.Applied.Take(decision).ToList();
            var ceremony = before.FindIndex(a => a.Event is CeremonyHeld);
            Assert.True(history.Applied[decision].Event is FullMembershipDecided);
            Assert.True(ceremony >= 0, "a full member without a ceremony");
            Assert.Contains(before.Skip(ceremony), a => a.Event is CellVoted { Purpose: VotePurpose.FullMembership } && a.Before == Stage.Probationary);
            return true.Collect("full member");
        });

    // Law: a full-membership vote before the end of probation (party entry + the probation months of the rule set in
    // force on the vote's date, month arithmetic clamped) is a probation.completed violation of that rule set, and a
    // vote on or after it is not. So a decision before 12 months always shows the violation.
    [Property(MaxTest = 400, Replay = "(20260302,20260305)")]
    public Property A_full_membership_vote_before_the_end_of_probation_is_a_probation_completed_violation() =>
        Prop.ForAll(Inputs(), input =>
        {
            // Stretch the time after the ceremony by 0 to 500 days so that votes fall on both sides of the end.
            var walked = FuzzCorpus.Pick(FuzzCorpus.FullMembers, input.Pick);
            var entry = walked.Events.OfType<CeremonyHeld>().First().Date;
            var shift = new Random(input.Seed).Next(0, 500);
            var caseFile = walked.WithEvents([.. walked.Events.Select(e => e.Date > entry ? e with { Date = e.Date.PlusDays(shift) } : e)]);
            var history = CaseLifecycle.Replay(caseFile).History!;

            var votes = history.Applied.Where(a => a.Event is CellVoted { Purpose: VotePurpose.FullMembership }).ToList();
            var vote = votes[^1]; // an earlier vote is superseded by the re-vote
            if (Catalog.InForce(vote.Event.Date) is not { } set)
            {
                return true.Collect("vote before the first era");
            }

            var probationEnds = entry.PlusMonths(set.Parameters.ProbationMonths);
            var early = vote.Event.Date < probationEnds;
            var found = Catalog.FindViolations(history).Where(v => v.Rule == "probation.completed" && v.Event == vote.Index).ToList();
            Assert.Equal(early ? 1 : 0, found.Count);
            Assert.All(found, v => Assert.Equal(set.Id, v.RuleSet));

            var decision = history.First<FullMembershipDecided>()!;
            if (decision.Date < entry.PlusMonths(12) && set.Parameters.ProbationMonths == 12)
            {
                Assert.True(early);
            }

            return true.Collect(early ? "voted early: violation" : "voted after probation: no violation");
        });

    // Law: a terminal stage absorbs: every event on or after its day is refused, and every later "as of" date
    // still finds the case in that stage.
    [Property(MaxTest = 300, Replay = "(20260303,20260307)")]
    public Property A_terminal_stage_absorbs_every_later_event_and_date() =>
        Prop.ForAll(Inputs(), input =>
        {
            var caseFile = EditedCase(input);
            if (CaseLifecycle.Replay(caseFile).History is not { } history || !history.Stage.IsTerminal())
            {
                return true.Collect("not terminal");
            }

            var random = new Random(input.Seed);
            var end = history.Applied.First(a => a.After.IsTerminal()).Event.Date;
            foreach (var kind in Enum.GetValues<EventKind>())
            {
                var date = random.Next(3) == 0 ? end : end.PlusDays(random.Next(1, 400));
                foreach (var e in HistoryWalker.Candidates(kind, date, random))
                {
                    var result = CaseLifecycle.TryAppend(caseFile, e);
                    Assert.False(result.IsAccepted, $"{e} accepted after {history.Stage}");
                    Assert.Equal(caseFile.Events.Length, result.Rejection!.EventIndex);
                }
            }

            Assert.Equal(history.Stage, CaseLifecycle.Replay(caseFile, end.PlusDays(random.Next(0, 4000))).History!.Stage);
            return true.Collect(history.Stage.JsonName());
        });

    // Law: TryAppend never changes the case given; a refusal names an event of the extended file; an acceptance
    // appends exactly the event.
    [Property(MaxTest = 1000, Replay = "(20260304,20260309)")]
    public Property A_rejected_event_leaves_the_case_unchanged() =>
        Prop.ForAll(Inputs(), input =>
        {
            // A prefix of a walked case: a valid history that stopped at any stage.
            var random = new Random(input.Seed);
            var walked = FuzzCorpus.Pick(FuzzCorpus.Cases.Take(64).ToList(), input.Pick);
            var caseFile = walked.WithEvents([.. walked.Events.Take(random.Next(0, walked.Events.Length + 1))]);
            var first = caseFile.Events.IsEmpty ? new LocalDate(2017, 1, 1) : caseFile.Events.Min(e => e.Date);
            var last = caseFile.Events.IsEmpty ? first : caseFile.Events.Max(e => e.Date);
            var stage = CaseLifecycle.Replay(caseFile).History!.Stage;
            var permitted = TransitionTable.Standard.PermittedEvents(stage);

            // Half of the time an event the stage permits (guards aside), after the history; else any event, any day.
            var e = random.Next(2) == 0 && permitted.Count > 0
                ? HistoryWalker.Candidates(permitted[random.Next(permitted.Count)], last.PlusDays(random.Next(0, 60)), random).OrderBy(_ => random.Next()).First()
                : FuzzCorpus.AnyEvent(random, first.PlusDays(random.Next(-30, 4000)));
            var before = CaseFileSerializer.Write(caseFile);
            var stageBefore = CaseLifecycle.Replay(caseFile).History?.Stage;

            var result = CaseLifecycle.TryAppend(caseFile, e);

            Assert.Equal(before, CaseFileSerializer.Write(caseFile));
            Assert.Equal(stageBefore, CaseLifecycle.Replay(caseFile).History?.Stage);
            if (result.Rejection is { } rejection)
            {
                var extended = caseFile.Events.Add(e);
                Assert.InRange(rejection.EventIndex, 0, caseFile.Events.Length);
                Assert.Equal(extended[rejection.EventIndex].Kind, rejection.Event);
                Assert.Equal(extended[rejection.EventIndex].Date, rejection.Date);
                return true.Collect(rejection.EventIndex == caseFile.Events.Length ? "rejected: the new event" : "rejected: an event after it");
            }

            Assert.True(result.History!.Case.Events.SequenceEqual(caseFile.Events.Add(e)));
            return true.Collect("accepted");
        });

    // Law: a deadline is never before its start, with the shipped rules' durations, on any date.
    [Property(MaxTest = 500, Replay = "(20260305,20260311)")]
    public Property A_deadline_is_never_before_its_start() =>
        Prop.ForAll(Inputs(), input =>
        {
            var asOf = new LocalDate(2016, 1, 1).PlusDays(new Random(input.Seed).Next(0, 5500));
            if (Evaluator.Evaluate(EditedCase(input), asOf).Value is not { } evaluation)
            {
                return true.Collect("rejected");
            }

            Assert.All(evaluation.Deadlines, d => Assert.True(d.Due >= d.Start, d.ToString()));
            return true.Collect(evaluation.Deadlines.Count == 0 ? "no deadline" : "deadlines");
        });

    // Law: events after the "as of" date change nothing, so the era chosen for a gate never changes when later
    // events are added: the answer on a date is the same for a prefix of the history and for the whole; each
    // violation is judged by the rule set in force on its event's date; the next gate by the one in force on the
    // "as of" date.
    [Property(MaxTest = 300, Replay = "(20260306,20260313)")]
    public Property Adding_later_events_never_changes_the_answer_or_the_era_of_a_gate() =>
        Prop.ForAll(Inputs(), input =>
        {
            // Walked cases only (their events are appended in strictly increasing date order), moved 0 to 10 years
            // later so that their gates fall in every era.
            var random = new Random(input.Seed);
            var whole = Shifted(FuzzCorpus.Pick(FuzzCorpus.Cases.Take(64).ToList(), input.Pick), random.Next(0, 3650));
            if (whole.Events.IsEmpty)
            {
                return true.Collect("no events");
            }

            var n = whole.Events.Length;
            var k = random.Next(0, n + 1);
            var prefix = whole.WithEvents([.. whole.Events.Take(k)]);
            var from = k == 0 ? whole.Events[0].Date.PlusDays(-30) : whole.Events[k - 1].Date;
            var to = k == n ? from.PlusDays(400) : whole.Events[k].Date.PlusDays(-1);
            var asOf = from.PlusDays(random.Next(0, Period.DaysBetween(from, to) + 1));

            var early = Evaluator.Evaluate(prefix, asOf).Value!;
            Assert.Equal(Json(early), Json(Evaluator.Evaluate(whole, asOf).Value!));
            Assert.Equal(Catalog.InForce(asOf)?.Id, early.RuleSet);

            var late = Evaluator.Evaluate(whole, whole.Events[^1].Date.PlusDays(1)).Value!;
            foreach (var v in late.Violations)
            {
                Assert.Equal(Catalog.InForce(whole.Events[v.Event].Date)!.Id, v.RuleSet);
            }

            foreach (var v in early.Violations)
            {
                Assert.All(late.Violations.Where(w => w.Rule == v.Rule && w.Event == v.Event), w => Assert.Equal(v.RuleSet, w.RuleSet));
            }

            var eras = late.Violations.Select(v => v.RuleSet).Distinct().Count();
            return true.Collect(eras > 1 ? "violations in several eras" : late.Violations.Count > 0 ? "violations in one era" : "no violation");
        });
}
