using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using ChiBo.Testing;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17 (branch evalalloc), the evaluation's allocations: what an evaluation no longer makes unless someone reads
/// it — a history's <see cref="CaseHistory.Applied"/> records (the evaluation reads the replay's steps), a deadline's or
/// violation's finding (made from its own source, attached without a copy) — is, when read later, what a fresh
/// evaluation gives, and the answers are the same bytes whether it was read first or not.
/// </summary>
public class LazyEvaluationPartsTests
{
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped);

    private static readonly LocalDate[] Dates = [new(2019, 6, 10), new(2021, 3, 15), new(2026, 12, 1)];

    // Applied, made after the evaluation read only the steps: each record is the file's event at its index, the stages
    // chain from the table's initial stage to the history's stage, and each gate is the one of the table's row taken.
    [Fact]
    public void Applied_made_after_an_evaluation_is_the_replay_record()
    {
        var checkedEvents = 0;
        foreach (var generated in CaseGenerator.Generate(17_0417, 400))
        {
            var history = CaseLifecycle.Replay(generated.File, generated.AsOf).History!;
            _ = Evaluator.Evaluate(history, generated.AsOf);
            var applied = history.Applied;
            var stage = TransitionTable.Standard.Initial;
            foreach (var step in applied)
            {
                Assert.Same(generated.File.Events[step.Index], step.Event);
                Assert.Equal(stage, step.Before);
                var row = TransitionTable.Standard.Transitions.First(t => t.From == step.Before && t.Event == step.Event.Kind && t.To == step.After);
                Assert.Equal(row.Gate, step.Gate);
                stage = step.After;
                checkedEvents++;
            }

            Assert.Equal(history.Stage, stage);
            Assert.Equal(generated.File.Events.Length - history.IgnoredAfterAsOf, applied.Length);
            Assert.True(applied.Select(a => a.Index).SequenceEqual(Enumerable.Range(0, generated.File.Events.Length)
                .Where(i => generated.File.Events[i].Date <= generated.AsOf)
                .OrderBy(i => generated.File.Events[i].Date).ThenBy(i => i)));
        }

        Assert.True(checkedEvents > 2000, $"only {checkedEvents} events checked");
    }

    // Made once: two reads, and reads racing on several threads, see the same records (the first published wins).
    [Fact]
    public void Applied_is_made_once_whoever_reads_first()
    {
        foreach (var generated in CaseGenerator.Generate(17_0418, 50))
        {
            var history = CaseLifecycle.Replay(generated.File, generated.AsOf).History!;
            var seen = new AppliedEvent[8][];
            Parallel.For(0, seen.Length, i => seen[i] = [.. history.Applied]);
            foreach (var other in seen)
            {
                Assert.Equal(seen[0].Length, other.Length);
                for (var i = 0; i < other.Length; i++)
                {
                    Assert.Same(seen[0][i], other[i]);
                }
            }

            Assert.True(history.Applied.SequenceEqual(CaseLifecycle.Replay(generated.File, generated.AsOf).History!.Applied));
        }
    }

    // The answer does not depend on whether Applied was read before the evaluation, and the deadlines' and violations'
    // findings read after writing the answer equal a fresh evaluation's (each deadline is one object with its finding's
    // source; a violation gets its finding without a copy).
    [Fact]
    public void Answers_are_the_same_whether_the_lazy_parts_were_read_first_or_not()
    {
        var deadlines = 0;
        foreach (var generated in CaseGenerator.Generate(17_0419, 300))
        {
            foreach (var date in Dates)
            {
                var unread = CaseLifecycle.Replay(generated.File, date);
                var read = CaseLifecycle.Replay(generated.File, date);
                if (unread.History is not { } history || read.History is not { } readFirst)
                {
                    continue;
                }

                _ = readFirst.Applied;
                var answer = Evaluator.Evaluate(history, date);
                var json = JsonSerializer.Serialize(answer, ChiBoJson.CompactOptions);
                Assert.Equal(JsonSerializer.Serialize(Evaluator.Evaluate(readFirst, date), ChiBoJson.CompactOptions), json);

                var fresh = Evaluator.Evaluate(generated.File, date).Value!;
                Assert.Equal(fresh.Deadlines, answer.Deadlines);
                Assert.Equal(fresh.Violations, answer.Violations);
                Assert.Equal(fresh.Deadlines.Select(d => d.GetHashCode()), answer.Deadlines.Select(d => d.GetHashCode()));
                Assert.All(answer.Deadlines, d => Assert.NotNull(d.Finding));
                deadlines += answer.Deadlines.Count;
            }
        }

        Assert.True(deadlines > 500, $"only {deadlines} deadlines compared");
    }

    // The check list of an outcome without a finding is shared per workflow and outcome: it is, check for check, the
    // outcome's own checks (less the readmission rules for a person without a previous membership), as a fresh
    // evaluation's; and no one can change it through a cast, so that one answer cannot change another's.
    [Fact]
    public void Shared_check_lists_are_the_outcomes_checks_and_read_only()
    {
        var catalog = RuleCatalog.Shipped;
        var shared = 0;
        foreach (var generated in CaseGenerator.Generate(17_0421, 1000))
        {
            foreach (var date in (LocalDate[])[generated.AsOf, .. Dates])
            {
                if (CaseLifecycle.Replay(generated.File, date).History is not { } history || history.NextGate == Gate.None
                    || catalog.Evaluate(history, history.NextGate, date) is not { } outcome)
                {
                    continue;
                }

                var answer = Evaluator.Evaluate(history, date);
                if (answer.Checks.Any(c => c.Finding is not null))
                {
                    continue;
                }

                var expected = outcome.ToChecks().Where(c => history.Case.Person.PreviousMembership is not null || !c.Rule.StartsWith("readmission.", System.StringComparison.Ordinal));
                Assert.Equal(expected, answer.Checks);
                Assert.Equal(Evaluator.Evaluate(generated.File, date).Value!.Checks, answer.Checks);
                var list = Assert.IsAssignableFrom<System.Collections.Generic.IList<RuleCheck>>(answer.Checks);
                Assert.True(list.IsReadOnly);
                if (list.Count > 0)
                {
                    Assert.Throws<System.NotSupportedException>(() => list[0] = list[0]);
                }

                shared++;
            }
        }

        Assert.True(shared > 150, $"only {shared} shared lists checked");
    }

    // A copy of a deadline shares its finding, made once; a deadline made by hand (no finding) equals its copy.
    [Fact]
    public void A_deadlines_copy_shares_its_finding()
    {
        var answer = CaseGenerator.Generate(17_0420, 200)
            .Select(g => Evaluator.Evaluate(g.File, g.AsOf).Value)
            .First(a => a is { Deadlines.Count: > 0 })!;
        var deadline = answer.Deadlines[0];
        var copy = deadline with { Source = deadline.Source };
        Assert.Equal(deadline.Finding, copy.Finding);
        Assert.Equal(deadline, copy);
        var byHand = new Deadline(deadline.Action, deadline.Start, deadline.Due, deadline.Status, deadline.Source, deadline.Done);
        Assert.Null(byHand.Finding);
        Assert.Equal(byHand, byHand with { });
        Assert.NotEqual(byHand, deadline);
    }
}

/// <summary>
/// Issue 17 (branch evalalloc): a standing detail's month lists are written without lists and iterators, to the texts
/// of <c>string.Join(", ", months)</c> and "A, B and C" as before — every one of the 4,096 masks.
/// </summary>
public class StandingDetailTextTests
{
    private static readonly string[] EnglishMonths = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    [Fact]
    public void Month_lists_are_the_joined_texts_for_every_mask()
    {
        for (var mask = 0; mask < 1 << 12; mask++)
        {
            var months = Enumerable.Range(1, 12).Where(m => (mask & (1 << (m - 1))) != 0).ToList();
            var names = months.Select(m => EnglishMonths[m - 1]).ToList();
            var series = names.Count <= 1 ? string.Join(string.Empty, names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
            Assert.Equal(string.Join(", ", months), Facts.MemberDetails.MonthNumbers(mask));
            Assert.Equal(series, Facts.MemberDetails.MonthNames(mask));
        }
    }
}
