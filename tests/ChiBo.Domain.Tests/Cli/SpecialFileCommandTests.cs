using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Tests.Fuzzing;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue 18, defects 4, 6, 7 and 15 at the command line: a named pipe, a device, a folder, a broken link, an
/// unreadable or a 3 GB file where a command expects a file is one clear line naming it — exit 2 for the file a
/// command was given or a rules folder, a warning and exit 1 for a roster entry — never a hang, an exception or a
/// stack trace. Each command runs under a hang guard.
/// </summary>
public sealed class SpecialFileCommandTests : IDisposable
{
    private static readonly string RosterDir = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");
    private static readonly string RulesDir = Path.Combine(TestData.RepoRoot, "rules");

    private readonly string temp = Directory.CreateTempSubdirectory("chibo-special-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<FileKind> SpecialKinds => new(SpecialFiles.Special);

    private static (int Exit, string Out, string Err) Run(string[] pipes, params string[] args) =>
        SpecialFiles.Bounded(() => EvaluateCommandTests.Run(args), "chibo " + string.Join(' ', args), pipes);

    private static void AssertNoCrash((int Exit, string Out, string Err) result)
    {
        Assert.NotEqual(134, result.Exit);
        Assert.DoesNotContain("   at ", result.Err + result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err + result.Out, StringComparison.Ordinal);
    }

    // Defect 4: `chibo evaluate` of a FIFO named x.case.json blocked for ever.
    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void Evaluate_of_a_special_file_is_one_line_naming_it_and_exit_2(FileKind kind)
    {
        var path = Path.Combine(temp, "x.case.json");
        SpecialFiles.Create(path, kind);
        var result = Run([path], "evaluate", path, "--as-of", "2019-06-10");
        AssertNoCrash(result);
        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Out);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
    }

    // Defects 4, 7, 15: a FIFO (or any special kind) named x.case.json or cell.json in a roster hung due, plan and
    // audit; a link to /dev/zero was read until the process ran out of memory; a folder named cell.json was skipped.
    [Theory]
    [InlineData("due", "--as-of", "2019-12-31", "cell.json", FileKind.Fifo)]
    [InlineData("plan", "--year", "2019", "cell.json", FileKind.Fifo)]
    [InlineData("audit", "--year", "2019", "cell.json", FileKind.Fifo)]
    [InlineData("due", "--as-of", "2019-12-31", "99-x.case.json", FileKind.Fifo)]
    [InlineData("plan", "--year", "2019", "99-x.case.json", FileKind.Fifo)]
    [InlineData("audit", "--year", "2019", "99-x.case.json", FileKind.Fifo)]
    [InlineData("due", "--as-of", "2019-12-31", "99-x.case.json", FileKind.DeviceLink)]
    [InlineData("plan", "--year", "2019", "99-x.case.json", FileKind.DanglingLink)]
    [InlineData("audit", "--year", "2019", "99-x.case.json", FileKind.LinkLoop)]
    [InlineData("due", "--as-of", "2019-12-31", "cell.json", FileKind.Folder)]
    [InlineData("plan", "--year", "2019", "99-x.case.json", FileKind.Folder)]
    [InlineData("audit", "--year", "2019", "99-x.case.json", FileKind.OversizedSparse)]
    [InlineData("due", "--as-of", "2019-12-31", "99-x.case.json", FileKind.UnreadableFile)]
    public void A_special_roster_entry_is_a_warning_naming_it_and_the_report_still_prints(string command, string option, string value, string name, FileKind kind)
    {
        var roster = CopyRoster(withCell: name != "cell.json");
        var path = Path.Combine(roster, name);
        SpecialFiles.Create(path, kind);
        var result = Run([path], command, roster, option, value);
        AssertNoCrash(result);
        Assert.Equal(1, result.Exit);
        Assert.NotEqual(string.Empty, result.Out);
        var line = Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.StartsWith($"chibo {command}: warning: {path}", line, StringComparison.Ordinal);

        var json = JsonDocument.Parse(Run([path], command, roster, option, value, "--json").Out).RootElement;
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(SpecialFiles.ExpectedCode(kind), error.GetProperty("code").GetString());
    }

