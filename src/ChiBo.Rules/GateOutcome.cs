using System.Collections.Generic;
using ChiBo.Evaluation;

namespace ChiBo.Rules;

/// <summary>
/// The result of running a gate's rules: one bit per rule, passed or pending, so that evaluating allocates
/// nothing; <see cref="ToChecks"/> builds the messages only when asked.
/// </summary>
/// <param name="Workflow">The workflow run.</param>
/// <param name="Passed">Bit i set when rule i passed.</param>
/// <param name="Pending">Bit i set when rule i waits for the gate's act.</param>
public readonly record struct GateOutcome(RuleWorkflow Workflow, ulong Passed, ulong Pending)
{
    /// <summary>Whether every rule passed.</summary>
    public bool AllPassed => Workflow.Rules.Length == 64 ? Passed == ulong.MaxValue : Passed == (1UL << Workflow.Rules.Length) - 1;

    /// <summary>Whether rule <paramref name="index"/> passed.</summary>
    /// <param name="index">The rule's index in the workflow.</param>
    /// <returns>True when it passed.</returns>
    public bool IsPassed(int index) => (Passed & (1UL << index)) != 0;

    /// <summary>Whether rule <paramref name="index"/> is pending.</summary>
    /// <param name="index">The rule's index in the workflow.</param>
    /// <returns>True when pending.</returns>
    public bool IsPending(int index) => (Pending & (1UL << index)) != 0;

    /// <summary>
    /// Bit i set when rule i could not be judged: its expression failed when run (neither passed nor pending). The
    /// loader refuses every expression that could fail; this is defence in depth.
    /// </summary>
    public ulong Errors { get; init; }

    /// <summary>Whether rule <paramref name="index"/> could not be judged (see <see cref="Errors"/>).</summary>
    /// <param name="index">The rule's index in the workflow.</param>
    /// <returns>True when its expression failed when run.</returns>
    public bool IsError(int index) => (Errors & (1UL << index)) != 0;

    /// <summary>Every rule's check, in order.</summary>
    /// <returns>The checks.</returns>
    public IReadOnlyList<RuleCheck> ToChecks() => ToCheckArray();

    /// <summary>Every rule's check, in order, in a new array the caller may fill in (with findings, details).</summary>
    internal RuleCheck[] ToCheckArray()
    {
        var rules = Workflow.Rules;
        var checks = new RuleCheck[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            checks[i] = IsError(i) ? rules[i].ErrorCheck : rules[i].Check(IsPassed(i), IsPending(i));
        }

        return checks;
    }
}
