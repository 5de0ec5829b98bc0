using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Tests.Fuzzing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue "For host developers" (item 1): async reading with a CancellationToken for case files, cell files, holiday
/// years, rosters and rule folders, giving exactly what the synchronous readers give.
/// </summary>
public sealed class AsyncReadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("chibo-async-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Samples(params string[] parts) => Path.Combine([RuleFiles.RepoRoot, "samples", .. parts]);

    /// <summary>A request body as ASP.NET Core gives it: not seekable, and synchronous reads are disallowed.</summary>
    private sealed class AsyncOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return inner.Read(buffer.Span[..Math.Min(buffer.Length, 4096)]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task A_case_file_is_read_from_a_request_body_that_forbids_synchronous_reads()
    {
        var path = Samples("cases", "student-turned-18.case.json");
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Throws<InvalidOperationException>(() => CaseFileSerializer.Read(new AsyncOnlyStream(bytes), "body"));

        var read = await CaseFileSerializer.ReadAsync(new AsyncOnlyStream(bytes), "body");
        Assert.True(read.IsValid);
        Assert.Equal(CaseFileSerializer.Write(CaseFileSerializer.ReadFile(path).GetValueOrThrow()), CaseFileSerializer.Write(read.Value));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_without_reading_it_whole()
    {
        var read = await CaseFileSerializer.ReadAsync(new AsyncOnlyStream(new byte[CaseFileSerializer.MaxFileBytes + 10]), "body");
        Assert.Equal("file.tooLarge", Assert.Single(read.Errors).Code);
    }

    [Fact]
    public async Task Every_async_reader_gives_what_its_synchronous_twin_gives()
    {
        var casePath = Samples("cases", "probationary-member.case.json");
        Assert.Equal(CaseFileSerializer.ReadFile(casePath).Value!.Person, (await CaseFileSerializer.ReadFileAsync(casePath)).Value!.Person);

        var cellPath = Samples("roster-2019", "cell.json");
        var cell = await CellFileSerializer.ReadFileAsync(cellPath);
        Assert.True(cell.IsValid);
        Assert.Equal(CellFileSerializer.Write(CellFileSerializer.ReadFile(cellPath).GetValueOrThrow()), CellFileSerializer.Write(cell.Value));
        await using (var stream = File.OpenRead(cellPath))
        {
            Assert.True((await CellFileSerializer.ReadAsync(stream, "cell.json")).IsValid);
        }

        var yearPath = Path.Combine(RuleFiles.RepoRoot, "rules", "calendar", "2025.json");
        var year = await HolidayYearSerializer.ReadFileAsync(yearPath);
        Assert.Equal(HolidayYearSerializer.Write(HolidayYearSerializer.ReadFile(yearPath).GetValueOrThrow()), HolidayYearSerializer.Write(year.GetValueOrThrow()));
        await using (var stream = File.OpenRead(yearPath))
        {
            Assert.Equal(2025, (await HolidayYearSerializer.ReadAsync(stream, "2025.json")).GetValueOrThrow().Year);
        }

        var roster = Roster.LoadDirectory(Samples("roster-2019"));
        var rosterAsync = await Roster.LoadDirectoryAsync(Samples("roster-2019"));
        Assert.Equal(roster.Cases.Select(c => c.FileName), rosterAsync.Cases.Select(c => c.FileName));
        Assert.Equal(roster.Errors, rosterAsync.Errors);

        var rules = RuleCatalog.LoadDirectory(RuleFiles.Folder).GetValueOrThrow();
        var rulesAsync = (await RuleCatalog.LoadDirectoryAsync(RuleFiles.Folder)).GetValueOrThrow();
        Assert.Equal(rules.RuleSets.Select(s => (s.Id, s.EffectiveFrom)), rulesAsync.RuleSets.Select(s => (s.Id, s.EffectiveFrom)));
        var file = (await RuleSetLoader.LoadFileAsync(Path.Combine(RuleFiles.Folder, "2016-qd29.json"))).GetValueOrThrow();
        Assert.Equal("2016-qd29", file.Id);
        await using (var stream = File.OpenRead(Path.Combine(RuleFiles.Folder, "2016-qd29.json")))
        {
            Assert.Equal("2016-qd29", (await RuleSetLoader.LoadAsync(stream, "2016-qd29.json")).GetValueOrThrow().Id);
        }
    }

    [Fact]
    public async Task A_broken_rules_folder_gives_the_same_errors_asynchronously()
    {
        foreach (var shipped in RuleFiles.Shipped)
        {
            File.Copy(shipped, Path.Combine(folder, Path.GetFileName(shipped)));
        }

        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.months >= params.nope";
        await File.WriteAllTextAsync(Path.Combine(folder, "2016-qd29.json"), node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        SpecialFiles.Create(Path.Combine(folder, "pipe.json"), FileKind.Fifo);
        try
        {
            var sync = RuleCatalog.LoadDirectory(folder);
            var async = await RuleCatalog.LoadDirectoryAsync(folder).WaitAsync(SpecialFiles.HangGuard);
            Assert.Equal(sync.Errors, async.Errors);
            Assert.Contains(async.Errors, e => e.Code == "file.notRegular");
            Assert.Contains(async.Errors, e => e.Rule == "age.minimum" && e.Line is not null);
        }
        finally
        {
            SpecialFiles.Release(Path.Combine(folder, "pipe.json"));
        }
    }

    [Fact]
    public async Task A_pipe_is_refused_by_the_async_readers_without_blocking()
    {
        var pipe = Path.Combine(folder, "x.case.json");
        SpecialFiles.Create(pipe, FileKind.Fifo);
        try
        {
            var read = await CaseFileSerializer.ReadFileAsync(pipe).WaitAsync(SpecialFiles.HangGuard);
            Assert.Equal("file.notRegular", Assert.Single(read.Errors).Code);
        }
        finally
        {
            SpecialFiles.Release(pipe);
        }
    }

    [Fact]
    public async Task A_cancelled_read_throws_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var path = Samples("cases", "probationary-member.case.json");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CaseFileSerializer.ReadFileAsync(path, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CaseFileSerializer.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("{}")), null, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Roster.LoadDirectoryAsync(Samples("roster-2019"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RuleCatalog.LoadDirectoryAsync(RuleFiles.Folder, null, cancelled.Token));
    }
}
