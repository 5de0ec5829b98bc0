using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.LoadTest;

/// <summary>The outcome of one load test.</summary>
/// <param name="Requests">Requests answered.</param>
/// <param name="Errors">Requests that failed or were not answered 200.</param>
/// <param name="Seconds">The measured time.</param>
/// <param name="P50Milliseconds">The median latency.</param>
/// <param name="P99Milliseconds">The 99th percentile latency.</param>
public sealed record LoadResult(long Requests, long Errors, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>Requests per second.</summary>
    public double PerSecond => Requests / Seconds;

    /// <summary>One line for docs/performance.md.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests in {Seconds:F1} s = {PerSecond:F0}/s, p50 {P50Milliseconds:F2} ms, p99 {P99Milliseconds:F2} ms, {Errors} errors");
}

/// <summary>
/// A bounded load test of <c>POST /v1/evaluate</c>: the service on 127.0.0.1 (a free port), a fixed number of concurrent
/// clients posting one case file for a fixed time after a warm-up, then it stops by itself. Only the loopback address is
/// ever a target. <c>dotnet run -c Release --project benchmarks/ChiBo.LoadTest -- [CLIENTS] [SECONDS]</c>.
/// </summary>
public static class LoadTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="caseFile">The case file posted by every client.</param>
    /// <param name="clients">Concurrent clients (1–256).</param>
    /// <param name="duration">The measured time (at most 120 s).</param>
    /// <param name="warmUp">The time before measuring.</param>
    /// <returns>The outcome.</returns>
    public static async Task<LoadResult> RunAsync(byte[] caseFile, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clients, 256);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, TimeSpan.FromSeconds(120));
        await using var app = ChiBoServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        if (!new Uri(address).IsLoopback)
        {
            throw new InvalidOperationException($"the service listens on {address}, not the loopback address");
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(address) };
        var url = "/v1/evaluate?asOf=2019-06-10";
        using (var warm = new CancellationTokenSource(warmUp))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Loop(http, url, caseFile, warm.Token, null)));
        }

        var latencies = Enumerable.Range(0, clients).Select(_ => new List<long>(100_000)).ToArray();
        using var measured = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var errors = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Loop(http, url, caseFile, measured.Token, latencies[i])));
        watch.Stop();
        await app.StopAsync();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(all.Length, errors.Sum(), watch.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99));
    }

    private static async Task<long> Loop(HttpClient http, string url, byte[] body, CancellationToken stop, List<long>? latencies)
    {
        long errors = 0;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(body);
                using var response = await http.PostAsync(url, content, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    continue;
                }
            }
            catch (HttpRequestException)
            {
                errors++;
                continue;
            }

            latencies?.Add(Stopwatch.GetTimestamp() - start);
        }

        return errors;
    }

    /// <summary>The command line: clients and seconds, the case file samples/cases/staff-past-youth-age.case.json.</summary>
    /// <param name="args">CLIENTS SECONDS.</param>
    /// <returns>0 when no request failed.</returns>
    public static async Task<int> Main(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 16;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var path = Path.Combine(FindRoot(), "samples", "cases", "staff-past-youth-age.case.json");
        var result = await RunAsync(await File.ReadAllBytesAsync(path), clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(2));
        Console.WriteLine($"{clients} clients, POST /v1/evaluate: {result}");
        return result.Errors == 0 ? 0 : 1;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChiBo.Domain.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
