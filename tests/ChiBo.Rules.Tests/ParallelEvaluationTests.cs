using System;
using System.Linq;
using System.Threading.Tasks;
using ChiBo.Evaluation;
using ChiBo.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// One catalog and one evaluator serve any number of threads: the same generated cases, evaluated from many threads
/// at once on a catalog used for the first time (so that every lazy first use races), give exactly the evaluations
/// that one thread gives, one case after another.
/// </summary>
public class ParallelEvaluationTests
{
    private const int Seed = 7_2025;
    private const int CaseCount = 1_500;
    private const int Threads = 8;

    [Fact]
    public void Evaluations_in_parallel_equal_evaluations_one_by_one()
    {
        var cases = CaseGenerator.Generate(Seed, CaseCount);
        Assert.True(cases.Select(c => c.File.Events.Length).Distinct().Count() > 10, "the cases should vary in length");

        // Sequentially, with its own catalog.
        var sequential = new CaseEvaluator(RuleCatalog.LoadShipped().GetValueOrThrow());
        var expected = cases.Select(c => sequential.Evaluate(c.File, c.AsOf)).ToArray();
        Assert.All(expected, e => Assert.Null(e.Rejection));
        Assert.True(expected.Select(e => e.Value!.Stage).Distinct().Count() >= 12, "the cases should reach most stages");
        Assert.Contains(expected, e => e.Value!.Violations.Count > 0);
        Assert.Contains(expected, e => e.Value!.Checks.Any(c => c.Pending));

        // In parallel: every thread evaluates every case, each from a different starting point, on a fresh catalog.
        var shared = new CaseEvaluator(RuleCatalog.LoadShipped().GetValueOrThrow());
        var actual = new EvaluationResult[Threads][];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var results = new EvaluationResult[cases.Length];
            for (var k = 0; k < cases.Length; k++)
            {
                var i = (k + (t * cases.Length / Threads)) % cases.Length;
                results[i] = shared.Evaluate(cases[i].File, cases[i].AsOf);
            }

            actual[t] = results;
        });

        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                AssertSame(expected[i].Value!, actual[t][i].Value!, $"thread {t}, case {i}");
            }
        }
    }

    private static void AssertSame(CaseEvaluation expected, CaseEvaluation actual, string where)
    {
        // CaseEvaluation is a record whose lists compare by reference: compare every field, the lists element-wise.
        Assert.True(expected.AsOf == actual.AsOf, where);
        Assert.True(expected.Stage == actual.Stage, where);
        Assert.True(expected.RuleSet == actual.RuleSet, where);
        Assert.True(expected.NextGate == actual.NextGate, where);
        Assert.True(expected.Exempt == actual.Exempt, where);
        Assert.True(expected.Dates == actual.Dates, where);
        Assert.True(expected.Checks.SequenceEqual(actual.Checks), $"{where}: checks differ");
        Assert.True(expected.Deadlines.SequenceEqual(actual.Deadlines), $"{where}: deadlines differ");
        Assert.True(expected.Violations.SequenceEqual(actual.Violations), $"{where}: violations differ");
        Assert.True((expected.Standing ?? []).SequenceEqual(actual.Standing ?? []) && (expected.Standing is null) == (actual.Standing is null), $"{where}: standing differs");
        Assert.Equal(expected with { Checks = [], Deadlines = [], Violations = [], Standing = null }, actual with { Checks = [], Deadlines = [], Violations = [], Standing = null });
    }
}
