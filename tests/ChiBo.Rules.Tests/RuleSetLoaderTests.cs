using System.Linq;
using ChiBo.Lifecycle;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

public partial class RuleSetLoaderTests
{
    // The contract's rule ids by gate ("Rule ids" table of the interchange contract).
    public static TheoryData<string> Eras => new() { "2016-qd29", "2021-qd24", "2025-qd232", "2025-qd294" };

    [Theory]
    [MemberData(nameof(Eras))]
    public void Shipped_rule_set_loads_and_covers_every_contract_rule(string id)
    {
        var result = RuleFiles.Load(RuleFiles.Text(id), id + ".json");
        Assert.Empty(result.Errors);
        var set = result.Value!;
        Assert.Equal(id, set.Id);
        string[] admission =
        [
            "age.minimum", "age.maximum", "education.minimum", "youthUnion.membership", "course.certificate",
            "application.submitted", "background.verified", "introducers.count", "introducers.fullMember",
            "introducers.workedTogether", "comments.collected", "dossier.current",
            "readmission.excluded", "readmission.waitingPeriod", "readmission.once", "readmission.consent", "vote.cellTwoThirds",
        ];
        Assert.Equal(admission, set.WorkflowFor(Gate.CellAdmissionVote)!.Rules.Select(r => r.Id));
        Assert.Equal(["vote.committeeTwoThirds"], set.WorkflowFor(Gate.CommitteeApproval)!.Rules.Select(r => r.Id));
        Assert.Equal(["ceremony.deadline"], set.WorkflowFor(Gate.Ceremony)!.Rules.Select(r => r.Id));
        Assert.Equal(["decision.deadline"], set.WorkflowFor(Gate.AdmissionDecision)!.Rules.Select(r => r.Id));        // Quy định 29 §4.3.1
        Assert.Equal(["decision.deadline"], set.WorkflowFor(Gate.FullMembershipDecision)!.Rules.Select(r => r.Id));
        Assert.Equal(
            ["probation.completed", "probation.reviews", "fullMembership.reviewDeadline", "vote.cellTwoThirds"],
            set.WorkflowFor(Gate.FullMembershipVote)!.Rules.Select(r => r.Id));
        Assert.All(set.Workflows.SelectMany(w => w.Rules), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.False(string.IsNullOrWhiteSpace(r.Message.Vi));
            Assert.False(string.IsNullOrWhiteSpace(r.Message.En));
        });
    }

    [Fact]
    public void Eras_start_on_the_dates_of_the_contract()
    {
        var starts = RuleFiles.Shipped.Select(f => RuleSetLoader.LoadFile(f).GetValueOrThrow()).ToDictionary(s => s.Id, s => s.EffectiveFrom);
        Assert.Equal(new LocalDate(2016, 7, 25), starts["2016-qd29"]);
        Assert.Equal(new LocalDate(2021, 7, 30), starts["2021-qd24"]);
        Assert.Equal(new LocalDate(2025, 1, 20), starts["2025-qd232"]);
        Assert.Equal(new LocalDate(2025, 7, 1), starts["2025-qd294"]); // Quy định 294-QĐ/TW, in force 1/7/2025
    }

    [Fact]
    public void Shipped_parameters_are_those_of_the_law()
    {
        var p = RuleFiles.Load(RuleFiles.Text("2016-qd29")).GetValueOrThrow().Parameters;
        Assert.Equal(216, p.MinAgeMonths);          // full 18 years in months (Quy định 29 §1.1)
        Assert.Equal(720, p.MaxAgeMonths);          // full 60 years
        Assert.Equal(2, p.MinEducationLevel);       // lowerSecondary
        Assert.Equal(60, p.CertificateValidityMonths);
        Assert.Equal((2, 3), (p.VoteNumerator, p.VoteDenominator));
        Assert.Equal(12, p.ProbationMonths);        // Điều lệ Đảng Art. 5
        Assert.Equal(30, p.CeremonyDeadlineWorkingDays); // Quy định 29 §4.1
        Assert.Equal(30, p.FullMembershipVoteDeadlineWorkingDays); // Quy định 29 §4.2
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var text = RuleFiles.Text("2016-qd29");
        var broken = text.Insert(text.IndexOf("\"effectiveFrom\"", System.StringComparison.Ordinal), "\"oops\" ");
        var error = Assert.Single(RuleFiles.Load(broken, "2016-qd29.json").Errors);
        Assert.Equal("json.syntax", error.Code);
        Assert.Equal("2016-qd29.json", error.File);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Rule_without_source_fails_naming_the_rule_and_its_line()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.maximum").Remove("source");
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("rule.missingField", error.Code);
        Assert.Equal("age.maximum", error.Rule);
        Assert.Equal("cellAdmissionVote", error.Workflow);
        Assert.NotNull(error.Line);
        Assert.Contains("source", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_without_vietnamese_message_fails()
    {
        var node = RuleFiles.Node("2021-qd24");
        RuleFiles.RuleOf(node, "ceremony", "ceremony.deadline")["messages"]!.AsObject().Remove("vi");
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.missingField", "ceremony.deadline"), (error.Code, error.Rule));
    }

    [Fact]
    public void Unknown_parameter_in_an_expression_fails_at_load_not_at_run()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.months >= params.minAgeMonth";
        var error = Assert.Single(RuleFiles.Load(node, "2016-qd29.json").Errors);
        Assert.Equal("expression.unknownName", error.Code);
        Assert.Equal("age.minimum", error.Rule);
        Assert.Contains("unknown parameter 'minAgeMonth'", error.Message, System.StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.Contains("2016-qd29.json:", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Typo_in_a_fact_name_lists_the_names_that_exist()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.monts >= params.minAgeMonths";
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("expression.unknownName", error.Code);
        Assert.Contains("'age' has no 'monts'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("months", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age.months >= ", "expression.syntax")]
    [InlineData("age.months + 1", "expression.type")]
    [InlineData("(age.months >= params.minAgeMonths", "expression.syntax")]
    public void Expression_that_does_not_parse_or_type_check_fails(string expression, string code)
    {
        var node = RuleFiles.Node("2025-qd232");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal((code, "age.minimum"), (error.Code, error.Rule));
    }

    [Fact]
    public void Two_rules_with_one_id_in_a_workflow_fail()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.maximum")["RuleName"] = "age.minimum";
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.duplicateId", "age.minimum"), (error.Code, error.Rule));
    }

    [Fact]
    public void Unknown_property_is_an_error_with_its_line()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "ceremony", "ceremony.deadline")["sauce"] = "x";
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("json.unknownProperty", error.Code);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Unknown_or_missing_parameters_fail()
    {
        var node = RuleFiles.Node("2016-qd29");
        var parameters = node["parameters"]!.AsObject();
        parameters.Remove("probationMonths");
        parameters["probationMonthz"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "value": 12, "source": "x" }""");
        var codes = RuleFiles.Load(node).Errors.Select(e => e.Code).OrderBy(c => c).ToArray();
        Assert.Equal(["parameter.missing", "parameter.unknown"], codes);
    }

    [Fact]
    public void Unknown_gate_fails()
    {
        var node = RuleFiles.Node("2016-qd29");
        node["workflows"]![0]!["WorkflowName"] = "cellVote";
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("workflow.unknownGate", error.Code);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.x > 1";
        RuleFiles.RuleOf(node, "ceremony", "ceremony.deadline").Remove("source");
        Assert.Equal(2, RuleFiles.Load(node).Errors.Count);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var error = Assert.Single(RuleSetLoader.LoadFile("/no/such/rules.json").Errors);
        Assert.Equal("file.unreadable", error.Code);
    }
}

/// <summary>Every shipped file, broken the ways an editor breaks it, fails naming the file, the rule and the line.</summary>
public class BrokenCopyTests
{
    public static TheoryData<string> Eras => RuleSetLoaderTests.Eras;

    [Theory]
    [MemberData(nameof(Eras))]
    public void Broken_copy_of_each_shipped_file_fails_with_file_rule_and_line(string id)
    {
        var file = id + ".json";

        var noSource = RuleFiles.Node(id);
        RuleFiles.RuleOf(noSource, "fullMembershipVote", "probation.reviews").Remove("source");
        var missing = Assert.Single(RuleFiles.Load(noSource, file).Errors);
        Assert.Equal(("rule.missingField", "probation.reviews", "fullMembershipVote", file), (missing.Code, missing.Rule, missing.Workflow, missing.File));
        Assert.NotNull(missing.Line);

        var typo = RuleFiles.Node(id);
        RuleFiles.RuleOf(typo, "ceremony", "ceremony.deadline")["Expression"] = "ceremony.delayApproved || ceremony.workingDaysSinceDecison <= params.ceremonyDeadlineWorkingDays";
        var unknown = Assert.Single(RuleFiles.Load(typo, file).Errors);
        Assert.Equal(("expression.unknownName", "ceremony.deadline"), (unknown.Code, unknown.Rule));
        Assert.Contains("'ceremony' has no 'workingDaysSinceDecison'", unknown.Message, System.StringComparison.Ordinal);
        Assert.NotNull(unknown.Line);

        var literal = RuleFiles.Node(id);
        RuleFiles.RuleOf(literal, "cellAdmissionVote", "vote.cellTwoThirds")["Expression"] = "vote.inFavour * 3 >= vote.fullMembers * 2 + age";
        Assert.Equal("expression.type", Assert.Single(RuleFiles.Load(literal, file).Errors).Code);

        var text = RuleFiles.Text(id);
        var truncated = RuleFiles.Load(text[..(text.Length / 2)], file);
        var syntax = Assert.Single(truncated.Errors);
        Assert.Equal(("json.syntax", file), (syntax.Code, syntax.File));
        Assert.NotNull(syntax.Line);
    }

    [Fact]
    public void The_schema_names_the_same_parameters_and_gates_as_the_loader()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(RuleFiles.RepoRoot, "rules", "schema", "ruleset.schema.json")))!;
        var required = schema["properties"]!["parameters"]!["required"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Equal(RuleParameters.Names.Where(n => !RuleParameters.Optional.ContainsKey(n)), required);
        Assert.Equal(RuleParameters.Names, schema["properties"]!["parameters"]!["properties"]!.AsObject().Select(p => p.Key));
        var gates = schema["$defs"]!["workflow"]!["properties"]!["WorkflowName"]!["enum"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Equal(System.Enum.GetValues<Gate>().Where(g => g != Gate.None).Select(g => g.JsonName()).Concat(MemberWorkflows.Names), gates);
        Assert.All(RuleFiles.Shipped, f => Assert.Equal("../schema/ruleset.schema.json", (string?)System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(f))!["$schema"]));
    }
}

/// <summary>Messages state the rule set's numbers through placeholders, so an edited number is never contradicted by its message.</summary>
public class MessagePlaceholderTests
{
    [Fact]
    public void Messages_are_filled_with_the_parameters_in_both_languages()
    {
        var set = RuleFiles.Load(RuleFiles.Text("2016-qd29")).GetValueOrThrow();
        var rules = set.Workflows.SelectMany(w => w.Rules).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Message, System.StringComparer.Ordinal);
        Assert.Equal("Đủ 18 tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp.", rules["age.minimum"].Vi);
        Assert.Contains("lower secondary", rules["education.minimum"].En, System.StringComparison.Ordinal);
        Assert.Contains("trung học cơ sở", rules["education.minimum"].Vi, System.StringComparison.Ordinal);
        Assert.Contains("2/3", rules["vote.cellTwoThirds"].En, System.StringComparison.Ordinal);
        Assert.All(set.Workflows.SelectMany(w => w.Rules), r => Assert.DoesNotContain("{", r.Message.Vi + r.Message.En, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(228, "Full 19 years old")]
    [InlineData(222, "Full 18 years 6 months old")]
    public void An_edited_number_shows_in_its_message(int months, string expected)
    {
        var node = RuleFiles.Node("2021-qd24");
        node["parameters"]!["minAgeMonths"]!["value"] = months;
        var set = RuleFiles.Load(node).GetValueOrThrow();
        Assert.StartsWith(expected, set.WorkflowFor(Gate.CellAdmissionVote)!.Rules[0].Message.En, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đủ {params.minAge} tuổi")]
    [InlineData("Đủ {params.minAgeMonths:days} tuổi")]
    public void A_message_naming_an_unknown_parameter_fails_the_load(string vi)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["messages"]!["vi"] = vi;
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.message", "age.minimum"), (error.Code, error.Rule));
        Assert.NotNull(error.Line);
    }
}
