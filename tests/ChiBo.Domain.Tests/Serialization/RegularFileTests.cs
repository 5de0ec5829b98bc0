using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Serialization;
using ChiBo.Tests.Fuzzing;
using Xunit;

namespace ChiBo.Tests.Serialization;

/// <summary>
/// The safe reader (issue 18, "readers that open only what they mean to"): case, cell, calendar and roster files
/// are opened only when they are regular files, read with a hard byte bound, and never block. Defects 4 (named
/// pipes hang), 6 (calendar files), 7 (a link to /dev/zero), 12 (roster memory) and 15 (rosters skip silently).
/// </summary>
public sealed class RegularFileTests : IDisposable
{
    private static readonly string RosterDir = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private readonly string folder = Directory.CreateTempSubdirectory("chibo-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<FileKind> SpecialKinds => new(SpecialFiles.Special);

    private static byte[] SampleCase => File.ReadAllBytes(Path.Combine(TestData.SamplesDir, "probationary-member.case.json"));

    private string Make(string name, FileKind kind, byte[]? content = null)
    {
        var path = Path.Combine(folder, name);
        SpecialFiles.Create(path, kind, content);
        return path;
    }

    // Defects 4, 6, 7: every special kind, under every reader, is its typed error naming the path, in bounded time.
    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void Every_reader_refuses_a_special_file_with_its_code_and_path_without_blocking(FileKind kind)
    {
        var path = Make("x.case.json", kind);
        var expected = SpecialFiles.ExpectedCode(kind);
        var readers = new (string Name, Func<IReadOnlyList<CaseFileError>> Read)[]
        {
            ("RegularFile", () => RegularFile.ReadAllBytes(path, CaseFileSerializer.MaxFileBytes).Error is { } e ? [e] : []),
            ("CaseFileSerializer.ReadFile", () => CaseFileSerializer.ReadFile(path).Errors),
            ("CellFileSerializer.ReadFile", () => CellFileSerializer.ReadFile(path).Errors),
            ("HolidayYearSerializer.ReadFile", () => HolidayYearSerializer.ReadFile(path).Errors),
        };
        foreach (var (name, read) in readers)
        {
            var errors = SpecialFiles.Bounded(read, $"{name} of a {kind}", path);
            var error = Assert.Single(errors);
            Assert.True(error.Code == expected, $"{name} of a {kind}: {error}");
            Assert.Equal(path, error.File);
            Assert.Equal("$", error.Path);
        }
    }

    [Fact]
    public void A_named_pipe_cell_file_is_refused_saying_it_is_a_named_pipe()
    {
        var pipe = Make("cell.json", FileKind.Fifo);
        Assert.Equal("file.notRegular", SpecialFiles.Bounded(() => CellFileSerializer.ReadFile(pipe), "cell file").Errors[0].Code);
        Assert.Contains("named pipe", CellFileSerializer.ReadFile(pipe).Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FileKind.Regular)]
    [InlineData(FileKind.LinkToRegular)]
    public void A_regular_file_or_a_link_to_one_reads_like_its_bytes(FileKind kind)
    {
        var path = Make("p.case.json", kind, SampleCase);
        var fromFile = CaseFileSerializer.ReadFile(path);
        Assert.True(fromFile.IsValid, string.Join("; ", fromFile.Errors));
        Assert.Equal(CaseFileSerializer.Read(SampleCase, path).Value!.ToString(), fromFile.Value!.ToString());
    }

    // The bound does not trust the reported size: procfs files report 0 bytes and hold more.
    [Fact]
    public void A_file_that_reports_fewer_bytes_than_it_holds_is_read_only_one_byte_past_the_limit()
    {
        Assert.Equal(0, new FileInfo("/proc/self/maps").Length);
        var (bytes, error) = RegularFile.ReadAllBytes("/proc/self/maps", 100);
        Assert.Null(bytes);
        Assert.Equal("file.tooLarge", error!.Code);
        Assert.Contains("more than 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        var path = Make("limit.json", FileKind.Regular, new byte[1000]);
        Assert.Equal(1000, RegularFile.ReadAllBytes(path, 1000).Bytes!.Length);
        Assert.Equal("file.tooLarge", RegularFile.ReadAllBytes(path, 999).Error!.Code);
        Assert.Empty(RegularFile.ReadAllBytes(Make("empty.json", FileKind.Regular), 10).Bytes!);
    }

    [Fact]
    public void A_missing_file_is_unreadable_naming_it()
    {
        var path = Path.Combine(folder, "none.case.json");
        var error = Assert.Single(CaseFileSerializer.ReadFile(path).Errors);
        Assert.Equal(("file.unreadable", path), (error.Code, error.File));
    }

    // Defect 7: a roster file linked to /dev/zero reported size 0, passed the size check and was read until OOM.
    [Fact]
    public void A_roster_file_linked_to_dev_zero_is_reported_and_never_read()
    {
        var roster = CopyRoster();
        var zero = Path.Combine(roster, "98-zero.case.json");
        SpecialFiles.Create(zero, FileKind.DeviceLink);
        var loaded = SpecialFiles.Bounded(() => Roster.LoadDirectory(roster), "roster with /dev/zero");
        var error = Assert.Single(loaded.Errors);
        Assert.Equal(("file.notRegular", zero), (error.Code, error.File));
        Assert.Equal(19, loaded.Cases.Length); // 16 + the three members of issue 12 (17-, 18-, 19-)
    }

    // Defect 4 (rosters) and 15: every special kind named x.case.json or cell.json is reported, never skipped or opened.
    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void A_roster_reports_a_special_entry_named_like_a_case_or_cell_file(FileKind kind)
    {
        var roster = CopyRoster(withCell: false);
        SpecialFiles.Create(Path.Combine(roster, "cell.json"), kind);
        SpecialFiles.Create(Path.Combine(roster, "99-x.case.json"), kind);
        var loaded = SpecialFiles.Bounded(() => Roster.LoadDirectory(roster), $"roster with a {kind}",
            Path.Combine(roster, "cell.json"), Path.Combine(roster, "99-x.case.json"));
        Assert.Equal(
            [("cell.json", SpecialFiles.ExpectedCode(kind)), ("99-x.case.json", SpecialFiles.ExpectedCode(kind))],
            loaded.Errors.Select(e => (Path.GetFileName(e.File!), e.Code)));
        Assert.Null(loaded.CellFile);
        Assert.Equal(19, loaded.Cases.Length); // 16 + the three members of issue 12 (17-, 18-, 19-)
    }

    // Defect 15: names spelt in another case were skipped without a word; they are reported, never read.
    [Fact]
    public void A_roster_reports_names_spelt_in_upper_case_and_other_json_files()
    {
        var roster = CopyRoster();
        File.Copy(Path.Combine(RosterDir, "01-tran-thi-mai-huong.case.json"), Path.Combine(roster, "50-copy.CASE.JSON"));
        File.Copy(Path.Combine(RosterDir, "cell.json"), Path.Combine(roster, "Cell.json"));
        File.WriteAllText(Path.Combine(roster, "notes.json"), "{}");
        File.WriteAllText(Path.Combine(roster, "README.md"), "not a roster entry");
        var loaded = Roster.LoadDirectory(roster);
        Assert.Equal(
            [("50-copy.CASE.JSON", "roster.ignoredFile"), ("Cell.json", "roster.ignoredFile"), ("notes.json", "roster.ignoredFile")],
            loaded.Errors.Select(e => (Path.GetFileName(e.File!), e.Code)));
        Assert.Contains("lower case", loaded.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(19, loaded.Cases.Length); // 16 + the three members of issue 12 (17-, 18-, 19-)
        Assert.NotNull(loaded.CellFile);
    }

    [Fact]
    public void The_demo_roster_folder_loads_like_its_files()
    {
        var fromFolder = Roster.LoadDirectory(RosterDir);
        Assert.Empty(fromFolder.Errors);
        var files = Directory.GetFiles(RosterDir, "*.case.json").Select(f => new RosterFile(f, File.ReadAllBytes(f)));
        var fromFiles = Roster.Load(new RosterFile(Path.Combine(RosterDir, "cell.json"), File.ReadAllBytes(Path.Combine(RosterDir, "cell.json"))), files);
        Assert.Equal(fromFiles.Cases.Select(c => (c.FileName, c.Case.ToString())), fromFolder.Cases.Select(c => (c.FileName, c.Case.ToString())));
    }

    // Defect 12: a roster reads at most MaxTotalBytes of case files in all; the files past it are reported, not read.
    [Fact]
    public void A_roster_reads_at_most_MaxTotalBytes_and_reports_every_file_past_it()
    {
        var count = (int)(Roster.MaxTotalBytes / CaseFileSerializer.MaxFileBytes) + 2;
        for (var i = 0; i < count; i++)
        {
            // Sparse files of exactly MaxFileBytes: each within its own limit, read (as zeros) and refused as JSON.
            using var stream = new FileStream(Path.Combine(folder, $"{i:D2}.case.json"), FileMode.CreateNew);
            stream.SetLength(CaseFileSerializer.MaxFileBytes);
        }

        var loaded = Roster.LoadDirectory(folder);
        var budget = (int)(Roster.MaxTotalBytes / CaseFileSerializer.MaxFileBytes);
        Assert.Equal(count, loaded.Errors.Length);
        Assert.All(loaded.Errors.Take(budget), e => Assert.StartsWith("json.", e.Code, StringComparison.Ordinal));
        Assert.All(loaded.Errors.Skip(budget), e => Assert.Equal("roster.tooLarge", e.Code));
        Assert.Equal(Path.Combine(folder, $"{budget:D2}.case.json"), loaded.Errors[budget].File);
    }

    [Fact]
    public void Roster_Load_applies_the_same_budget_to_files_in_memory()
    {
        var within = new byte[CaseFileSerializer.MaxFileBytes];
        var files = Enumerable.Range(0, (int)(Roster.MaxTotalBytes / within.Length)).Select(i => new RosterFile($"{i}.case.json", within))
            .Append(new RosterFile("over.case.json", new byte[CaseFileSerializer.MaxFileBytes + 1]))
            .Append(new RosterFile("z.case.json", Encoding.UTF8.GetBytes(" ")));
        var loaded = Roster.Load(null, files);
        Assert.Equal(("over.case.json", "file.tooLarge"), (loaded.Errors[^2].File, loaded.Errors[^2].Code));
        Assert.Equal(("z.case.json", "roster.tooLarge"), (loaded.Errors[^1].File, loaded.Errors[^1].Code));
        Assert.All(loaded.Errors.SkipLast(2), e => Assert.StartsWith("json.", e.Code, StringComparison.Ordinal));
    }

    // Defect 12: Load enumerated the files through OrderBy, holding every file's bytes at once. Now each file is
    // parsed as it comes and dropped: when the sequence makes its 3rd file, the 1st file's bytes are unreachable.
    [Fact]
    public void Roster_Load_holds_one_file_at_a_time_from_a_lazy_sequence()
    {
        var made = new List<WeakReference<byte[]>>();
        var heldAtOnce = 0;
        IEnumerable<RosterFile> Files()
        {
            for (var i = 0; i < 6; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                heldAtOnce = Math.Max(heldAtOnce, made.Count(w => w.TryGetTarget(out _)));
                yield return MakeFile(i, made);
            }
        }

        var loaded = Roster.Load(null, Files());
        Assert.Equal(6, loaded.Cases.Length);
        Assert.InRange(heldAtOnce, 0, 2);
    }

    private static RosterFile MakeFile(int i, List<WeakReference<byte[]>> made)
    {
        var text = Encoding.UTF8.GetString(SampleCase).Replace("gv-toan-03", $"p-{i}", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        made.Add(new WeakReference<byte[]>(bytes));
        return new RosterFile($"{i}.case.json", bytes);
    }

    [Fact]
    public void A_folder_with_more_than_MaxEntries_json_entries_is_refused_as_a_whole()
    {
        for (var i = 0; i <= Roster.MaxEntries; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{i}.json"), []);
        }

        var loaded = Roster.LoadDirectory(folder);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal(("roster.tooLarge", folder), (error.Code, error.File));
        Assert.Empty(loaded.Cases);
    }

    [Fact]
    public void A_missing_roster_folder_is_an_error_not_an_exception()
    {
        var loaded = Roster.LoadDirectory(Path.Combine(folder, "none"));
        Assert.Equal("roster.unreadable", Assert.Single(loaded.Errors).Code);
    }

    private string CopyRoster(bool withCell = true)
    {
        var target = Path.Combine(folder, "roster");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(RosterDir).Where(f => withCell || !f.EndsWith("cell.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
