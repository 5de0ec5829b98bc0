using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue "Reliability, second pass", defect 5: `evaluate --as-of 2101-01-01` (one typo away from 2021) ended with an
/// ArgumentOutOfRangeException and exit 134 on 6 of the sample cases; every command now answers exit 2 in one line.
/// </summary>
public class EvaluateDateRangeTests
{
    [Theory]
    [InlineData("2101-01-01")]
    [InlineData("1899-12-31")]
    public void Evaluate_refuses_a_date_outside_the_calendar_with_exit_2_on_every_sample(string date)
    {
        foreach (var file in TestData.SampleFiles)
        {
            var (exit, output, error) = EvaluateCommandTests.Run("evaluate", file, "--as-of", date, "--json");
            Assert.True(exit == 2, $"{file}: exit {exit}\n{error}");
            Assert.Empty(output);
            Assert.Contains("[asOf.outOfRange]", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_refusal_speaks_vietnamese_by_default_and_english_on_request()
    {
        var file = System.Linq.Enumerable.First(TestData.SampleFiles);
        Assert.Contains("nằm ngoài lịch", EvaluateCommandTests.Run("evaluate", file, "--as-of", "2101-01-01").Err, StringComparison.Ordinal);
        Assert.Contains("outside the calendar", EvaluateCommandTests.Run("evaluate", file, "--as-of", "2101-01-01", "--lang", "en").Err, StringComparison.Ordinal);
    }

    // Defect 15: a folder holding only the 2025 file answered a 2019 case with `ruleSet: null`, no checks and no word.
    [Fact]
    public void A_rules_folder_without_the_era_of_the_question_warns_in_the_answer()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-one-era-").FullName;
        try
        {
            File.Copy(Path.Combine(TestData.RepoRoot, "rules", "rulesets", "2025-qd232.json"), Path.Combine(folder, "2025-qd232.json"));
            var file = Path.Combine(TestData.SamplesDir, "student-turned-18.case.json");
            var (exit, output, error) = EvaluateCommandTests.Run("evaluate", file, "--as-of", "2019-06-10", "--rules", folder, "--json");
            Assert.True(exit == 0, error);
            using var doc = JsonDocument.Parse(output);
            var warnings = doc.RootElement.GetProperty("warnings");
            Assert.True(warnings.GetArrayLength() > 0);
            Assert.All(warnings.EnumerateArray(), w => Assert.Equal("ruleSet.noneInForce", w.GetProperty("code").GetString()));

            var (_, text, _) = EvaluateCommandTests.Run("evaluate", file, "--as-of", "2019-06-10", "--rules", folder);
            Assert.Contains("Cảnh báo", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
