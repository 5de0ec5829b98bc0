using System.Collections.Generic;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Rules.Testing;

/// <summary>
/// A rule test (kiểm thử quy định) that an official writes in a <c>*.test.json</c> file: a case, an "as of" date and
/// the expected answer in the answer's own field names. Load with <see cref="RuleTestLoader"/>, run with
/// <see cref="RuleTestRunner"/>.
/// </summary>
/// <param name="Name">The test's name (<c>name</c>).</param>
/// <param name="File">The test file, or null.</param>
/// <param name="Case">The case (<c>case</c> inline, or read from <c>caseFile</c>).</param>
/// <param name="AsOf">The date of the question (<c>asOf</c>).</param>
/// <param name="Expect">What the answer must say (<c>expect</c>).</param>
public sealed record RuleTest(string Name, string? File, CaseFile Case, LocalDate AsOf, RuleTestExpectation Expect);

/// <summary>
/// The expected answer of a rule test; every field is optional and only the fields given are compared. The rule id lists
/// are compared as sets (order and repetition aside): <see cref="Passed"/> must be exactly the checks that passed,
/// <see cref="Failed"/> exactly those that failed (a pending check is neither), <see cref="Violations"/> exactly the
/// rule ids of the violations.
/// </summary>
public sealed record RuleTestExpectation
{
    /// <summary>The expected <c>stage</c> (its JSON name, e.g. <c>applicant</c>), or null.</summary>
    public string? Stage { get; init; }

    /// <summary>The expected <c>nextGate</c> (e.g. <c>cellAdmissionVote</c>), or null.</summary>
    public string? NextGate { get; init; }

    /// <summary>The expected <c>ruleSet</c> id, or null.</summary>
    public string? RuleSet { get; init; }

    /// <summary>The rule ids of the checks that passed, or null.</summary>
    public IReadOnlyList<string>? Passed { get; init; }

    /// <summary>The rule ids of the checks that failed (not pending), or null.</summary>
    public IReadOnlyList<string>? Failed { get; init; }

    /// <summary>The rule ids of the violations, or null.</summary>
    public IReadOnlyList<string>? Violations { get; init; }

    /// <summary>The expected deadlines by action name (<c>holdCeremony</c>…), each with its due date and/or status, or null.</summary>
    public IReadOnlyDictionary<string, RuleTestDeadline>? Deadlines { get; init; }
}

/// <summary>An expected deadline: its due date and/or its status, as the answer writes them.</summary>
/// <param name="Due">The due date (<c>yyyy-MM-dd</c>), or null.</param>
/// <param name="Status">The status (<c>pending</c>, <c>dueSoon</c>, <c>overdue</c>, <c>met</c>, <c>metLate</c>), or null.</param>
public sealed record RuleTestDeadline(string? Due, string? Status);

/// <summary>A field of the answer that differed from the test's expectation.</summary>
/// <param name="Field">The field, as the test file writes it: <c>stage</c>, <c>failed</c>, <c>deadlines.holdCeremony.due</c>…</param>
/// <param name="Expected">What the test expected.</param>
/// <param name="Actual">What the answer said.</param>
public sealed record RuleTestDifference(string Field, string Expected, string Actual);

/// <summary>The result of one rule test.</summary>
/// <param name="Test">The test.</param>
/// <param name="Differences">The fields that differed; empty when the test passed.</param>
/// <param name="Answer">The answer, or null when the case could not be evaluated.</param>
/// <param name="Error">Why the case could not be evaluated (a rejected event), or null.</param>
public sealed record RuleTestResult(RuleTest Test, IReadOnlyList<RuleTestDifference> Differences, CaseEvaluation? Answer, string? Error)
{
    /// <summary>Whether the test passed: evaluated, and no field differed.</summary>
    public bool Passed => Error is null && Differences.Count == 0;
}

/// <summary>Whether the tests saw one rule of one era's gate pass, and fail.</summary>
/// <param name="RuleSet">The rule set's id.</param>
/// <param name="Gate">The gate (a rule id may serve two gates, e.g. <c>vote.cellTwoThirds</c>).</param>
/// <param name="Rule">The rule id.</param>
/// <param name="SeenPassing">Some test's case had the rule hold (at the gate ahead, or at a past gate re-checked).</param>
/// <param name="SeenFailing">Some test's case had the rule fail (not pending).</param>
public sealed record RuleCoverage(string RuleSet, Gate Gate, string Rule, bool SeenPassing, bool SeenFailing)
{
    /// <summary>Whether both outcomes were seen.</summary>
    public bool Full => SeenPassing && SeenFailing;
}

/// <summary>The results of a run of rule tests and the coverage of the catalog's rules.</summary>
/// <param name="Results">Each test's result, in the order run.</param>
/// <param name="Coverage">Every rule of every gate of every rule set of the catalog, in the catalog's order.</param>
public sealed record RuleTestReport(IReadOnlyList<RuleTestResult> Results, IReadOnlyList<RuleCoverage> Coverage)
{
    /// <summary>Whether every test passed.</summary>
    public bool AllPassed => System.Linq.Enumerable.All(Results, r => r.Passed);

    /// <summary>Whether every rule was seen both passing and failing.</summary>
    public bool FullCoverage => System.Linq.Enumerable.All(Coverage, c => c.Full);
}
