using System;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Rules.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 13 (rule tests officials can write): rules/tests gives every rule of every shipped era both outcomes, and a
/// wrong expectation fails naming the field. The coverage is data-driven: every rule of every loaded era counts, so a
/// rule added to a rule file without a test that sees it pass and fail breaks this test.
/// </summary>
public class RuleTestRunnerTests
{
    private static string TestsFolder => Path.Combine(RuleFiles.RepoRoot, "rules", "tests");

    [Fact]
    public void Shipped_rule_tests_pass_and_see_every_rule_of_every_era_pass_and_fail()
    {
        var suite = RuleTestLoader.LoadDirectory(TestsFolder);
        Assert.True(suite.IsValid, string.Join(Environment.NewLine, suite.Errors));
        var report = RuleTestRunner.Run(RuleCatalog.Shipped, suite.Value.Tests);

        Assert.All(report.Results, r => Assert.True(r.Passed,
            $"{r.Test.File}: {r.Error}{string.Join("; ", r.Differences.Select(d => $"{d.Field}: expected {d.Expected}, got {d.Actual}"))}"));

        // Every rule of every gate of every era is in the coverage, and each was seen both ways.
        var expected = RuleCatalog.Shipped.RuleSets.Sum(s => s.Workflows.Sum(w => w.Rules.Length));
        Assert.Equal(expected, report.Coverage.Count);
        var uncovered = report.Coverage.Where(c => !c.Full).Select(c => $"{c.RuleSet} {c.Gate}/{c.Rule} (pass {c.SeenPassing}, fail {c.SeenFailing})").ToArray();
        Assert.True(uncovered.Length == 0, "not covered both ways: " + string.Join(", ", uncovered));
        Assert.True(report.FullCoverage);
    }

    [Fact]
    public void A_wrong_expectation_fails_and_names_the_field_that_differed()
    {
        var text = File.ReadAllText(Path.Combine(TestsFolder, "2016-qd29", "03-thin-dossier.test.json"), Encoding.UTF8)
            .Replace("\"stage\": \"sympathizer\"", "\"stage\": \"applicant\"", StringComparison.Ordinal)
            .Replace("\"age.minimum\",", string.Empty, StringComparison.Ordinal);
        var test = RuleTestLoader.Load(Encoding.UTF8.GetBytes(text), "wrong.test.json").GetValueOrThrow();

        var result = RuleTestRunner.Run(RuleCatalog.Shipped, [test]).Results.Single();

        Assert.False(result.Passed);
        Assert.Contains(result.Differences, d => d.Field == "stage" && d.Expected == "applicant" && d.Actual == "sympathizer");
        Assert.Contains(result.Differences, d => d.Field == "failed" && d.Actual.Contains("age.minimum", StringComparison.Ordinal) && !d.Expected.Contains("age.minimum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_field_of_a_test_is_an_error_with_its_line_and_a_suggestion()
    {
        const string text = "{\n  \"name\": \"x\",\n  \"case\": {},\n  \"asOf\": \"2019-06-10\",\n  \"expcet\": { \"stage\": \"applicant\" }\n}";
        var result = RuleTestLoader.Load(Encoding.UTF8.GetBytes(text), "typo.test.json");

        Assert.False(result.IsValid);
        var unknown = Assert.Single(result.Errors, e => e.Code == "test.unknownProperty");
        Assert.Equal(5, unknown.Line);
        Assert.Contains("Did you mean 'expect'?", unknown.Message, StringComparison.Ordinal);
        // The missing 'expect' is reported together with the unknown one, and the inline case's own problems too.
        Assert.Contains(result.Errors, e => e.Code == "test.missingField" && e.Message.Contains("expect", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == "test.case");
    }

    [Fact]
    public void A_misspelt_stage_is_refused_with_the_closest_stage()
    {
        var text = File.ReadAllText(Path.Combine(TestsFolder, "2016-qd29", "03-thin-dossier.test.json"), Encoding.UTF8)
            .Replace("\"stage\": \"sympathizer\"", "\"stage\": \"sympathiser\"", StringComparison.Ordinal);
        var error = Assert.Single(RuleTestLoader.Load(Encoding.UTF8.GetBytes(text), "t.test.json").Errors);

        Assert.Equal("$.expect.stage", error.Path);
        Assert.Contains("'sympathizer'", error.Message, StringComparison.Ordinal);
    }
}
