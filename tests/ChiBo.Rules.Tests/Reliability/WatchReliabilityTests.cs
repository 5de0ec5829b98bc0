using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ChiBo.Rules.Tests.Reliability;

/// <summary>
/// Issue "Reliability, second pass", defects 9 and 10: a watch that cannot be lost (the folder deleted and re-created,
/// or replaced by a rename) and a reload that would remove an era. Real files in a temporary folder.
/// </summary>
public sealed class WatchReliabilityTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string parent = Directory.CreateTempSubdirectory("chibo-watch-").FullName;

    public WatchReliabilityTests()
    {
        Fill(Folder);
    }

    private static string[] ShippedIds => [.. RuleFiles.Shipped.Select(f => Path.GetFileNameWithoutExtension(f))];

    private string Folder => Path.Combine(parent, "rules");

    public void Dispose() => Directory.Delete(parent, recursive: true);

    private static void Fill(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in RuleFiles.Shipped)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string Edited2016(int minAgeMonths)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["minAgeMonths"]!["value"] = minAgeMonths;
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private RuleCatalogProvider Open(bool watch = true) =>
        RuleCatalogProvider.Open(Folder, debounce: TimeSpan.FromMilliseconds(100), watch: watch, pollInterval: TimeSpan.FromMilliseconds(200))
            .GetValueOrThrow();

    private static int MinAge(RuleCatalogProvider provider) =>
        provider.Current.RuleSets.Single(s => s.Id == "2016-qd29").Parameters.MinAgeMonths;

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the provider did not notice the change in time");
            await Task.Delay(50);
        }
    }

    // Defect 9: after the folder was deleted and re-created, edits were never noticed while IsWatching stayed true.
    [Fact]
    public async Task A_folder_deleted_and_re_created_is_watched_again()
    {
        using var provider = Open();
        Directory.Delete(Folder, recursive: true);
        await Task.Delay(300);
        Fill(Folder);
        File.WriteAllText(Path.Combine(Folder, "2016-qd29.json"), Edited2016(228));
        await Until(() => MinAge(provider) == 228);

        // And the new folder's later edits are noticed too.
        File.WriteAllText(Path.Combine(Folder, "2016-qd29.json"), Edited2016(240));
        await Until(() => MinAge(provider) == 240);
        Assert.True(provider.IsWatching);
    }

    // Defect 9: a folder replaced by a rename — the watcher followed the renamed-away folder.
    [Fact]
    public async Task A_folder_replaced_by_a_rename_is_watched_at_its_path()
    {
        using var provider = Open();
        var staging = Path.Combine(parent, "rules.new");
        Fill(staging);
        File.WriteAllText(Path.Combine(staging, "2016-qd29.json"), Edited2016(228));
        var old = Path.Combine(parent, "rules.old");
        Directory.Move(Folder, old);
        Directory.Move(staging, Folder);
        await Until(() => MinAge(provider) == 228);

        // Edits to the folder now at the path are followed; the renamed-away folder no longer matters.
        File.WriteAllText(Path.Combine(Folder, "2016-qd29.json"), Edited2016(240));
        await Until(() => MinAge(provider) == 240);
        File.WriteAllText(Path.Combine(old, "2016-qd29.json"), Edited2016(300));
        await Task.Delay(800);
        Assert.Equal(240, MinAge(provider));
    }

    // Defect 10: a rule file deleted and written back 1.5 s later left, in between, a catalog without that era.
    [Fact]
    public async Task A_reload_that_would_remove_an_era_fails_and_keeps_the_era_until_the_file_is_back()
    {
        using var provider = Open();
        var failed = new TaskCompletionSource<RuleCatalogReloadFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadFailed += (_, e) => failed.TrySetResult(e);
        var path = Path.Combine(Folder, "2021-qd24.json");
        var text = File.ReadAllText(path);
        File.Delete(path);

        var args = await failed.Task.WaitAsync(Wait);
        var error = Assert.Single(args.Errors);
        Assert.Equal("reload.eraRemoved", error.Code);
        Assert.Contains("2021-qd24", error.Message, StringComparison.Ordinal);
        Assert.Equal(ShippedIds, provider.Current.RuleSets.Select(s => s.Id));

        var generation = provider.Generation;
        File.WriteAllText(path, text);
        await Until(() => provider.Generation > generation);
        Assert.Empty(provider.LastErrors);
        Assert.Equal(ShippedIds, provider.Current.RuleSets.Select(s => s.Id));
    }

    [Fact]
    public void An_era_is_removed_only_on_purpose()
    {
        using var provider = Open(watch: false);
        File.Delete(Path.Combine(Folder, "2016-qd29.json"));
        Assert.False(provider.TryReload());
        Assert.Equal("reload.eraRemoved", Assert.Single(provider.LastErrors).Code);
        Assert.Equal(ShippedIds, provider.Current.RuleSets.Select(s => s.Id));

        Assert.True(provider.TryReload(allowEraRemoval: true));
        Assert.Equal(ShippedIds.Skip(1), provider.Current.RuleSets.Select(s => s.Id));
    }

    [Fact]
    public void The_fingerprint_sees_names_sizes_and_a_missing_folder_without_opening_files()
    {
        var before = RuleCatalogProvider.Fingerprint(Folder);
        Assert.Equal(before, RuleCatalogProvider.Fingerprint(Folder));
        File.AppendAllText(Path.Combine(Folder, "2016-qd29.json"), " ");
        Assert.NotEqual(before, RuleCatalogProvider.Fingerprint(Folder));
        Assert.Equal("missing", RuleCatalogProvider.Fingerprint(Path.Combine(parent, "nowhere")));
    }
}
