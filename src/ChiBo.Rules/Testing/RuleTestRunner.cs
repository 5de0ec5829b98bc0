using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using ChiBo.Utility;

namespace ChiBo.Rules.Testing;

/// <summary>
/// Runs rule tests on a catalog (as <c>opa test --coverage</c> does for policies): each test's case is evaluated on its
/// "as of" date and the answer compared with the expectation, field by field, in the answer's JSON names; and for every
/// rule of every gate of every rule set of the catalog, whether some test saw it pass and saw it fail — at the gate
/// ahead, or at a passed gate re-checked on its event's date. Deterministic; never throws for any test.
/// </summary>
public static class RuleTestRunner
{
    /// <summary>Runs the tests.</summary>
    /// <param name="catalog">The rule sets to test.</param>
    /// <param name="tests">The tests.</param>
    /// <returns>Each test's result and the coverage.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RuleTestReport Run(RuleCatalog catalog, IEnumerable<RuleTest> tests)
    {
        Preconditions.CheckNotNull(catalog, nameof(catalog));
        Preconditions.CheckNotNull(tests, nameof(tests));
        var evaluator = new CaseEvaluator(catalog);
        var seen = new Dictionary<(string, Gate, string), (bool Pass, bool Fail)>();
        var results = new List<RuleTestResult>();
        foreach (var test in tests)
        {
            var result = evaluator.Evaluate(test.Case, test.AsOf);
            if (result.Value is not { } answer)
            {
                var why = result.Rejection is { } rejection ? rejection.ToError(test.File).ToString() : string.Join("; ", result.Errors.Select(e => e.ToString()));
                results.Add(new RuleTestResult(test, [], null, why));
                continue;
            }

            var replay = CaseLifecycle.Replay(test.Case, test.AsOf);
            if (replay.History is { } history)
            {
                var readmission = history.Case.Person.PreviousMembership is not null;
                catalog.Observe(history, test.AsOf, (set, workflow, outcome) =>
                {
                    for (var i = 0; i < workflow.Rules.Length; i++)
                    {
                        var rule = workflow.Rules[i];
                        if (outcome.IsPending(i) || outcome.IsError(i) || (!readmission && rule.Id.StartsWith("readmission.", StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        var key = (set.Id, workflow.Gate, rule.Id);
                        var (pass, fail) = seen.GetValueOrDefault(key);
                        seen[key] = outcome.IsPassed(i) ? (true, fail) : (pass, true);
                    }
                });
            }

            results.Add(new RuleTestResult(test, Compare(test.Expect, answer), answer, null));
        }

        var coverage = new List<RuleCoverage>();
        foreach (var set in catalog.RuleSets)
        {
            foreach (var workflow in set.Workflows)
            {
                foreach (var rule in workflow.Rules)
                {
                    var (pass, fail) = seen.GetValueOrDefault((set.Id, workflow.Gate, rule.Id));
                    coverage.Add(new RuleCoverage(set.Id, workflow.Gate, rule.Id, pass, fail));
                }
            }
        }

        return new RuleTestReport(results, coverage);
    }

    /// <summary>The fields of the answer that differ from the expectation, in the test file's names.</summary>
    /// <param name="expect">The expectation.</param>
    /// <param name="answer">The answer.</param>
    /// <returns>The differences; empty when the answer is as expected.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<RuleTestDifference> Compare(RuleTestExpectation expect, CaseEvaluation answer)
    {
        Preconditions.CheckNotNull(expect, nameof(expect));
        Preconditions.CheckNotNull(answer, nameof(answer));
        var json = JsonSerializer.SerializeToElement(answer, ChiBoJson.CompactOptions);
        var differences = new List<RuleTestDifference>();
        void Same(string field, string? expected, string? actual)
        {
            if (expected is not null && !string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add(new RuleTestDifference(field, expected, actual ?? "null"));
            }
        }

        void SameSet(string field, IReadOnlyList<string>? expected, IEnumerable<string> actual)
        {
            if (expected is null)
            {
                return;
            }

            var want = expected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var got = actual.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (!want.SequenceEqual(got, StringComparer.Ordinal))
            {
                differences.Add(new RuleTestDifference(field, "[" + string.Join(", ", want) + "]", "[" + string.Join(", ", got) + "]"));
            }
        }

        Same("stage", expect.Stage, Text(json, "stage"));
        Same("nextGate", expect.NextGate, Text(json, "nextGate"));
        Same("ruleSet", expect.RuleSet, Text(json, "ruleSet"));
        // The checks of the gate ahead and, for a probationary or full member, of the member's standing (issue 12).
        var checks = json.GetProperty("checks").EnumerateArray()
            .Concat(json.TryGetProperty("standing", out var standing) && standing.ValueKind == JsonValueKind.Array ? standing.EnumerateArray() : [])
            .ToArray();
        SameSet("passed", expect.Passed, checks.Where(c => c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("rule").GetString()!));
        SameSet("failed", expect.Failed, checks
            .Where(c => !c.GetProperty("passed").GetBoolean() && !c.GetProperty("pending").GetBoolean() && !c.TryGetProperty("error", out _))
            .Select(c => c.GetProperty("rule").GetString()!));
        SameSet("violations", expect.Violations, json.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!));
        if (expect.Deadlines is { } deadlines)
        {
            var byAction = json.GetProperty("deadlines").EnumerateArray()
                .GroupBy(d => d.GetProperty("action").GetString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var (action, deadline) in deadlines.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (!byAction.TryGetValue(action, out var actual))
                {
                    differences.Add(new RuleTestDifference($"deadlines.{action}", "listed", "not listed"));
                    continue;
                }

                Same($"deadlines.{action}.due", deadline.Due, Text(actual, "due"));
                Same($"deadlines.{action}.status", deadline.Status, Text(actual, "status"));
            }
        }

        return differences;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
