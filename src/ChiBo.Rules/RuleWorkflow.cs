using System.Collections.Immutable;
using ChiBo.Lifecycle;
using ChiBo.Rules.Facts;

namespace ChiBo.Rules;

/// <summary>The rules of one gate (a RulesEngine workflow named after the gate), in the file's order.</summary>
public sealed class RuleWorkflow
{
    /// <summary>The most rules a workflow may hold (each result is one bit of <see cref="GateOutcome"/>).</summary>
    public const int MaxRules = 64;

    internal RuleWorkflow(Gate gate, ImmutableArray<RuleDefinition> rules)
    {
        Gate = gate;
        Rules = rules;
    }

    /// <summary>The gate.</summary>
    public Gate Gate { get; }

    /// <summary>The rules, in the file's order.</summary>
    public ImmutableArray<RuleDefinition> Rules { get; }

    /// <summary>Runs every rule on the facts; allocates nothing.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>Which rules passed and which are pending, one bit per rule in order.</returns>
    public GateOutcome Evaluate(in GateFacts facts)
    {
        ulong passed = 0;
        ulong pending = 0;
        var rules = Rules.AsSpan();
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].IsSatisfiedBy(in facts))
            {
                passed |= 1UL << i;
            }
            else if (rules[i].IsPending(in facts))
            {
                pending |= 1UL << i;
            }
        }

        return new GateOutcome(this, passed, pending);
    }
}
