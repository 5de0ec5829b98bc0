using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using ChiBo.Rules.Tests.Fuzzing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Inputs the rule-file fuzzers found, and the documented limits (docs/reliability.md): each is a typed error that
/// names the file and a place, never an exception, and nothing that loads can throw when it runs.
/// </summary>
public partial class RuleSetLoaderTests
{
    private static RuleLoadError SingleError(JsonNode node)
    {
        var result = RuleFiles.Load(node);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors);
    }

    private static JsonArray WorkflowsOf(JsonObject node) => node["workflows"]!.AsArray();

    // Found by fuzzing: a parameter without "value" had an error without a line (the path did not exist).
    [Fact]
    public void Parameter_without_a_value_is_an_error_at_the_parameters_line()
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["youthAgeMaxYears"]!.AsObject().Remove("value");
        var error = SingleError(node);
        Assert.Equal("parameter.missingField", error.Code);
        Assert.Equal("$.parameters.youthAgeMaxYears.value", error.Path);
        Assert.NotNull(error.Line);
        Assert.Contains("no 'value'", error.Message);
    }

    // Found by fuzzing: null entries threw NullReferenceException.
    [Fact]
    public void Null_workflow_rule_and_parameter_are_errors_not_exceptions()
    {
        var node = RuleFiles.Node("2016-qd29");
        WorkflowsOf(node).Add(null);
        WorkflowsOf(node)[0]!["Rules"]!.AsArray().Add(null);
        var errors = RuleFiles.Load(node).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Code == "workflow.missingField" && e.Path == $"$.workflows[{WorkflowsOf(node).Count - 1}]" && e.Line is not null);
        Assert.Contains(errors, e => e.Code == "rule.missingField" && e.Path!.StartsWith("$.workflows[0].Rules[", StringComparison.Ordinal) && e.Line is not null);

        node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["minAgeMonths"] = null;
        var error = SingleError(node);
        Assert.Equal("parameter.missingField", error.Code);
        Assert.Equal("$.parameters.minAgeMonths", error.Path);
        Assert.NotNull(error.Line);
    }

    // Found by fuzzing: System.Linq.Dynamic.Core threw IndexOutOfRangeException on this text. Since issue 18 the
    // pre-check refuses '??' (and np) before the parser runs; whatever else the parser throws is expression.syntax.
    [Fact]
    public void Text_that_crashed_the_expression_parser_is_refused()
    {
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule("education.level ?? !true <= np(ceremony.decisionReceived)"), "np").Errors);
        Assert.Equal("expression.forbidden", error.Code);
        Assert.Equal("age.minimum", error.Rule);
        Assert.NotNull(error.Line);
    }

    // Found by probing: these loaded, then threw DivideByZeroException when evaluated on a vote not yet held.
    [Theory]
    [InlineData("age.months / vote.fullMembers > params.minAgeMonths")]
    [InlineData("vote.inFavour % vote.fullMembers == params.voteNumerator")]
    [InlineData("age.months / (vote.fullMembers - vote.inFavour) > params.voteNumerator")]
    [InlineData("age.months / (params.minAgeMonths - params.minAgeMonths) > params.minAgeMonths")] // a parameter sum folded to 0
    public void Whole_number_division_by_what_can_be_zero_is_refused_at_load(string expression)
    {
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).Errors);
        Assert.Equal("expression.forbidden", error.Code);
        Assert.Contains("can be 0", error.Message);
    }

    [Theory]
    [InlineData("age.months / params.probationMonths >= params.minAgeMonths / params.probationMonths")]
    [InlineData("age.months % params.probationMonths == params.voteNumerator || age.exceptionApproved")]
    [InlineData("double(age.months) / vote.fullMembers >= params.voteNumerator || age.exceptionApproved")] // ∞ or NaN, never throws
    public void Division_by_a_non_zero_parameter_or_in_doubles_loads_and_evaluates(string expression)
    {
        var set = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).GetValueOrThrow();
        set.Workflows[0].Evaluate(new GateFacts());
    }

    // Found by probing: these loaded, then threw OverflowException on extreme facts; compiled delegates are total now.
    [Fact]
    public void Math_Abs_of_the_smallest_int_evaluates_instead_of_throwing()
    {
        const string expression = "Math.Abs(age.months * vote.fullMembers) > params.minAgeMonths";
        var rule = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).GetValueOrThrow().Workflows[0].Rules[0];
        var facts = new GateFacts { Age = new AgeFacts { Months = 65_536 }, Vote = new VoteFacts { FullMembers = 32_768 } }; // 2^31 wraps to int.MinValue
        Assert.False(rule.IsSatisfiedBy(in facts)); // Math.Abs(int.MinValue) stays int.MinValue
        Assert.True(rule.IsSatisfiedBy(new GateFacts { Age = new AgeFacts { Months = -300 }, Vote = new VoteFacts { FullMembers = 1 } }));
    }

    [Fact]
    public void A_conversion_out_of_range_evaluates_instead_of_throwing()
    {
        const string expression = "int(double(ceremony.workingDaysSinceDecision) * double(probation.workingDaysAfterEnd) * double(age.months)) != params.minAgeMonths";
        var rule = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).GetValueOrThrow().Workflows[0].Rules[0];
        var facts = new GateFacts
        {
            Age = new AgeFacts { Months = 2_400 },
            Ceremony = new CeremonyFacts { WorkingDaysSinceDecision = 75_000 },
            Probation = new ProbationFacts { WorkingDaysAfterEnd = 75_000 },
        };
        rule.IsSatisfiedBy(in facts); // 1.35e13 does not fit an int: converted unchecked, no OverflowException
    }

    [Fact]
    public void Decimal_literals_are_refused_with_the_way_to_write_them()
    {
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule("age.months * 1.5m > 1"), "m").Errors);
        Assert.Equal("expression.forbidden", error.Code);
        Assert.Contains("write 1.5, not 1.5m", error.Message);
    }

    // Found by probing: 2,000 '!' in a row parse with a recursion that overflows a 256 KB stack and kills the process.
    [Theory]
    [InlineData('!')]
    [InlineData('-')]
    public void Operators_in_a_row_are_bounded_before_parsing_even_on_a_small_stack(char op)
    {
        var expression = new string(op, 1980) + (op == '!' ? "true" : "age.months > 0");
        RuleLoadResult<RuleSet>? result = null;
        var thread = new System.Threading.Thread(() => result = RuleSetLoader.Load(RuleFuzz.OneRule(expression), "deep.json"), 256 * 1024);
        thread.Start();
        thread.Join();
        var error = Assert.Single(result!.Errors);
        Assert.Equal("expression.tooComplex", error.Code);
        Assert.Contains($"more than {RuleLanguage.MaxParenthesisDepth} operators in a row", error.Message);
    }

    [Fact]
    public void Sixteen_operators_in_a_row_load()
    {
        Assert.True(RuleFuzz.LoadChecked(RuleFuzz.OneRule(new string('!', 16) + "age.exceptionApproved"), "16").IsValid);
        Assert.True(RuleFuzz.LoadChecked(RuleFuzz.OneRule("age.months - -params.minAgeMonths > params.maxAgeMonths || not not true"), "mixed").IsValid);
    }

    [Fact]
    public void A_duplicate_key_in_a_rule_file_is_an_error_with_its_line()
    {
        var text = RuleFiles.Text("2016-qd29");
        var at = text.IndexOf("\"minAgeMonths\"", StringComparison.Ordinal);
        var broken = text.Insert(at, "\"minAgeMonths\": { \"value\": 1, \"source\": \"x\" },\n    ");
        var error = Assert.Single(RuleFiles.Load(broken, "dup.json").Errors);
        Assert.Equal("json.duplicateProperty", error.Code);
        Assert.Contains("'minAgeMonths' is written twice", error.Message);
        Assert.Equal("dup.json", error.File);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_rule_file_that_is_not_UTF8_is_an_encoding_error_with_its_line()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RuleFiles.Folder, "2016-qd29.json")).ToList();
        bytes.Insert(bytes.IndexOf((byte)'{') + 1, 0xC0);
        var error = Assert.Single(RuleSetLoader.Load(bytes.ToArray(), "latin1.json").Errors);
        Assert.Equal("json.encoding", error.Code);
        Assert.Equal(1, error.Line);
    }

    // Limits (docs/reliability.md): bytes per file, workflows and rules per set, rules per workflow, expression length.
    [Fact]
    public void A_rule_file_over_MaxFileBytes_is_refused_from_bytes_stream_and_disk_without_reading_it_whole()
    {
        var text = RuleFiles.Text("2016-qd29");
        var big = Encoding.UTF8.GetBytes(text.Insert(text.IndexOf("\"effectiveFrom\"", StringComparison.Ordinal),
            "\"description\": \"" + new string('a', RuleSetLoader.MaxFileBytes) + "\", "));
        var path = Path.Combine(Directory.CreateTempSubdirectory("chibo-big-").FullName, "big.json");
        File.WriteAllBytes(path, big);
        try
        {
            foreach (var result in new[]
                     {
                         RuleSetLoader.Load(big, "big.json"),
                         RuleSetLoader.Load(new MemoryStream(big), "big.json"),
                         RuleSetLoader.LoadFile(path),
                     })
            {
                var error = Assert.Single(result.Errors);
                Assert.Equal("file.tooLarge", error.Code);
                Assert.Equal("$", error.Path);
            }

            var endless = new CountingStream(100L * 1024 * 1024);
            Assert.Equal("file.tooLarge", Assert.Single(RuleSetLoader.Load(endless, "endless.json").Errors).Code);
            Assert.Equal(RuleSetLoader.MaxFileBytes + 1, endless.BytesRead);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_rule_file_read_from_a_stream_loads_like_its_bytes()
    {
        using var stream = File.OpenRead(Path.Combine(RuleFiles.Folder, "2021-qd24.json"));
        Assert.Equal("2021-qd24", RuleSetLoader.Load(stream, "2021-qd24.json").GetValueOrThrow().Id);
    }

    [Fact]
    public void More_than_MaxWorkflows_workflows_are_refused()
    {
        var node = RuleFiles.Node("2016-qd29");
        var first = WorkflowsOf(node)[0]!;
        while (WorkflowsOf(node).Count <= RuleSetLoader.MaxWorkflows)
        {
            WorkflowsOf(node).Add(first.DeepClone());
        }

        var error = SingleError(node);
        Assert.Equal("limit.exceeded", error.Code);
        Assert.Equal("$.workflows", error.Path);
    }

    [Fact]
    public void More_than_MaxRules_rules_in_a_set_are_refused()
    {
        var node = RuleFiles.Node("2016-qd29");
        var perWorkflow = RuleWorkflow.MaxRules;
        var template = WorkflowsOf(node)[0]!["Rules"]![0]!;
        WorkflowsOf(node).Clear();
        foreach (var gate in new[] { "sympathizerList", "awarenessCourse", "cellAdmissionVote", "committeeApproval", "admissionDecision" })
        {
            var rules = new JsonArray();
            for (var i = 0; i < perWorkflow && i * 5 <= RuleSetLoader.MaxRules; i++)
            {
                var rule = template.DeepClone().AsObject();
                rule["RuleName"] = $"rule.n{i}";
                rules.Add(rule);
            }

            WorkflowsOf(node).Add(new JsonObject { ["WorkflowName"] = gate, ["Rules"] = rules });
        }

        Assert.True(WorkflowsOf(node).Sum(w => w!["Rules"]!.AsArray().Count) > RuleSetLoader.MaxRules);
        var error = SingleError(node);
        Assert.Equal("limit.exceeded", error.Code);
        Assert.Contains($"more than {RuleSetLoader.MaxRules} rules", error.Message);
    }

    [Fact]
    public void More_than_MaxRules_rules_in_a_workflow_are_refused()
    {
        var node = RuleFiles.Node("2016-qd29");
        var rules = WorkflowsOf(node)[0]!["Rules"]!.AsArray();
        var template = rules[0]!;
        for (var i = rules.Count; i <= RuleWorkflow.MaxRules; i++)
        {
            var rule = template.DeepClone().AsObject();
            rule["RuleName"] = $"rule.n{i}";
            rules.Add(rule);
        }

        var error = SingleError(node);
        Assert.Equal("limit.exceeded", error.Code);
        Assert.Equal("$.workflows[0].Rules", error.Path);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void An_expression_of_MaxExpressionLength_loads_and_one_character_more_is_refused()
    {
        const string head = "age.months >= params.minAgeMonths";
        var padded = head + new string(' ', RuleLanguage.MaxExpressionLength - head.Length);
        Assert.True(RuleFuzz.LoadChecked(RuleFuzz.OneRule(padded), "max").IsValid);
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule(padded + " "), "max+1").Errors);
        Assert.Equal("expression.tooComplex", error.Code);
        Assert.Contains($"at most {RuleLanguage.MaxExpressionLength}", error.Message);
    }

    /// <summary>An endless stream of spaces, counting what was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long position;

        public long BytesRead => position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
