using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChiBo.Rules;

namespace ChiBo.Benchmarks;

/// <summary>
/// E, cold: the first <see cref="RuleCatalog.LoadShipped"/> of a process — reading, validating, parsing, checking
/// and compiling the three shipped rule sets, with the JIT compiling ChiBo's loader, System.Text.Json,
/// System.Linq.Dynamic.Core and the expression compiler on the way — measured once in each of several new
/// processes (no warm-up).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1)]
public class ColdStartBenchmarks
{
    /// <summary>The first load of the shipped rule sets in a process.</summary>
    /// <returns>The catalog.</returns>
    [Benchmark]
    public RuleCatalog E_LoadShipped_Cold() => RuleCatalog.LoadShipped().GetValueOrThrow();
}
