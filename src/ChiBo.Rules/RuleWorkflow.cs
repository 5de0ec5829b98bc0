using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq;
using System.Threading;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;

namespace ChiBo.Rules;

/// <summary>
/// The rules of one gate (a RulesEngine workflow named after the gate), or of the member phase (<c>memberStanding</c>,
/// <c>exemption</c>: see <see cref="MemberWorkflows"/>), in the file's order.
/// </summary>
public sealed class RuleWorkflow
{
    /// <summary>The most rules a workflow may hold (each result is one bit of <see cref="GateOutcome"/>).</summary>
    public const int MaxRules = 64;

    private readonly WorkflowPredicate run;

    internal RuleWorkflow(Gate gate, ImmutableArray<RuleDefinition> rules, WorkflowPredicate run, string? name = null)
    {
        Gate = gate;
        Name = name ?? gate.JsonName();
        Rules = rules;
        this.run = run;
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i].AttachTo(this, i);
        }
    }

    /// <summary>The gate, or <see cref="Gate.None"/> for a workflow of the member phase (<see cref="MemberWorkflows"/>).</summary>
    public Gate Gate { get; }

    /// <summary>The workflow's name in the file (<c>WorkflowName</c>): the gate's JSON name, or <c>memberStanding</c>, <c>exemption</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the workflow judges a gate (false for <c>memberStanding</c> and <c>exemption</c>).</summary>
    public bool IsGate => Gate != Gate.None;

    /// <summary>The rules, in the file's order.</summary>
    public ImmutableArray<RuleDefinition> Rules { get; }

    /// <summary>Runs every rule on the facts; allocates nothing.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>Which rules passed, which are pending and which could not be evaluated, one bit per rule in order; never throws.</returns>
    /// <remarks>
    /// The workflow's rules are compiled together into one delegate when the rule set loads, so this is one call:
    /// no per-rule dispatch, the rule set's parameters folded in as constants.
    /// </remarks>
    public GateOutcome Evaluate(in GateFacts facts)
    {
        var passed = run(in facts, out var pending, out var errors);

        // A rule that holds is passed, whatever its pendingWhen says; a rule that threw is neither (see GateOutcome.Errors).
        return new GateOutcome(this, passed, pending & ~passed) { Errors = errors };
    }

    internal ulong Run(in GateFacts facts, out ulong pending) => run(in facts, out pending, out _);

    // The check lists of outcomes without a finding or a detail, the same for every case with that outcome: made once,
    // read-only, shared by the answers. Copy-on-write and bounded (a workflow's usual outcomes are few).
    private SharedCheckList[] shared = [];

    private const int MaxSharedCheckLists = 64;

    /// <summary>
    /// The checks of an outcome none of whose checks has a finding or a detail, read-only and shared: what
    /// <see cref="GateOutcome.ToChecks"/> gives, less the <c>readmission.*</c> rules when <paramref name="withoutReadmission"/>.
    /// </summary>
    internal IReadOnlyList<RuleCheck> SharedChecks(in GateOutcome outcome, bool withoutReadmission)
    {
        var known = Volatile.Read(ref shared);
        foreach (var entry in known)
        {
            if (entry.Passed == outcome.Passed && entry.Pending == outcome.Pending && entry.Errors == outcome.Errors && entry.WithoutReadmission == withoutReadmission)
            {
                return entry.Checks;
            }
        }

        var checks = outcome.ToCheckArray();
        var list = new ReadOnlyCollection<RuleCheck>(withoutReadmission && checks.Any(c => c.Rule.StartsWith(ReadmissionPrefix, StringComparison.Ordinal))
            ? [.. checks.Where(c => !c.Rule.StartsWith(ReadmissionPrefix, StringComparison.Ordinal))]
            : checks);
        if (known.Length < MaxSharedCheckLists)
        {
            Interlocked.CompareExchange(ref shared, [.. known, new SharedCheckList(outcome.Passed, outcome.Pending, outcome.Errors, withoutReadmission, list)], known);
        }

        return list;
    }

    /// <summary>The prefix of the rules that apply only to a person with a previous membership.</summary>
    internal const string ReadmissionPrefix = "readmission.";

    private sealed record SharedCheckList(ulong Passed, ulong Pending, ulong Errors, bool WithoutReadmission, IReadOnlyList<RuleCheck> Checks);

    /// <summary>Whether the workflow's delegate is compiled yet: a loaded workflow is compiled on its first evaluation (issue 17).</summary>
    internal bool IsCompiled => RuleExpressionCompiler.IsCompiled(run);
}

/// <summary>
/// The names of the workflows that judge members rather than a gate (issue 12): a rule file may hold them beside the
/// gates' workflows, once each.
/// </summary>
public static class MemberWorkflows
{
    /// <summary>A probationary or full member's standing on the "as of" date (<c>standing.*</c> facts): <c>memberStanding</c>.</summary>
    public const string Standing = "memberStanding";

    /// <summary>An exemption from party work, judged on the date it was granted (<c>exemption.*</c> facts): <c>exemption</c>.</summary>
    public const string Exemption = "exemption";

    /// <summary>Both names, in documentation order.</summary>
    public static ImmutableArray<string> Names { get; } = [Standing, Exemption];
}
