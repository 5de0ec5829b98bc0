using System.IO;
using System.Text.Json;
using ChiBo.Cli;
using Xunit;

namespace ChiBo.Tests.Cli;

public class EvaluateCommandTests
{
    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Evaluate_json_has_the_contract_shape_for_every_sample()
    {
        foreach (var file in TestData.SampleFiles)
        {
            var (exit, output, error) = Run("evaluate", file, "--as-of", "2019-06-10", "--json");
            Assert.True(exit == 0, error);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("2019-06-10", root.GetProperty("asOf").GetString());
            foreach (var name in new[] { "stage", "ruleSet", "nextGate", "checks", "deadlines", "violations", "dates" })
            {
                Assert.True(root.TryGetProperty(name, out _), $"{file}: missing {name}");
            }

            var dates = root.GetProperty("dates");
            Assert.True(dates.TryGetProperty("partyEntry", out _) && dates.TryGetProperty("probationEnds", out _) && dates.TryGetProperty("fullMembershipEffective", out _));
        }
    }

    [Fact]
    public void Probationary_teacher_has_party_entry_and_probation_end()
    {
        var (_, output, _) = Run("evaluate", Path.Combine(TestData.SamplesDir, "teacher-youth-union.case.json"), "--as-of", "2019-06-10", "--json");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("probationary", doc.RootElement.GetProperty("stage").GetString());
        Assert.Equal("fullMembershipVote", doc.RootElement.GetProperty("nextGate").GetString());
        Assert.Equal("2019-03-26", doc.RootElement.GetProperty("dates").GetProperty("partyEntry").GetString());
        Assert.Equal("2020-03-26", doc.RootElement.GetProperty("dates").GetProperty("probationEnds").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("dates").GetProperty("fullMembershipEffective").ValueKind);
    }

    [Fact]
    public void Readable_summary_is_vietnamese_by_default_and_english_on_request()
    {
        var file = Path.Combine(TestData.SamplesDir, "teacher-youth-union.case.json");
        Assert.Contains("Đảng viên dự bị", Run("evaluate", file, "--as-of", "2019-06-10").Out);
        Assert.Contains("Probationary member", Run("evaluate", file, "--as-of", "2019-06-10", "--lang", "en").Out);
    }

    [Fact]
    public void Malformed_case_file_gives_one_line_with_its_position_and_exit_2()
    {
        var path = Path.Combine(Path.GetTempPath(), "chibo-malformed.case.json");
        File.WriteAllText(path, "{\n  \"formatVersion\": 1,\n  \"person\": { \"id\": \"x\",, }\n}");
        var (exit, output, error) = Run("evaluate", path, "--as-of", "2019-06-10", "--json");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("chibo-malformed.case.json:3:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Impossible_event_order_gives_exit_2_naming_the_event()
    {
        var path = Path.Combine(Path.GetTempPath(), "chibo-order.case.json");
        var text = File.ReadAllText(Path.Combine(TestData.SamplesDir, "removed-from-list.case.json"))
            .Replace("\"helperAssigned\", \"date\": \"2018-10-05\"", "\"helperAssigned\", \"date\": \"2019-10-05\"");
        File.WriteAllText(path, text);
        var (exit, _, error) = Run("evaluate", path, "--as-of", "2020-01-01");
        Assert.Equal(2, exit);
        Assert.Contains("event 2 (helperAssigned, 2019-10-05)", error);
    }

    // Issue 11 item 2: the cell over time. The sample's cell is a grassroots cell until 30/6/2025, then subordinate.
    [Theory]
    [InlineData("2025-06-20", 2)]
    [InlineData("2025-07-22", 0)]
    public void A_committee_vote_is_refused_while_the_cell_is_a_grassroots_cell_and_accepted_once_subordinate(string date, int expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chibo-cell-{date}.case.json");
        var text = File.ReadAllText(Path.Combine(TestData.SamplesDir, "school-cell-across-2025.case.json"))
            .Replace("\"grassrootsCommitteeVoted\", \"date\": \"2025-07-22\"", $"\"grassrootsCommitteeVoted\", \"date\": \"{date}\"");
        File.WriteAllText(path, text);
        var (exit, output, error) = Run("evaluate", path, "--as-of", "2025-09-30", "--json");
        Assert.Equal(expected, exit);
        if (expected == 2)
        {
            Assert.Contains($"event 11 (grassrootsCommitteeVoted, {date})", error);
            Assert.DoesNotContain("   at ", error);
        }
        else
        {
            Assert.Contains("\"subordinateCell\"", output);
            Assert.Contains("\"ruleSet\": \"2025-qd294\"", output);
        }
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate", "missing.case.json", "--as-of", "2019-06-10")]
    [InlineData("evaluate", "x.json", "--as-of", "10/06/2019")]
    [InlineData("frobnicate")]
    public void Bad_usage_exits_2_without_a_stack_trace(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Graph_prints_the_mermaid_diagram()
    {
        var (exit, output, _) = Run("graph");
        Assert.Equal(0, exit);
        Assert.StartsWith("stateDiagram-v2", output);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (exit, output, _) = Run("--help");
        Assert.Equal(0, exit);
        Assert.All(CommandRegistryNames(), n => Assert.Contains(n, output));
    }

    private static string[] CommandRegistryNames() => ["evaluate", "graph", "rules validate", "workdays add", "workdays count", "lunar", "holidays"];

    // docs/reliability.md: a case file over the limit is refused with one line, exit 2, without being read whole.
    [Fact]
    public void Evaluate_refuses_a_100_MB_file_with_one_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chibo-big-case-").FullName, "big.case.json");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(100L * 1024 * 1024);
            }

            var (exit, output, error) = Run("evaluate", path, "--as-of", "2019-06-10");
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains("big.case.json", error);
            Assert.Contains("at most", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
