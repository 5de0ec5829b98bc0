using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ChiBo.Cases;
using ChiBo.Evaluation;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// The fourth era, <c>2025-qd294</c> (Quy định 294-QĐ/TW, in force 1/7/2025; issue 11 items 1 and 9): the answer's
/// <c>ruleSet</c> on either side of its first day, and that an era is one rule file and nothing else.
/// </summary>
public class Qd294EraTests
{
    private static CaseEvaluation EvaluateVote(LocalDate vote)
    {
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        var file = new CaseFile(Cases.Person(new LocalDate(1998, 1, 10)), Cases.GrassrootsCell, [.. events]);
        return new CaseEvaluator(Cases.Catalog).Evaluate(file, new LocalDate(2026, 11, 25)).Value!;
    }

    [Fact]
    public void A_vote_of_2025_08_15_is_judged_by_2025_qd294()
    {
        var evaluation = EvaluateVote(new LocalDate(2025, 8, 15));
        Assert.Equal("2025-qd294", Cases.Catalog.InForce(new LocalDate(2025, 8, 15))!.Id);
        Assert.Empty(evaluation.Violations);
        var history = Cases.History(new CaseFile(Cases.Person(new LocalDate(1998, 1, 10)), Cases.GrassrootsCell, [.. Cases.Dossier(new LocalDate(2025, 8, 15))]), new LocalDate(2025, 8, 15));
        Assert.Equal("2025-qd294", Cases.Catalog.Assess(history, Lifecycle.Gate.CellAdmissionVote, new LocalDate(2025, 8, 15)).RuleSet);
    }

    [Fact]
    public void A_vote_of_2025_06_20_is_judged_by_2025_qd232()
    {
        var vote = new LocalDate(2025, 6, 20);
        var history = Cases.History(new CaseFile(Cases.Person(new LocalDate(1998, 1, 10)), Cases.GrassrootsCell, [.. Cases.Dossier(vote)]), vote);
        Assert.Equal("2025-qd232", Cases.Catalog.Assess(history, Lifecycle.Gate.CellAdmissionVote, vote).RuleSet);
    }

    [Fact]
    public void A_failed_vote_of_2025_08_15_is_a_violation_of_2025_qd294_and_one_of_2025_06_20_of_2025_qd232()
    {
        foreach (var (vote, era) in new[] { (new LocalDate(2025, 8, 15), "2025-qd294"), (new LocalDate(2025, 6, 20), "2025-qd232") })
        {
            var events = Cases.Dossier(vote);
            events.Add(new CellVoted(vote, VotePurpose.Admission, 5, 12));
            var violation = Assert.Single(Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1998, 1, 10)), Cases.GrassrootsCell, [.. events]), new LocalDate(2026, 11, 25)));
            Assert.Equal("vote.cellTwoThirds", violation.Rule);
            Assert.Equal(era, violation.RuleSet);
        }
    }

    [Fact]
    public void The_first_day_of_2025_qd294_is_2025_07_01_and_2025_qd232_ends_the_day_before()
    {
        Assert.Equal("2025-qd232", Cases.Catalog.InForce(new LocalDate(2025, 6, 30))!.Id);
        Assert.Equal("2025-qd294", Cases.Catalog.InForce(new LocalDate(2025, 7, 1))!.Id);
        var set = Cases.Catalog.RuleSets.Single(s => s.Id == "2025-qd294");
        Assert.Equal(new LocalDate(2025, 7, 1), set.EffectiveFrom);
        Assert.Contains(set.Sources, s => s.Contains("294-QĐ/TW", StringComparison.Ordinal));
        Assert.Contains(set.Sources, s => s.Contains("06-HD/TW", StringComparison.Ordinal));
        Assert.Contains(set.Sources, s => s.Contains("12-HD/BTCTW", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_of_2025_qd294_cites_294_or_says_which_text_it_rests_on()
    {
        var set = Cases.Catalog.RuleSets.Single(s => s.Id == "2025-qd294");
        Assert.All(set.Workflows.SelectMany(w => w.Rules), r =>
            Assert.True(r.Source.Contains("294-QĐ/TW", StringComparison.Ordinal) || r.Source.Contains("Điều lệ", StringComparison.Ordinal), r.Id + ": " + r.Source));
    }

    /// <summary>Issue 11 item 9: adding an era is one rule file and nothing else — a fifth file in a folder is an era.</summary>
    [Fact]
    public void A_fifth_rule_file_in_a_folder_becomes_an_era_with_nothing_else_changed()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-era-").FullName;
        try
        {
            foreach (var file in RuleFiles.Shipped)
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var next = RuleFiles.Node("2025-qd294");
            next["id"] = "2026-qd-next";
            next["effectiveFrom"] = "2026-09-01";
            next["title"] = new JsonObject { ["vi"] = "Quy định sửa đổi (2026)", ["en"] = "Amended regulation (2026)" };
            next["sources"] = new JsonArray("Quy định sửa đổi 2026 (test)");
            File.WriteAllText(Path.Combine(folder, "2026-qd-next.json"), next.ToJsonString());

            var catalog = RuleCatalog.LoadDirectory(folder).GetValueOrThrow();
            Assert.Equal(["2016-qd29", "2021-qd24", "2025-qd232", "2025-qd294", "2026-qd-next"], catalog.RuleSets.Select(s => s.Id));
            Assert.Equal("2025-qd294", catalog.InForce(new LocalDate(2026, 8, 31))!.Id);
            Assert.Equal("2026-qd-next", catalog.InForce(new LocalDate(2026, 9, 1))!.Id);

            var vote = new LocalDate(2026, 9, 15);
            var history = Cases.History(new CaseFile(Cases.Person(new LocalDate(1998, 1, 10)), Cases.GrassrootsCell, [.. Cases.Dossier(vote)]), vote);
            Assert.Equal("2026-qd-next", new CaseEvaluator(catalog).Evaluate(history.Case, vote).Value!.RuleSet);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
