using System;
using System.Linq;
using ChiBo.Lifecycle;
using ChiBo.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// The allocation-free path stays so: running a gate's rules on a replayed case (<see cref="RuleCatalog.Evaluate"/>:
/// rule set in force, facts, every rule) allocates nothing; messages are built only by <see cref="GateOutcome.ToChecks"/>.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void Evaluating_a_gate_allocates_nothing()
    {
        var catalog = RuleCatalog.LoadShipped().GetValueOrThrow();
        var cases = CaseGenerator.Generate(11, 300);
        var histories = cases.Select(c => CaseLifecycle.Replay(c.File, c.AsOf).History!).ToArray();
        var gates = new[] { Gate.CellAdmissionVote, Gate.CommitteeApproval, Gate.Ceremony, Gate.FullMembershipVote };
        var passed = Run(catalog, histories, cases, gates); // first use: JIT, calendar years

        var before = GC.GetAllocatedBytesForCurrentThread();
        passed += Run(catalog, histories, cases, gates);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0UL, passed);
    }

    private static ulong Run(RuleCatalog catalog, CaseHistory[] histories, GeneratedCase[] cases, Gate[] gates)
    {
        ulong passed = 0;
        for (var i = 0; i < histories.Length; i++)
        {
            foreach (var gate in gates)
            {
                if (catalog.Evaluate(histories[i], gate, cases[i].AsOf) is { } outcome)
                {
                    passed += outcome.Passed;
                }
            }
        }

        return passed;
    }
}
