using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Cli;
using ChiBo.Serialization;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>Issue 17: <c>chibo evaluate --batch FILE.ndjson|FOLDER --as-of D</c>.</summary>
public class EvaluateBatchCommandTests
{
    private static string Compact(string sample) =>
        JsonSerializer.Serialize(CaseFileSerializer.ReadFile(Path.Combine(TestData.SamplesDir, sample)).GetValueOrThrow(), ChiBoJson.CompactOptions);

    // Each line's answer is the document of `chibo evaluate CASE --json` (compact), in input order; a bad line is named on
    // stderr by its number and answered with its errors; the summary (stderr) counts stages, deadlines and violations.
    [Fact]
    public void A_batch_answers_each_line_as_evaluate_json_does_and_names_bad_lines()
    {
        var dir = Directory.CreateTempSubdirectory("chibo-batch-");
        try
        {
            var file = Path.Combine(dir.FullName, "cases.ndjson");
            File.WriteAllLines(file, [Compact("probationary-member.case.json"), "{ broken", Compact("staff-past-youth-age.case.json")]);
            var (exit, stdout, stderr) = EvaluateCommandTests.Run("evaluate", "--batch", file, "--as-of", "2019-06-10", "--lang", "en");
            Assert.Equal(Program.Findings, exit);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(new[] { 1, 2, 3 }, lines.Select(l => l.GetProperty("line").GetInt32()));

            var (_, single, _) = EvaluateCommandTests.Run("evaluate", Path.Combine(TestData.SamplesDir, "probationary-member.case.json"), "--as-of", "2019-06-10", "--json");
            Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(single).RootElement, ChiBoJson.CompactOptions), lines[0].GetProperty("answer").GetRawText());
            Assert.True(lines[1].GetProperty("errors").GetArrayLength() > 0);
            Assert.Contains("cases.ndjson, line 2", stderr, StringComparison.Ordinal);
            Assert.Contains("2 cases answered", stderr, StringComparison.Ordinal);
            Assert.Contains("1 unreadable", stderr, StringComparison.Ordinal);
            Assert.Contains("Probationary member", stderr, StringComparison.Ordinal);
            Assert.Contains("Overdue deadlines:", stderr, StringComparison.Ordinal);
            Assert.Contains("Violations:", stderr, StringComparison.Ordinal);

            // A folder: every *.ndjson in name order, each line named by its file.
            File.WriteAllLines(Path.Combine(dir.FullName, "more.ndjson"), [Compact("teacher-youth-union.case.json")]);
            var (folderExit, folderOut, _) = EvaluateCommandTests.Run("evaluate", "--batch", dir.FullName, "--as-of", "2019-06-10");
            Assert.Equal(Program.Findings, folderExit);
            Assert.Equal(4, folderOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
