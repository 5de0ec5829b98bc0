using System;
using System.IO;
using System.Security.Cryptography;
using ChiBo.Cases;
using ChiBo.Evaluation;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 13, item 5 (edited rules are marked): the answer carries ruleSetDigest (sha256 of the file's bytes) and
/// ruleSetOrigin — shipped, edited (a shipped id, other bytes) or local (an id no shipped set has).
/// </summary>
public class ProvenanceTests
{
    [Fact]
    public void Shipped_rule_sets_have_the_digest_of_their_file_and_origin_shipped()
    {
        foreach (var file in RuleFiles.Shipped)
        {
            var set = RuleSetLoader.LoadFile(file).GetValueOrThrow();
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), set.Digest);
            Assert.Equal(RuleSetOrigin.Shipped, set.Origin);
        }

        Assert.All(RuleCatalog.Shipped.RuleSets, s => Assert.Equal(RuleSetOrigin.Shipped, s.Origin));
    }

    [Fact]
    public void An_edited_copy_is_edited_and_a_new_id_is_local()
    {
        var text = RuleFiles.Text("2016-qd29");
        var edited = RuleFiles.Load(text.Replace("\"value\": 30,\n      \"unit\": \"workingDays\",\n      \"source\": \"Quy định 29-QĐ/TW (2016), 4.1\"",
            "\"value\": 20,\n      \"unit\": \"workingDays\",\n      \"source\": \"Quy định 29-QĐ/TW (2016), 4.1\"", StringComparison.Ordinal)).GetValueOrThrow();
        Assert.Equal(20, edited.Parameters.CeremonyDeadlineWorkingDays);
        Assert.Equal(RuleSetOrigin.Edited, edited.Origin);
        Assert.Equal(30, edited.Shipped!.Parameters.CeremonyDeadlineWorkingDays);

        // A change of white space alone is an edit too: the digest is of the bytes.
        Assert.Equal(RuleSetOrigin.Edited, RuleFiles.Load(text + "\n").GetValueOrThrow().Origin);

        var local = RuleFiles.Load(text.Replace("\"id\": \"2016-qd29\"", "\"id\": \"2016-qd29-hcm\"", StringComparison.Ordinal)).GetValueOrThrow();
        Assert.Equal(RuleSetOrigin.Local, local.Origin);
        Assert.Null(local.Shipped);
    }

    [Fact]
    public void The_answer_carries_the_digest_and_origin_of_the_rule_set_that_judged_it()
    {
        var caseFile = CaseFileSerializer.ReadFile(Path.Combine(RuleFiles.RepoRoot, "samples", "roster-2019", "07-truong-thi-bich-ngoc.case.json")).GetValueOrThrow();
        var shipped = new CaseEvaluator(RuleCatalog.Shipped).Evaluate(caseFile, new LocalDate(2019, 11, 20)).GetValueOrThrow();
        Assert.Equal(RuleSetOrigin.Shipped, shipped.RuleSetOrigin);
        Assert.Equal(RuleCatalog.Shipped.InForce(new LocalDate(2019, 11, 20))!.Digest, shipped.RuleSetDigest);
        Assert.Empty(shipped.Overlays);

        var edited = RuleFiles.Load(RuleFiles.Text("2016-qd29") + " ").GetValueOrThrow();
        var answer = new CaseEvaluator(RuleCatalog.Create([edited]).GetValueOrThrow()).Evaluate(caseFile, new LocalDate(2019, 11, 20)).GetValueOrThrow();
        Assert.Equal(RuleSetOrigin.Edited, answer.RuleSetOrigin);
        Assert.NotEqual(shipped.RuleSetDigest, answer.RuleSetDigest);
        var json = System.Text.Json.JsonSerializer.Serialize(answer, ChiBo.Serialization.ChiBoJson.Options);
        Assert.Contains("\"ruleSetOrigin\": \"edited\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ruleSetDigest\": \"sha256:", json, StringComparison.Ordinal);
    }
}

/// <summary>Issue 13, item 6: the warnings of a rule set that loads (RuleSetWarnings).</summary>
public class RuleSetWarningsTests
{
    [Fact]
    public void Shipped_rule_sets_have_no_warning()
    {
        Assert.All(RuleCatalog.Shipped.RuleSets, s => Assert.Empty(RuleSetWarnings.Of(s)));
    }

    [Fact]
    public void A_constant_expression_a_repeated_one_and_an_unused_parameter_are_warned()
    {
        var node = RuleFiles.Node("2016-qd29");
        var rules = node["workflows"]![0]!["Rules"]!.AsArray();
        rules[0]!["Expression"] = "params.minAgeMonths >= params.minAgeMonths";
        rules[1]!["Expression"] = (string)rules[2]!["Expression"]!;
        // No rule reads the youth age any more.
        foreach (var rule in rules)
        {
            if (((string?)rule!["Expression"])!.Contains("youthAge", StringComparison.Ordinal))
            {
                rule["Expression"] = "person.youthUnionMember || !cell.hasYouthUnion";
                rule["messages"]!["vi"] = "Đoàn viên.";
                rule["messages"]!["en"] = "A Youth Union member.";
            }
        }

        var warnings = RuleSetWarnings.Of(RuleFiles.Load(node).GetValueOrThrow());
        Assert.Contains(warnings, w => w.Code == "warning.constant" && w.Rule == "age.minimum" && w.Message.EndsWith("never fail", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Code == "warning.repeated" && w.Rule == "education.minimum");
        Assert.Contains(warnings, w => w.Code == "warning.unusedParameter" && w.Path == "$.parameters.youthAgeMinYears");
        Assert.Contains(warnings, w => w.Code == "warning.unusedParameter" && w.Text.Vi.Contains("youthAgeMaxYears", StringComparison.Ordinal));
    }
}
