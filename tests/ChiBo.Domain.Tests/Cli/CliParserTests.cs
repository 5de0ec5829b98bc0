using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue "For host developers" (item 7): the CLI on System.CommandLine — per-command help in Vietnamese and English,
/// <c>--lang</c> on every command, shell completion, the same exit codes, and <c>chibo evaluate FOLDER</c>.
/// </summary>
public class CliParserTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => EvaluateCommandTests.Run(args);

    private static string Roster => Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    [Fact]
    public void A_group_has_help_listing_its_commands()
    {
        var (exit, output, _) = Run("rules", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("rules validate [PATH]", output, StringComparison.Ordinal);
        Assert.Contains("Các lệnh:", output, StringComparison.Ordinal);

        var (alone, text, _) = Run("workdays");
        Assert.Equal(2, alone);
        Assert.Contains("workdays add DATE N", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_help_in_vietnamese_and_in_english()
    {
        foreach (var name in new[] { "evaluate", "graph", "rules validate", "workdays add", "workdays count", "lunar", "holidays", "plan", "due", "audit", "completion" })
        {
            var words = name.Split(' ');
            var (exit, vi, _) = Run([.. words, "--help", "--lang", "vi"]);
            Assert.True(exit == 0, name);
            Assert.Contains("Cách dùng:", vi, StringComparison.Ordinal);
            Assert.Contains("--lang vi|en", vi, StringComparison.Ordinal);
            var (_, en, _) = Run([.. words, "--help", "--lang", "en"]);
            Assert.Contains("Usage:", en, StringComparison.Ordinal);
            Assert.Contains($"chibo {name}", en, StringComparison.Ordinal);
            Assert.NotEqual(vi, en);
        }
    }

    [Fact]
    public void Evaluate_help_names_its_required_option_in_vietnamese()
    {
        var (_, output, _) = Run("evaluate", "--help", "--lang", "vi");
        Assert.Contains("--as-of yyyy-MM-dd", output, StringComparison.Ordinal);
        Assert.Contains("(bắt buộc)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_is_accepted_by_every_command_including_rules_validate()
    {
        var (exit, _, error) = Run("rules", "validate", Path.Combine(TestData.RepoRoot, "rules"), "--lang", "vi");
        Assert.True(exit == 0, error);
        Assert.Equal(0, Run("graph", "--lang", "en").Exit);
    }

    [Theory]
    [InlineData("evaluate", "x.case.json", "--as-of", "2019-06-10", "--bogus")]
    [InlineData("evaluate", "x.case.json")]
    [InlineData("holidays", "2025", "--lang", "fr")]
    [InlineData("frobnicate")]
    public void A_bad_command_line_is_one_line_on_stderr_and_exit_2(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_of_a_folder_evaluates_every_case_in_it()
    {
        var cases = Directory.GetFiles(Roster, "*.case.json").Length;
        var (exit, output, error) = Run("evaluate", Roster, "--as-of", "2019-10-01", "--json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(cases, doc.RootElement.GetArrayLength());
        Assert.All(doc.RootElement.EnumerateArray(), e => Assert.EndsWith(".case.json", e.GetProperty("file").GetString(), StringComparison.Ordinal));
        Assert.All(doc.RootElement.EnumerateArray(), e => Assert.True(e.GetProperty("answer").TryGetProperty("stage", out _)));

        var (textExit, text, _) = Run("evaluate", Roster, "--as-of", "2019-10-01");
        Assert.Equal(0, textExit);
        Assert.Equal(cases, text.Split("tính đến ngày").Length - 1);
    }

    [Fact]
    public void Completion_answers_commands_options_and_their_values()
    {
        Assert.Equal(["rules"], Lines(Run("__complete", "rul").Out));
        Assert.Contains("validate", Lines(Run("__complete", "rules", "").Out));
        Assert.Contains("--as-of", Lines(Run("__complete", "evaluate", "--").Out));
        Assert.Equal(["en", "vi"], Lines(Run("__complete", "lunar", "2025-01-29", "--lang", "").Out));
        Assert.Contains("md", Lines(Run("__complete", "plan", "R", "--format", "").Out));
        var (exit, script, _) = Run("completion", "bash");
        Assert.Equal(0, exit);
        Assert.Contains("complete -o default -F _chibo_complete chibo", script, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--rules", "no-such-folder")]
    public void Serve_refuses_bad_options_with_exit_2_before_starting(string option, string value)
    {
        var (exit, _, error) = Run("serve", option, value);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
