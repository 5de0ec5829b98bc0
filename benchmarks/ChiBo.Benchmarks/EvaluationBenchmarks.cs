using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules;
using ChiBo.Rules.Facts;
using ChiBo.Testing;
using NodaTime;
using RulesEngine.Models;

namespace ChiBo.Benchmarks;

/// <summary>
/// ChiBo's rule evaluation side by side with the same rules written by hand and run by RulesEngine, on the same
/// seeded generated cases (<see cref="CaseGenerator"/>, seed <see cref="Seed"/>). Every per-case benchmark runs
/// over all <see cref="CaseCount"/> cases per invocation and reports the time and allocations per case.
/// </summary>
/// <remarks>
/// <para>What each benchmark includes, per case (the case replayed once in the setup, as a host that keeps
/// histories would):</para>
/// <list type="bullet">
/// <item><b>A</b> (<c>A_ChiBo_Gate</c>): <see cref="RuleCatalog.Evaluate"/> of the admission gate
/// (<c>cellAdmissionVote</c>, 12 rules) on the case's "as of" date: the rule set in force on that date, the
/// <see cref="GateFacts"/> folded from the replayed history, every rule of the workflow, and the outcome's bits
/// (messages are not built: that is <see cref="GateOutcome.ToChecks"/>, on demand).</item>
/// <item><b>B</b> (<c>B_HandWritten_Gate</c>, the baseline): the same work — rule set in force, the same facts
/// builder — with the seventeen rules written by hand in C# (<see cref="HandWrittenAdmissionRules"/>).</item>
/// <item><b>C</b> (<c>C_RulesEngine_Gate</c>): the same work, with the same JSON rules run by RulesEngine 6.0.1's
/// <c>ExecuteAllRulesAsync</c> on the inputs a host would pass it (<c>RulesEngineInterop.Inputs</c>: one
/// <c>RuleParameter</c> per facts group and <c>params</c>), one engine per rule set built in the setup.</item>
/// <item><c>*_RulesOnly</c>: the rules alone on facts built in the setup (ChiBo's workflow delegate, the
/// hand-written rules, RulesEngine on prepared inputs).</item>
/// <item><b>D</b> (<c>D_CaseEvaluator</c>): <see cref="CaseEvaluator.Evaluate(ChiBo.Cases.CaseFile, LocalDate)"/>
/// of the case file: replay, stage, next gate and its checks with messages, violations of every gate passed,
/// key dates and deadlines.</item>
/// <item><b>E</b> (<c>E_LoadShipped</c>): <see cref="RuleCatalog.LoadShipped"/> — read, validate, parse,
/// check and compile the four shipped rule sets — warm (in a process that has loaded them before);
/// <see cref="ColdStartBenchmarks"/> measures the first load in a new process.</item>
/// </list>
/// </remarks>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    /// <summary>The generator's seed.</summary>
    public const int Seed = 20_250_101;

    /// <summary>The cases evaluated per invocation.</summary>
    public const int CaseCount = 2_000;

    private const string AdmissionWorkflow = "cellAdmissionVote";

    private RuleCatalog catalog = null!;
    private CaseEvaluator evaluator = null!;
    private GeneratedCase[] cases = null!;
    private CaseHistory[] histories = null!;
    private LocalDate[] dates = null!;
    private GateFacts[] facts = null!;
    private RuleWorkflow[] workflows = null!;
    private RuleParameters[] parameters = null!;
    private RuleParameter[][] inputs = null!;
    private RulesEngine.RulesEngine[] engines = null!;
    private int[] engineOf = null!;
    private WorkingDayCounter countWorkingDays = null!;

    /// <summary>Generates and replays the cases, builds the engines, and checks that A, B and C agree on every case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        catalog = RuleCatalog.LoadShipped().GetValueOrThrow();
        evaluator = new CaseEvaluator(catalog);
        countWorkingDays = catalog.Calendar.CountWorkingDays;
        cases = CaseGenerator.Generate(Seed, CaseCount);
        histories = cases.Select(c => CaseLifecycle.Replay(c.File, c.AsOf).History!).ToArray();
        dates = cases.Select(c => c.AsOf).ToArray();
        var sets = dates.Select(d => catalog.InForce(d)!).ToArray();
        parameters = sets.Select(s => s.Parameters).ToArray();
        workflows = sets.Select(s => s.WorkflowFor(Gate.CellAdmissionVote)!).ToArray();
        facts = histories.Select((h, i) => GateFactsBuilder.Build(h, h.Applied.Length, dates[i], null, parameters[i], countWorkingDays)).ToArray();
        inputs = facts.Select((f, i) => RulesEngineInterop.Inputs(in f, parameters[i])).ToArray();
        engines = catalog.RuleSets.Select(s => new RulesEngine.RulesEngine(RulesEngineInterop.ToWorkflows(s))).ToArray();
        engineOf = sets.Select(s => catalog.RuleSets.IndexOf(s)).ToArray();

        for (var i = 0; i < CaseCount; i++)
        {
            var a = catalog.Evaluate(histories[i], Gate.CellAdmissionVote, dates[i])!.Value;
            var b = HandWrittenGate(i);
            var c = RulesEngineGate(i).GetAwaiter().GetResult();
            if (a.Passed != b.Passed || a.Pending != b.Pending || a.Passed != c)
            {
                throw new InvalidOperationException(
                    $"case {i}: ChiBo {a.Passed:X}/{a.Pending:X}, by hand {b.Passed:X}/{b.Pending:X}, RulesEngine {c:X}");
            }
        }
    }

    /// <summary>A: ChiBo's compiled JSON rules of the admission gate, facts included.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public ulong A_ChiBo_Gate()
    {
        ulong sum = 0;
        for (var i = 0; i < histories.Length; i++)
        {
            sum += catalog.Evaluate(histories[i], Gate.CellAdmissionVote, dates[i])!.Value.Passed;
        }

        return sum;
    }

    /// <summary>B: the same rules by hand, facts included (the baseline).</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = CaseCount)]
    public ulong B_HandWritten_Gate()
    {
        ulong sum = 0;
        for (var i = 0; i < histories.Length; i++)
        {
            sum += HandWrittenGate(i).Passed;
        }

        return sum;
    }

    /// <summary>C: the same JSON rules through RulesEngine's ExecuteAllRulesAsync, facts and inputs included.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public async Task<ulong> C_RulesEngine_Gate()
    {
        ulong sum = 0;
        for (var i = 0; i < histories.Length; i++)
        {
            sum += await RulesEngineGate(i);
        }

        return sum;
    }

    /// <summary>ChiBo's workflow on facts built beforehand.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public ulong A_ChiBo_RulesOnly()
    {
        ulong sum = 0;
        for (var i = 0; i < facts.Length; i++)
        {
            sum += workflows[i].Evaluate(in facts[i]).Passed;
        }

        return sum;
    }

    /// <summary>The hand-written rules on facts built beforehand.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public ulong B_HandWritten_RulesOnly()
    {
        ulong sum = 0;
        for (var i = 0; i < facts.Length; i++)
        {
            sum += HandWrittenAdmissionRules.Evaluate(in facts[i], parameters[i]).Passed;
        }

        return sum;
    }

    /// <summary>RulesEngine on inputs built beforehand.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public async Task<ulong> C_RulesEngine_RulesOnly()
    {
        ulong sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            sum += Bits(await engines[engineOf[i]].ExecuteAllRulesAsync(AdmissionWorkflow, inputs[i]));
        }

        return sum;
    }

    /// <summary>D: the whole evaluation of a case file on its date.</summary>
    /// <returns>A checksum of the evaluations.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int D_CaseEvaluator()
    {
        var sum = 0;
        for (var i = 0; i < cases.Length; i++)
        {
            var evaluation = evaluator.Evaluate(cases[i].File, cases[i].AsOf).Value!;
            sum += evaluation.Checks.Count + evaluation.Violations.Count + (int)evaluation.Stage;
        }

        return sum;
    }

    /// <summary>E: loading and compiling the shipped rule sets, warm.</summary>
    /// <returns>The catalog.</returns>
    [Benchmark]
    public RuleCatalog E_LoadShipped() => RuleCatalog.LoadShipped().GetValueOrThrow();

    private GateOutcome HandWrittenGate(int i)
    {
        var date = dates[i];
        var set = catalog.InForce(date)!;
        var history = histories[i];
        var gateFacts = GateFactsBuilder.Build(history, history.Applied.Length, date, null, set.Parameters, countWorkingDays);
        var (passed, pending) = HandWrittenAdmissionRules.Evaluate(in gateFacts, set.Parameters);
        return new GateOutcome(set.WorkflowFor(Gate.CellAdmissionVote)!, passed, pending);
    }

    private async Task<ulong> RulesEngineGate(int i)
    {
        var date = dates[i];
        var set = catalog.InForce(date)!;
        var history = histories[i];
        var gateFacts = GateFactsBuilder.Build(history, history.Applied.Length, date, null, set.Parameters, countWorkingDays);
        var results = await engines[catalog.RuleSets.IndexOf(set)].ExecuteAllRulesAsync(AdmissionWorkflow, RulesEngineInterop.Inputs(in gateFacts, set.Parameters));
        return Bits(results);
    }

    private static ulong Bits(List<RuleResultTree> results)
    {
        ulong bits = 0;
        for (var r = 0; r < results.Count; r++)
        {
            if (results[r].IsSuccess)
            {
                bits |= 1UL << r;
            }
        }

        return bits;
    }
}
