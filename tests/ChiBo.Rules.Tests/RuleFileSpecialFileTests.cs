using System;
using System.IO;
using System.Linq;
using ChiBo.Tests.Fuzzing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 18, defect 4 for rule files: a named pipe (or any special file) named x.json in a rules folder blocked
/// <see cref="RuleSetLoader.LoadFile(string)"/>, <see cref="RuleCatalog.LoadDirectory"/> and a watching provider's reload
/// (holding its lock, so that <c>TryReload</c> and <c>Dispose</c> never returned). Each is now a typed error naming the
/// file, in bounded time.
/// </summary>
public sealed class RuleFileSpecialFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("chibo-rules-special-").FullName;

    public RuleFileSpecialFileTests()
    {
        foreach (var file in RuleFiles.Shipped)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<FileKind> SpecialKinds => new(SpecialFiles.Special);

    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void LoadFile_of_a_special_file_is_its_error_naming_the_file(FileKind kind)
    {
        var path = Path.Combine(folder, "x.json");
        SpecialFiles.Create(path, kind);
        var error = Assert.Single(SpecialFiles.Bounded(() => RuleSetLoader.LoadFile(path), $"LoadFile of a {kind}", path).Errors);
        Assert.Equal((SpecialFiles.ExpectedCode(kind), path, "$"), (error.Code, error.File, error.Path));
    }

    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void LoadDirectory_reports_a_special_entry_named_like_a_rule_file(FileKind kind)
    {
        var path = Path.Combine(folder, "x.json");
        SpecialFiles.Create(path, kind);
        var loaded = SpecialFiles.Bounded(() => RuleCatalog.LoadDirectory(folder), $"LoadDirectory with a {kind}", path);
        Assert.Null(loaded.Value);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal((SpecialFiles.ExpectedCode(kind), path), (error.Code, error.File));
    }

    [Fact]
    public void A_link_to_a_rule_file_loads_like_the_file()
    {
        var path = Path.Combine(folder, "x.json");
        SpecialFiles.Create(path, FileKind.LinkToRegular, File.ReadAllBytes(RuleFiles.Shipped[0]));
        File.Delete(Path.Combine(folder, Path.GetFileName(RuleFiles.Shipped[0])));
        var loaded = RuleCatalog.LoadDirectory(folder);
        Assert.True(loaded.Value is not null, string.Join("; ", loaded.Errors));
    }

    // The reload found the pipe and blocked for ever holding its lock; now it fails, keeps the catalog and returns.
    [Fact]
    public void A_named_pipe_added_to_a_watched_folder_fails_the_reload_and_Dispose_returns()
    {
        var opened = RuleCatalogProvider.Open(folder, watch: true);
        var provider = opened.Value!;
        var before = provider.Current;
        var pipe = Path.Combine(folder, "x.json");
        SpecialFiles.MakeFifo(pipe);
        var reloaded = SpecialFiles.Bounded(provider.TryReload, "TryReload with a named pipe", pipe);
        Assert.False(reloaded);
        Assert.Same(before, provider.Current);
        Assert.Equal(("file.notRegular", pipe), (provider.LastErrors.Single().Code, provider.LastErrors.Single().File));
        SpecialFiles.Bounded(() => { provider.Dispose(); return 0; }, "Dispose after a named pipe", pipe);
    }
}
