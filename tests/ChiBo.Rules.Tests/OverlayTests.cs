using System;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Evaluation;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 13, item 4 (stricter local criteria, Chỉ thị 28-CT/TW): an overlay adds local.* rules for the cells it names;
/// it applies to that cell's cases and not to another's; one that would remove or loosen a national rule is refused with
/// its file and line.
/// </summary>
public class OverlayTests
{
    private static string SampleOverlay => Path.Combine(RuleFiles.RepoRoot, "samples", "overlays", "hai-chau-school-cells.overlay.json");

    private static CaseFile Case(string file = "05-nguyen-huu-phuoc.case.json") =>
        CaseFileSerializer.ReadFile(Path.Combine(RuleFiles.RepoRoot, "samples", "roster-2019", file)).GetValueOrThrow();

    private static RuleCatalog WithOverlay(string text, string name = "local.overlay.json") =>
        RuleCatalog.Shipped.WithOverlays([(name, Encoding.UTF8.GetBytes(text))]).GetValueOrThrow();

    [Fact]
    public void The_sample_overlay_adds_its_local_checks_to_its_cell_and_not_to_another()
    {
        var catalog = RuleCatalog.Shipped.WithOverlays([(SampleOverlay, File.ReadAllBytes(SampleOverlay))]).GetValueOrThrow();
        var asOf = new LocalDate(2019, 10, 1);
        var answer = new CaseEvaluator(catalog).Evaluate(Case(), asOf).GetValueOrThrow();

        Assert.Equal(["hai-chau-truong-hoc-2019"], answer.Overlays);
        var local = answer.Checks.Where(c => c.Rule.StartsWith("local.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["local.introducers.workedTogether", "local.dossier.helperAssigned"], local.Select(c => c.Rule));
        Assert.All(local, c => Assert.Contains("Nghị quyết của cấp ủy", c.Source, StringComparison.Ordinal));
        Assert.Contains("24 tháng", local[0].Message.Vi, StringComparison.Ordinal);
        // The national rules are all still there, with the national values.
        var national = new CaseEvaluator(RuleCatalog.Shipped).Evaluate(Case(), asOf).GetValueOrThrow();
        Assert.Equal(national.Checks, answer.Checks.Take(national.Checks.Count));

        var other = Case() is var c ? new CaseFile(c.FormatVersion, c.Person, c.Cell with { Id = "cb-khac" }, c.Events) : null;
        var elsewhere = new CaseEvaluator(catalog).Evaluate(other!, asOf).GetValueOrThrow();
        Assert.Empty(elsewhere.Overlays);
        Assert.DoesNotContain(elsewhere.Checks, x => x.Rule.StartsWith("local.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_overlay_by_superior_applies_within_its_dates_and_a_failed_local_check_of_a_past_vote_is_a_violation()
    {
        var text = File.ReadAllText(SampleOverlay)
            .Replace("\"cells\": [\"cb-thpt-tran-phu\"]", "\"cells\": []", StringComparison.Ordinal)
            .Replace("\"superiors\": []", "\"superiors\": [\"Quận ủy Hải Châu\"]", StringComparison.Ordinal)
            .Replace("\"effectiveFrom\": \"2019-01-01\"", "\"effectiveFrom\": \"2016-01-01\",\n  \"effectiveTo\": \"2019-08-31\"", StringComparison.Ordinal);
        var catalog = WithOverlay(text);
        var evaluator = new CaseEvaluator(catalog);
        Assert.Equal(["hai-chau-truong-hoc-2019"], evaluator.Evaluate(Case(), new LocalDate(2019, 8, 31)).GetValueOrThrow().Overlays);
        Assert.Empty(evaluator.Evaluate(Case(), new LocalDate(2019, 9, 1)).GetValueOrThrow().Overlays);

        // A case whose cell voted while the overlay was in force: the local rules re-check that vote.
        var voted = Directory.GetFiles(Path.Combine(RuleFiles.RepoRoot, "samples", "roster-2019"), "*.case.json")
            .Select(f => CaseFileSerializer.ReadFile(f).GetValueOrThrow())
            .First(k => k.Events.OfType<CellVoted>().Any(v => v.Date < new LocalDate(2019, 8, 31) && v.Date.Year >= 2017));
        var answer = evaluator.Evaluate(voted, new LocalDate(2019, 10, 1)).GetValueOrThrow();
        var shipped = new CaseEvaluator(RuleCatalog.Shipped).Evaluate(voted, new LocalDate(2019, 10, 1)).GetValueOrThrow();
        Assert.True(answer.Violations.Count >= shipped.Violations.Count);
        Assert.All(answer.Violations.Except(shipped.Violations), v => Assert.StartsWith("local.", v.Rule, StringComparison.Ordinal));
    }

    [Fact]
    public void An_overlay_that_would_replace_a_national_rule_is_refused_with_its_file_and_line()
    {
        var text = File.ReadAllText(SampleOverlay).Replace("\"RuleName\": \"local.dossier.helperAssigned\"", "\"RuleName\": \"age.minimum\"", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("\"RuleName\": \"age.minimum\"", StringComparison.Ordinal)) + 1;

        var result = RuleCatalog.Shipped.WithOverlays([("strict.overlay.json", Encoding.UTF8.GetBytes(text))]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("overlay.loosens", error.Code);
        Assert.Equal("strict.overlay.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal("age.minimum", error.Rule);
        Assert.Contains("không được bỏ hay nới", error.Text.Vi, StringComparison.Ordinal);

        var removing = File.ReadAllText(SampleOverlay).Replace("\"kind\": \"overlay\",", "\"kind\": \"overlay\",\n  \"remove\": [\"age.minimum\"],", StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.Shipped.WithOverlays([("x.json", Encoding.UTF8.GetBytes(removing))]).Errors, e => e.Code == "overlay.loosens" && e.Line == 4 && e.Path == "$.remove");
    }

    [Fact]
    public void A_broken_expression_in_an_overlay_is_reported_at_its_line_in_the_overlay_file()
    {
        var text = File.ReadAllText(SampleOverlay).Replace("\"Expression\": \"dossier.helperAssigned\"", "\"Expression\": \"dossier.helperAsigned\"", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("helperAsigned", StringComparison.Ordinal)) + 1;
        var error = Assert.Single(RuleCatalog.Shipped.WithOverlays([("o.json", Encoding.UTF8.GetBytes(text))]).Errors);
        Assert.Equal("expression.unknownName", error.Code);
        Assert.Equal("o.json", error.File);
        Assert.Equal(line, error.Line);
    }
}
