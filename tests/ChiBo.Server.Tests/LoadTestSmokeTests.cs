using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ChiBo.Server.Tests;

/// <summary>
/// The load test (benchmarks/ChiBo.LoadTest) works end to end on the loopback address: a tiny run, two clients for half
/// a second, answers every request. Its speed is measured by running the tool, not here (docs/performance.md).
/// </summary>
public class LoadTestSmokeTests
{
    [Fact]
    public async Task A_short_bounded_run_answers_every_request_and_stops_by_itself()
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(ServerApiTests.Root, "samples", "cases", "staff-past-youth-age.case.json"));
        var result = await LoadTest.LoadTest.RunAsync(body, 2, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(200)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, result.Errors);
        Assert.True(result.Requests > 0);
        Assert.True(result.P99Milliseconds >= result.P50Milliseconds);
    }
}
