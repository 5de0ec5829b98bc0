using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Serialization;
using Microsoft.Extensions.Logging;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ChiBo.Rules.Tests;

/// <summary>Hot reload of a rules folder, with real files in a temporary folder.</summary>
public sealed class RuleCatalogProviderTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly LocalDate Vote = new(2019, 6, 10);

    private readonly string folder = Directory.CreateTempSubdirectory("chibo-reload-").FullName;
    private readonly ITestOutputHelper output;

    public RuleCatalogProviderTests(ITestOutputHelper output)
    {
        this.output = output;
        foreach (var file in RuleFiles.Shipped)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private string File2016 => Path.Combine(folder, "2016-qd29.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The 2016 rule set with 20 years (240 months) as the minimum age instead of 18.</summary>
    private static string Edited2016(int minAgeMonths = 240)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["minAgeMonths"]!["value"] = minAgeMonths;
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The 2016 rule set with a typo in the expression of age.minimum.</summary>
    private static string Broken2016()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.monts >= params.minAgeMonths";
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A teacher 221 months old on the vote: old enough by 18 years, not by 20.</summary>
    private static CaseFile Applicant() =>
        new(Cases.Person(new LocalDate(2001, 1, 15)), Cases.GrassrootsCell, [.. Cases.Dossier(Vote)]);

    private static bool AgeMinimumPasses(ICaseRules rules) =>
        new CaseEvaluator(rules).Evaluate(Applicant(), Vote).Value!.Checks.Single(c => c.Rule == "age.minimum").Passed;

    private RuleCatalogProvider Open(ILogger? logger = null, bool watch = true) =>
        RuleCatalogProvider.Open(folder, logger: logger, debounce: TimeSpan.FromMilliseconds(100), watch: watch).GetValueOrThrow();

    [Fact]
    public void Open_loads_the_folder_as_generation_0_and_serves_as_ICaseRules()
    {
        using var provider = Open(watch: false);
        Assert.Equal(0, provider.Generation);
        Assert.Empty(provider.LastErrors);
        Assert.Equal(["2016-qd29", "2021-qd24", "2025-qd232", "2025-qd294"], provider.Current.RuleSets.Select(s => s.Id));
        Assert.True(AgeMinimumPasses(provider));
        Assert.Equal(Path.GetFullPath(folder), provider.Folder);
    }

    [Fact]
    public void Open_on_a_broken_folder_gives_every_error_and_logs_them()
    {
        File.WriteAllText(File2016, Broken2016());
        var logs = new ListLogger();
        var result = RuleCatalogProvider.Open(folder, logger: logs);
        Assert.Null(result.Value);
        Assert.Equal("age.minimum", Assert.Single(result.Errors).Rule);
        Assert.Contains(logs.Messages, m => m.Contains("age.minimum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_edit_is_swapped_in_after_the_debounce()
    {
        using var provider = Open();
        Assert.True(provider.IsWatching);
        var before = provider.Current;
        var reloaded = new TaskCompletionSource<RuleCatalogReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += (_, e) => reloaded.TrySetResult(e);

        File.WriteAllText(File2016, Edited2016());
        var args = await reloaded.Task.WaitAsync(Wait);

        Assert.Same(before, args.Previous);
        Assert.Same(provider.Current, args.Current);
        Assert.Equal(240, provider.Current.InForce(Vote)!.Parameters.MinAgeMonths);
        Assert.True(provider.Generation >= 1);
        Assert.False(AgeMinimumPasses(provider));
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_catalog_and_reports_file_rule_and_line()
    {
        var logs = new ListLogger();
        using var provider = Open(logs);
        var good = provider.Current;
        var failed = new TaskCompletionSource<RuleCatalogReloadFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadFailed += (_, e) => failed.TrySetResult(e);

        File.WriteAllText(File2016, Broken2016());
        var args = await failed.Task.WaitAsync(Wait);

        var error = Assert.Single(args.Errors);
        Assert.Equal(File2016, error.File);
        Assert.Equal("age.minimum", error.Rule);
        Assert.Equal("cellAdmissionVote", error.Workflow);
        Assert.NotNull(error.Line);
        Assert.Equal("expression.unknownName", error.Code);
        Assert.Same(good, args.Kept);
        Assert.Same(good, provider.Current);
        Assert.Equal(0, provider.Generation);
        Assert.Equal(args.Errors, provider.LastErrors);
        Assert.True(AgeMinimumPasses(provider));
        Assert.Contains(logs.Messages, m => m.Contains("not reloaded", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("2016-qd29.json:", StringComparison.Ordinal) && m.Contains("age.minimum", StringComparison.Ordinal));

        // Fixing the file swaps the fixed catalog in and clears the errors.
        var reloaded = new TaskCompletionSource<RuleCatalogReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += (_, e) => reloaded.TrySetResult(e);
        File.WriteAllText(File2016, Edited2016());
        await reloaded.Task.WaitAsync(Wait);
        Assert.Empty(provider.LastErrors);
        Assert.False(AgeMinimumPasses(provider));
    }

    [Fact]
    public async Task An_atomic_save_by_rename_is_noticed()
    {
        using var provider = Open();
        var reloaded = new TaskCompletionSource<RuleCatalogReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += (_, e) => reloaded.TrySetResult(e);

        var temp = Path.Combine(folder, ".2016-qd29.json.swp");
        File.WriteAllText(temp, Edited2016());
        File.Move(temp, File2016, overwrite: true);
        await reloaded.Task.WaitAsync(Wait);
        Assert.Equal(240, provider.Current.InForce(Vote)!.Parameters.MinAgeMonths);
    }

    [Fact]
    public void TryReload_swaps_a_good_folder_in_and_keeps_the_last_good_one_otherwise()
    {
        using var provider = Open(watch: false);
        Assert.False(provider.IsWatching);
        var first = provider.Current;

        File.WriteAllText(File2016, Edited2016());
        Assert.True(provider.TryReload());
        Assert.Equal(1, provider.Generation);
        var second = provider.Current;
        Assert.NotSame(first, second);

        File.WriteAllText(File2016, Broken2016());
        Assert.False(provider.TryReload());
        Assert.Same(second, provider.Current);
        Assert.Equal("age.minimum", Assert.Single(provider.LastErrors).Rule);

        foreach (var file in Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        Assert.False(provider.TryReload());
        Assert.Equal("ruleSet.none", Assert.Single(provider.LastErrors).Code);
        Assert.Same(second, provider.Current);
    }

    [Fact]
    public void A_handler_that_throws_is_logged_and_does_not_stop_the_reload_or_other_handlers()
    {
        var logs = new ListLogger();
        using var provider = Open(logs, watch: false);
        var called = 0;
        provider.Reloaded += (_, _) => throw new InvalidOperationException("handler bug");
        provider.Reloaded += (_, _) => called++;
        File.WriteAllText(File2016, Edited2016());
        Assert.True(provider.TryReload());
        Assert.Equal(1, called);
        Assert.Contains(logs.Messages, m => m.Contains("Reloaded threw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_Dispose_edits_are_not_watched_and_TryReload_throws()
    {
        var provider = Open();
        var current = provider.Current;
        var reloads = 0;
        provider.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        provider.Dispose();
        provider.Dispose();

        File.WriteAllText(File2016, Edited2016());
        await Task.Delay(500);
        Assert.Equal(0, Volatile.Read(ref reloads));
        Assert.Same(current, provider.Current);
        Assert.Throws<ObjectDisposedException>(() => provider.TryReload());
    }

    // Law: evaluations running while the catalog is reloaded many times see the old or the new rules, never a mix,
    // and never throw.
    [Fact]
    public async Task Concurrent_evaluations_during_many_reloads_see_old_or_new_results_never_a_mix()
    {
        using var provider = Open(watch: false);
        var asOfDates = new[] { Vote, Vote.PlusDays(-30), new LocalDate(2021, 1, 4) };
        var cases = new[]
        {
            Applicant(),
            new CaseFile(Cases.Person(new LocalDate(2001, 1, 15)), Cases.GrassrootsCell,
                [.. Cases.Admitted(Vote, Vote.PlusDays(20), Vote.PlusDays(90))]),
        };
        string Answer(EvaluationResult result) => JsonSerializer.Serialize(result, ChiBoJson.CompactOptions);

        var old = provider.Current;
        File.WriteAllText(File2016, Edited2016());
        var edited = RuleCatalog.LoadDirectory(folder).GetValueOrThrow();
        var expected = cases.SelectMany(c => asOfDates.Select(d => (c, d))).ToDictionary(
            x => x,
            x => (Old: Answer(new CaseEvaluator(old).Evaluate(x.c, x.d)), New: Answer(new CaseEvaluator(edited).Evaluate(x.c, x.d))));
        Assert.Contains(expected.Values, v => v.Old != v.New);

        var stop = 0;
        var failures = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>();
        using var started = new CountdownEvent(3);
        var readers = Enumerable.Range(0, 3).Select(r => Task.Factory.StartNew(() =>
        {
            var i = r;
            var first = true;
            while (Volatile.Read(ref stop) == 0)
            {
                var ((c, d), answers) = expected.ElementAt(i++ % expected.Count);
                try
                {
                    var answer = Answer(provider.Evaluate(c, d));
                    if (answer != answers.Old && answer != answers.New)
                    {
                        failures.Enqueue($"a mixed answer: {answer}");
                    }

                    seen.AddOrUpdate(answer == answers.Old ? "old" : "new", 1, (_, n) => n + 1);

                    // One ICaseRules call reads one snapshot: the assessment is the old or the new one.
                    var history = CaseLifecycleHistory(c, d);
                    var assessment = JsonSerializer.Serialize(provider.Assess(history, history.NextGate, d), ChiBoJson.CompactOptions);
                    if (assessment != JsonSerializer.Serialize(old.Assess(history, history.NextGate, d), ChiBoJson.CompactOptions)
                        && assessment != JsonSerializer.Serialize(edited.Assess(history, history.NextGate, d), ChiBoJson.CompactOptions))
                    {
                        failures.Enqueue($"a mixed assessment: {assessment}");
                    }
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.ToString());
                }

                if (first)
                {
                    first = false;
                    started.Signal();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        // Dedicated threads, each evaluating before the reloads begin: a busy test run must not leave them unscheduled.
        Assert.True(started.Wait(Wait));
        var before = seen.Values.Sum();
        const int reloads = 30;
        for (var k = 0; k < reloads; k++)
        {
            File.WriteAllText(File2016, k % 2 == 0 ? RuleFiles.Text("2016-qd29") : Edited2016());
            Assert.True(provider.TryReload());
        }

        Volatile.Write(ref stop, 1);
        await Task.WhenAll(readers).WaitAsync(Wait);
        Assert.Empty(failures);
        Assert.Equal(reloads, provider.Generation);
        Assert.True(seen.Values.Sum() > before);
        output.WriteLine($"{seen.Values.Sum()} evaluations during {reloads} reloads: {string.Join(", ", seen.Select(kv => $"{kv.Value} {kv.Key}"))}");
    }

    private static Lifecycle.CaseHistory CaseLifecycleHistory(CaseFile caseFile, LocalDate asOf) =>
        Lifecycle.CaseLifecycle.Replay(caseFile, asOf).History!;

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}
