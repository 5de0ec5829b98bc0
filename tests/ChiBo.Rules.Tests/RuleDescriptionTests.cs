using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 11 item 8: every shipped rule's description in Vietnamese and English ({ "vi", "en" }); a legacy or edited
/// file's plain-string description still loads; no "(article number to confirm)" where the research found the article.
/// </summary>
public class RuleDescriptionTests
{
    [Theory]
    [MemberData(nameof(RuleSetLoaderTests.Eras), MemberType = typeof(RuleSetLoaderTests))]
    public void Every_shipped_rule_describes_its_reading_in_Vietnamese_and_English(string id)
    {
        var set = RuleFiles.Load(RuleFiles.Text(id), id + ".json").GetValueOrThrow();
        Assert.All(set.Workflows.SelectMany(w => w.Rules), r =>
        {
            Assert.NotNull(r.DescriptionText);
            Assert.False(string.IsNullOrWhiteSpace(r.DescriptionText!.Value.Vi), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.DescriptionText.Value.En), r.Id);
            Assert.NotEqual(r.DescriptionText.Value.Vi, r.DescriptionText.Value.En);
            Assert.Equal(r.DescriptionText.Value.En, r.Description);
        });
        Assert.DoesNotContain("to confirm", RuleFiles.Text(id), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_plain_string_description_still_loads()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["description"] = "An old one-language reading.";
        var rule = RuleFiles.Load(node).GetValueOrThrow().WorkflowFor(Lifecycle.Gate.CellAdmissionVote)!.Rules.First(r => r.Id == "age.minimum");
        Assert.Equal("An old one-language reading.", rule.Description);
        Assert.Null(rule.DescriptionText);
    }

    [Theory]
    [InlineData("""{ "vi": "Chỉ tiếng Việt" }""")]
    [InlineData("""{ "vi": "a", "en": "b", "fr": "c" }""")]
    [InlineData("42")]
    public void A_description_of_another_shape_is_refused_with_its_rule_and_line(string value)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["description"] = JsonNode.Parse(value);
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.description", "age.minimum"), (error.Code, error.Rule));
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void The_youth_age_before_2021_rests_on_the_2005_Youth_Law_and_the_two_readings_of_30_are_documented()
    {
        var set = RuleFiles.Load(RuleFiles.Text("2016-qd29")).GetValueOrThrow();
        Assert.Contains("Luật Thanh niên 2005", set.Parameters.Info["youthAgeMaxYears"].Source);
        var youth = set.WorkflowFor(Lifecycle.Gate.CellAdmissionVote)!.Rules.First(r => r.Id == "youthUnion.membership");
        Assert.Contains("không quá 30 tuổi", youth.DescriptionText!.Value.Vi);
        Assert.Contains("under 31 full years", youth.DescriptionText.Value.En);
        Assert.Contains("chưa đọc được số điều", RuleFiles.Text("2025-qd232"));
    }

    // Issue 14 ("no English fragments" in Vietnamese reports): a rule's or parameter's `source` is the citation alone, which
    // the reports print in either language; what the research could not read ("294's own text not read") is a
    // `sourceNote` in both languages, shown by `chibo rules show`.
    private static readonly System.Text.RegularExpressions.Regex EnglishWord =
        new(@"\b(the|not|read|as|same|reported|summary|was|applied|still|unchanged|wording)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Theory]
    [MemberData(nameof(RuleSetLoaderTests.Eras), MemberType = typeof(RuleSetLoaderTests))]
    public void Every_source_is_a_citation_and_its_caveat_a_note_in_both_languages(string id)
    {
        var set = RuleFiles.Load(RuleFiles.Text(id), id + ".json").GetValueOrThrow();
        var sources = set.Workflows.SelectMany(w => w.Rules).Select(r => (r.Id, r.Source, r.SourceNote))
            .Concat(set.Parameters.Info.Values.Select(p => (Id: p.Name, p.Source, p.SourceNote)));
        Assert.All(sources, s =>
        {
            Assert.False(EnglishWord.IsMatch(s.Source), $"{id} {s.Id}: '{s.Source}' carries an English note; move it to sourceNote");
            if (s.SourceNote is { } note)
            {
                Assert.False(EnglishWord.IsMatch(note.Vi), $"{id} {s.Id}: the Vietnamese note is English");
                Assert.NotEqual(note.Vi, note.En);
            }
        });
    }

    [Fact]
    public void The_294_era_notes_what_was_not_read_and_rules_show_prints_it()
    {
        var set = RuleFiles.Load(RuleFiles.Text("2025-qd294"), "2025-qd294.json").GetValueOrThrow();
        var note = set.Parameters.Info["voteNumerator"].SourceNote;
        Assert.NotNull(note);
        Assert.Contains("chưa đọc được văn bản Quy định 294", note!.Value.Vi);
        Assert.Contains("294's own text not read", note.Value.En);
        Assert.Contains(set.Workflows.SelectMany(w => w.Rules), r => r.SourceNote is not null);
    }

    [Theory]
    [InlineData("""{ "vi": "Chỉ tiếng Việt" }""")]
    [InlineData("\"a plain string\"")]
    public void A_source_note_of_another_shape_is_refused_with_its_rule_and_line(string value)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["sourceNote"] = JsonNode.Parse(value);
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.True(error.Rule == "age.minimum" || (error.Path?.Contains("sourceNote", System.StringComparison.Ordinal) ?? false), error.ToString());
        Assert.NotNull(error.Line);
    }
}