    // Defect 15: x.CASE.JSON was skipped without a word.
    [Fact]
    public void A_case_file_named_in_upper_case_is_a_warning()
    {
        var roster = CopyRoster();
        File.Copy(Path.Combine(RosterDir, "01-tran-thi-mai-huong.case.json"), Path.Combine(roster, "50-copy.CASE.JSON"));
        var (exit, _, error) = Run([], "due", roster, "--as-of", "2019-12-31");
        Assert.Equal(1, exit);
        Assert.Contains("50-copy.CASE.JSON: not read", error, StringComparison.Ordinal);
    }

    // Defect 4: a FIFO named x.json in a rules folder hung `rules validate` and `evaluate --rules`.
    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void A_special_entry_in_a_rules_folder_is_an_error_naming_it_and_exit_2(FileKind kind)
    {
        var rules = Path.Combine(temp, "rulesets");
        Directory.CreateDirectory(rules);
        foreach (var file in Directory.GetFiles(Path.Combine(RulesDir, "rulesets"), "*.json"))
        {
            File.Copy(file, Path.Combine(rules, Path.GetFileName(file)));
        }

        var path = Path.Combine(rules, "x.json");
        SpecialFiles.Create(path, kind);
        var validate = Run([path], "rules", "validate", rules, "--lang", "en");
        AssertNoCrash(validate);
        Assert.Equal(2, validate.Exit);
        Assert.Contains($"error  {path} ($): ", validate.Out, StringComparison.Ordinal);
        Assert.Contains($"[{SpecialFiles.ExpectedCode(kind)}]", validate.Out, StringComparison.Ordinal);

        var evaluate = Run([path], "evaluate", Path.Combine(TestData.SamplesDir, "probationary-member.case.json"), "--as-of", "2019-06-10", "--rules", rules);
        AssertNoCrash(evaluate);
        Assert.Equal(2, evaluate.Exit);
        Assert.Contains(path, evaluate.Err, StringComparison.Ordinal);
    }

    // Defect 6: rules validate read PATH/calendar/*.json with File.ReadAllBytes: a broken link, a loop, an unreadable
    // file or a 3 GB sparse file threw, a link to /dev/zero grew to 4.2 GB and aborted, a pipe hung.
    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void A_special_calendar_file_is_an_error_naming_it_and_exit_2(FileKind kind)
    {
        var rules = Path.Combine(temp, "rules");
        Directory.CreateDirectory(Path.Combine(rules, "rulesets"));
        Directory.CreateDirectory(Path.Combine(rules, "calendar"));
        foreach (var file in Directory.GetFiles(Path.Combine(RulesDir, "rulesets"), "*.json"))
        {
            File.Copy(file, Path.Combine(rules, "rulesets", Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(RulesDir, "calendar", "2019.json"), Path.Combine(rules, "calendar", "2019.json"));
        var path = Path.Combine(rules, "calendar", "2030.json");
        SpecialFiles.Create(path, kind);
        var result = Run([path], "rules", "validate", rules, "--lang", "en");
        AssertNoCrash(result);
        Assert.Equal(2, result.Exit);
        Assert.Contains("ok     " + Path.Combine(rules, "calendar", "2019.json"), result.Out, StringComparison.Ordinal);
        var error = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("error  ", StringComparison.Ordinal));
        Assert.StartsWith($"error  {path} ($): ", error, StringComparison.Ordinal);
        Assert.EndsWith($"[{SpecialFiles.ExpectedCode(kind)}]", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_validate_of_a_named_pipe_given_as_the_path_is_exit_2()
    {
        var path = Path.Combine(temp, "x.json");
        SpecialFiles.MakeFifo(path);
        var result = Run([path], "rules", "validate", path, "--lang", "en");
        AssertNoCrash(result);
        Assert.Equal(2, result.Exit);
        Assert.Contains("[file.notRegular]", result.Out, StringComparison.Ordinal);
    }

    private string CopyRoster(bool withCell = true)
    {
        var roster = Path.Combine(temp, "roster");
        Directory.CreateDirectory(roster);
        foreach (var file in Directory.GetFiles(RosterDir).Where(f => withCell || !f.EndsWith("cell.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(roster, Path.GetFileName(file)));
        }

        return roster;
    }
}
