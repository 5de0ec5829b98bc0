using BenchmarkDotNet.Running;

namespace ChiBo.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/ChiBo.Benchmarks -- --filter '*'</c>
/// (BenchmarkDotNet's command line: <c>--filter</c>, <c>--job short</c>, …). See docs/performance.md.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
