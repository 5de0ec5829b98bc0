using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChiBo.Evaluation;
using ChiBo.Rules;
using ChiBo.Testing;

namespace ChiBo.Benchmarks;

/// <summary>
/// D at scale: 1,000,000 evaluations (<see cref="CaseEvaluator.Evaluate(ChiBo.Cases.CaseFile, NodaTime.LocalDate)"/>)
/// of the generated cases (<see cref="Pool"/> distinct cases, each evaluated in turn), in parallel on every core
/// with one shared evaluator, and sequentially for comparison. Each iteration is one run of the million.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    /// <summary>Evaluations per run.</summary>
    public const int Evaluations = 1_000_000;

    /// <summary>Distinct generated cases.</summary>
    public const int Pool = 10_000;

    private CaseEvaluator evaluator = null!;
    private GeneratedCase[] cases = null!;

    /// <summary>Loads the rules and generates the cases.</summary>
    [GlobalSetup]
    public void Setup()
    {
        evaluator = new CaseEvaluator(RuleCatalog.LoadShipped().GetValueOrThrow());
        cases = CaseGenerator.Generate(EvaluationBenchmarks.Seed, Pool);
    }

    /// <summary>A million evaluations over all cores.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark]
    public long Parallel_OneMillion()
    {
        long sum = 0;
        Parallel.ForEach(Partitioner.Create(0, Evaluations, 4_096), range =>
        {
            var local = 0L;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                local += Evaluate(i);
            }

            Interlocked.Add(ref sum, local);
        });
        return sum;
    }

    /// <summary>A million evaluations on one thread.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true)]
    public long Sequential_OneMillion()
    {
        long sum = 0;
        for (var i = 0; i < Evaluations; i++)
        {
            sum += Evaluate(i);
        }

        return sum;
    }

    private int Evaluate(int i)
    {
        var generated = cases[i % Pool];
        var evaluation = evaluator.Evaluate(generated.File, generated.AsOf).Value!;
        return evaluation.Checks.Count + evaluation.Violations.Count;
    }
}
