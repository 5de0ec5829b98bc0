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
}
