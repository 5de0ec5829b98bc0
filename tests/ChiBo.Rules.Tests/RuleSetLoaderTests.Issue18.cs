using System;
using System.Linq;
using System.Text.Json.Nodes;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using ChiBo.Rules.Tests.Fuzzing;
using ChiBo.Text;
using Xunit;
using LinqExpression = System.Linq.Expressions.Expression;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Regression tests of issue 18 (reliability, second pass), the rule-language part: each input below crashed a host,
/// loaded and then threw, made the loader throw, or was accepted without a word. Each is now a typed error at load
/// (naming file, rule, path and line), or — defence in depth — a typed rule error in the answer.
/// </summary>
public partial class RuleSetLoaderTests
{
    /// <summary>Loads on a thread with a 256 KB stack, as a host's thread may have: a parser recursion too deep kills the process.</summary>
    private static RuleLoadResult<RuleSet> LoadOnSmallStack(byte[] bytes)
    {
        RuleLoadResult<RuleSet>? result = null;
        Exception? thrown = null;
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    result = RuleSetLoader.Load(bytes, "deep.json");
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(thrown);
        return result!;
    }

    public static TheoryData<string, string> DeepExpressions => new()
    {
        // Issue 18 defect 1: the old pre-check took \" for the end of the string, so the parentheses after it were not counted.
        { "escaped quote then 1,900 '('", "\"\\\"\" == \"\" || " + new string('(', 1900) },
        { "escaped quote then 300 closed parentheses", "\"\\\"\" == \"\" || " + new string('(', 300) + "true" + new string(')', 300) },
        { "300 closed parentheses", new string('(', 300) + "true" + new string(')', 300) },
        { "'1[' 999 times", string.Concat(Enumerable.Repeat("1[", 999)) },
        { "brackets after an escaped quote", "\"\\\"\" == \"\" || age" + string.Concat(Enumerable.Repeat("[", 900)) },
        { "199 nested conditionals", string.Concat(Enumerable.Repeat("true?true:", 199)) + "true" },
        { "140 nested iif", string.Concat(Enumerable.Repeat("iif(true,true,", 140)) + "true" + new string(')', 140) },
        { "200 nested calls", string.Concat(Enumerable.Repeat("Math.Abs(", 200)) + "age.months" + new string(')', 200) + " > params.minAgeMonths" },
        { "operators and parentheses interleaved", string.Concat(Enumerable.Repeat("!(", 300)) + "true" + new string(')', 300) },
        { "16 parentheses each with 16 operators", string.Concat(Enumerable.Repeat(new string('!', 16) + "(", 16)) + "true" + new string(')', 16) },
        { "quote inside a string then braces", "\"\\\\\\\"\" == \"\" || " + new string('{', 900) },
        { "doubled quotes", "\"\"\"\" == \"\" || " + new string('(', 900) },
        { "an unterminated string", "\"\\\"" + new string('(', 900) },
        { "1,990 unary minus after a string", "\"\\\"\" == \"\" || " + new string('-', 1900) + "age.months > params.minAgeMonths" },
    };

    // Issue 18 defect 1: these killed a 256 KB thread (or, the first, the process on any stack) with a stack overflow.
    [Theory]
    [MemberData(nameof(DeepExpressions))]
    public void Deep_nesting_is_measured_before_parsing_and_refused_on_a_256_KB_stack(string what, string expression)
    {
        var result = LoadOnSmallStack(RuleFuzz.OneRule(expression));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("expression.", error.Code, StringComparison.Ordinal);
        Assert.Equal("age.minimum", error.Rule);
        Assert.NotNull(error.Line);
        Assert.NotNull(what);
    }

    // Issue 18 defect 1: the whole hostile corpus, and the deepest expressions the bounds admit, on a 256 KB stack.
    [Fact]
    public void The_hostile_corpus_and_the_deepest_admitted_expressions_load_on_a_256_KB_stack()
    {
        foreach (var expression in HostileExpressionTests.Expressions)
        {
            Assert.False(LoadOnSmallStack(RuleFuzz.OneRule(Sentinel.Expand(expression))).IsValid, expression);
        }

        // At the bounds: 16 parentheses, 16 operators in a row, and a long chain of binary operators of 2,000 characters.
        var atBounds = new[]
        {
            new string('(', RuleLanguage.MaxParenthesisDepth) + "age.months >= params.minAgeMonths" + new string(')', RuleLanguage.MaxParenthesisDepth),
            new string('!', RuleLanguage.MaxParenthesisDepth) + "age.exceptionApproved",
            string.Concat(Enumerable.Repeat("iif(age.exceptionApproved, ", 15)) + "true" + string.Concat(Enumerable.Repeat(", false)", 15)),
        };
        foreach (var expression in atBounds)
        {
            Assert.True(LoadOnSmallStack(RuleFuzz.OneRule(expression)).IsValid, expression);
        }

        var chain = "age.exceptionApproved" + string.Concat(Enumerable.Repeat(" || age.exceptionApproved", 79));
        Assert.True(chain.Length <= RuleLanguage.MaxExpressionLength);
        Assert.Equal("expression.tooComplex", Assert.Single(LoadOnSmallStack(RuleFuzz.OneRule(chain)).Errors).Code); // a tree deeper than 64
    }

    // Issue 18 defect 1, a host calling from deep in its own stack: with 60 KB left of 256 KB, the deepest expressions the
    // bounds admit (each needs about 100-128 KB parsed there) are parsed on a thread of their own, and load or are refused.
    [Fact]
    public void The_deepest_admitted_expressions_load_from_a_thread_with_little_stack_left()
    {
        var deepest = new[]
        {
            string.Concat(Enumerable.Repeat("!!!iif(age.exceptionApproved, ", 16)) + "true" + string.Concat(Enumerable.Repeat(", false)", 16)),
            string.Concat(Enumerable.Repeat("-Math.Abs(", 16)) + "age.months" + new string(')', 16) + " > params.minAgeMonths",
            string.Concat(Enumerable.Repeat("!!!(", 16)) + "age.exceptionApproved" + new string(')', 16),
        };
        foreach (var expression in deepest)
        {
            var result = RuleFuzz.OnSmallStack(() => WithStackUsed(180, () => RuleSetLoader.Load(RuleFuzz.OneRule(expression), "deep.json")));
            Assert.True(result.IsValid || result.Errors.Single().Code == "expression.tooComplex", expression);
        }
    }

    /// <summary>Runs <paramref name="run"/> after using about <paramref name="kilobytes"/> KB of the thread's stack.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static T WithStackUsed<T>(int kilobytes, Func<T> run)
    {
        Span<byte> used = stackalloc byte[1024];
        used[kilobytes % 1024] = 1;
        var result = kilobytes <= 1 ? run() : WithStackUsed(kilobytes - 1, run);
        return used[kilobytes % 1024] == 1 ? result : throw new InvalidOperationException();
    }

    // Issue 18 defect 2: each loaded, then threw on every evaluation (int.MinValue / -1, a nullable without a value,
    // byte(256) = 0 after the load's check saw 256).
    [Theory]
    [InlineData("int(-double(age.months) / double(vote.fullMembers)) / -params.introducersWithEndorsement == age.months")]
    [InlineData("int(age.months + null) >= params.minAgeMonths")]
    [InlineData("int(iif(vote.held, vote.inFavour, null)) >= params.minAgeMonths")]
    [InlineData("age.months / byte(params.ceremonyDeadlineWorkingDays) > params.minAgeMonths")]
    [InlineData("age.months % -params.voteNumerator == age.years")]
    [InlineData("age.months / (params.voteNumerator - params.voteDenominator) == age.years")]
    [InlineData("age.months / short(params.minAgeMonths) == age.years")]
    [InlineData("age.months / int(params.voteNumerator * params.minAgeMonths) == age.years")]
    [InlineData("age.months / Math.Min(params.voteNumerator, age.years) == age.years")]
    [InlineData("age.months / iif(vote.held, params.voteNumerator, params.voteDenominator) == age.years")]
    public void An_expression_that_could_throw_when_evaluated_is_refused_at_load(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["ceremonyDeadlineWorkingDays"]!["value"] = 256;
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        var error = SingleError(node);
        Assert.StartsWith("expression.", error.Code, StringComparison.Ordinal);
        Assert.Equal("age.minimum", error.Rule);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("byte(age.months) > params.minAgeMonths")]
    [InlineData("short(age.months) > params.minAgeMonths")]
    [InlineData("float(age.months) > params.minAgeMonths")]
    [InlineData("uint(age.months) > params.minAgeMonths")]
    [InlineData("age.months + null >= params.minAgeMonths")]
    [InlineData("np(age.months) >= params.minAgeMonths")]
    [InlineData("age.months != null")]
    [InlineData("\"a\" != null")]
    public void Narrowing_types_and_nullable_values_are_refused(string expression)
    {
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).Errors);
        Assert.Equal("expression.forbidden", error.Code);
    }

    [Theory]
    [InlineData("age.months / params.probationMonths >= params.voteNumerator")]
    [InlineData("long(age.months) % long(params.probationMonths) == long(age.years)")]
    [InlineData("int(double(age.months) / double(vote.fullMembers)) >= params.voteNumerator || age.exceptionApproved")]
    public void Division_by_a_parameter_above_0_loads_and_never_fails_on_any_fact(string expression)
    {
        var set = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).GetValueOrThrow();
        foreach (var months in new[] { int.MinValue, -1, 0, 1, int.MaxValue })
        {
            var outcome = set.Workflows[0].Evaluate(new GateFacts { Age = new AgeFacts { Months = months, Years = -1 } });
            Assert.False(outcome.IsError(0));
        }
    }

    // Issue 18 defect 2, defence in depth: a compiled rule that throws anyway is a rule error in the answer —
    // neither passed nor failed nor pending — and the other rules of the workflow are still judged.
    [Fact]
    public void A_rule_that_throws_when_evaluated_is_a_rule_error_not_an_exception()
    {
        var set = RuleSetLoader.Load(RuleFuzz.Small, "small.json").GetValueOrThrow();
        var sound = RuleExpressionCompiler.Check("age.months >= params.minAgeMonths").Expression!;
        var age = sound.Groups[0];

        // Built in code, past the loader's checks: age.months / age.years throws DivideByZeroException when age.years is 0.
        var throwing = sound with
        {
            Body = LinqExpression.Equal(LinqExpression.Divide(LinqExpression.Property(age, "Months"), LinqExpression.Property(age, "Years")), LinqExpression.Constant(1)),
        };
        var message = new LocalizedText("Tuổi", "Age");
        var workflow = new RuleWorkflow(
            Gate.CellAdmissionVote,
            [new RuleDefinition("age.broken", "age.months / age.years == 1", null, "test", message, null), new RuleDefinition("age.minimum", "age.months >= params.minAgeMonths", "!vote.held", "test", message, null)],
            RuleExpressionCompiler.CompileWorkflow([(throwing, null), (sound, sound)], set.Parameters));

        var outcome = workflow.Evaluate(new GateFacts { Age = new AgeFacts { Months = 300, Years = 0 } });
        Assert.True(outcome.IsError(0));
        Assert.False(outcome.IsPassed(0));
        Assert.False(outcome.IsPending(0));
        Assert.True(outcome.IsPassed(1));
        Assert.False(outcome.AllPassed);
        var check = outcome.ToChecks()[0];
        Assert.False(check.Passed);
        Assert.False(check.Pending);
        Assert.NotNull(check.Error);
        Assert.Contains("age.broken", check.Error!.Value.En, StringComparison.Ordinal);
        Assert.Contains("age.broken", check.Error.Value.Vi, StringComparison.Ordinal);
        Assert.Null(outcome.ToChecks()[1].Error);

        var fine = workflow.Evaluate(new GateFacts { Age = new AgeFacts { Months = 300, Years = 300 } });
        Assert.False(fine.IsError(0));
        Assert.True(fine.IsPassed(0));
    }

    // Issue 18 defect 3: the loader threw InvalidOperationException (the compiler met 'params' as a value).
    [Theory]
    [InlineData("params == null")]
    [InlineData("np(params.minAgeMonths) <= age.months")]
    [InlineData("iif(vote.held, params, params) == null")]
    [InlineData("age == age")]
    [InlineData("iif(vote.held, age, age).months >= params.minAgeMonths")]
    public void The_loader_reports_instead_of_throwing(string expression)
    {
        foreach (var field in new[] { "Expression", "pendingWhen" })
        {
            var node = RuleFiles.Node("2016-qd29");
            RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")[field] = expression;
            var error = SingleError(node);
            Assert.StartsWith("expression.", error.Code, StringComparison.Ordinal);
            Assert.Equal("age.minimum", error.Rule);
            Assert.Equal("cellAdmissionVote", error.Workflow);
            Assert.EndsWith("." + field, error.Path, StringComparison.Ordinal);
            Assert.NotNull(error.Line);
            Assert.NotNull(error.Column);
        }
    }

    // Issue 18 defect 11: "primary, lowerSecondary" loaded as upper secondary (1 | 2); numbers were half refused.
    [Theory]
    [InlineData("primary, lowerSecondary")]
    [InlineData("primary,lowerSecondary")]
    [InlineData("3")]
    [InlineData(" 3")]
    [InlineData("-1")]
    [InlineData("0x3")]
    [InlineData(" upperSecondary")]
    [InlineData("upperSecondary ")]
    [InlineData("upper secondary")]
    [InlineData("")]
    public void An_education_level_is_one_name(string value)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["minEducationLevel"]!["value"] = value;
        var error = SingleError(node);
        Assert.Equal("parameter.wrongType", error.Code);
        Assert.Equal("$.parameters.minEducationLevel.value", error.Path);
        Assert.Contains("minEducationLevel", error.Message, StringComparison.Ordinal);
        Assert.Contains("lowerSecondary", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("lowerSecondary", 2)]
    [InlineData("LowerSecondary", 2)]
    [InlineData("postgraduate", 7)]
    [InlineData("none", 0)]
    public void An_education_level_name_loads(string value, int rank)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["parameters"]!["minEducationLevel"]!["value"] = value;
        Assert.Equal(rank, RuleFiles.Load(node).GetValueOrThrow().Parameters.MinEducationLevel);
    }

    // Issue 18 defect 13: these were shown raw in the messages.
    [Theory]
    [InlineData("{Params.minAgeMonths:years}")]
    [InlineData("{ params.minAgeMonths }")]
    [InlineData("{params.minAgeMonths:unknownFormat}")]
    [InlineData("{params.minAgeMonths:Years}")]
    [InlineData("{params.minAgeMonths")]
    [InlineData("params.minAgeMonths}")]
    [InlineData("{minAgeMonths}")]
    [InlineData("{}")]
    [InlineData("{params.}")]
    [InlineData("{params.minEducationLevel:years}")]
    [InlineData("{params.nope}")]
    public void A_placeholder_not_in_the_documented_forms_is_an_error(string placeholder)
    {
        foreach (var language in new[] { "vi", "en" })
        {
            var node = RuleFiles.Node("2016-qd29");
            var messages = RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["messages"]!;
            messages[language] = "Đủ " + placeholder + " tuổi";
            var error = SingleError(node);
            Assert.Equal("rule.message", error.Code);
            Assert.Equal("age.minimum", error.Rule);
            Assert.Contains(placeholder.Trim(), error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Line);
        }
    }

    // Issue 18 defect 14: the 'new' pre-check was case-sensitive, the parser is not.
    [Theory]
    [InlineData("NEW (age.months as x).x > 0", "NEW")]
    [InlineData("New (age.months as x).x > 0", "New")]
    [InlineData("nEw(age.months as x).x > 0", "nEw")]
    [InlineData("NP(age.months) > params.minAgeMonths", "NP")]
    [InlineData("age.months IN (params.minAgeMonths, params.maxAgeMonths)", "IN")]
    [InlineData("age.months MOD params.probationMonths == age.years", "MOD")]
    [InlineData("age.months EQ params.minAgeMonths", "EQ")]
    [InlineData("age.months Is Int32", "Is")]
    [InlineData("IT != null", "IT")]
    [InlineData("NULL == age.months", "NULL")]
    public void Keywords_are_refused_in_any_case_by_the_pre_check(string expression, string keyword)
    {
        var (_, error) = RuleExpressionCompiler.Check(expression);
        Assert.NotNull(error);
        Assert.Equal("expression.forbidden", error!.Code);
        Assert.Contains($"'{keyword}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(expression.IndexOf(keyword, StringComparison.Ordinal), error.Position);
    }

    [Theory]
    [InlineData("AGE.MONTHS >= PARAMS.MINAGEMONTHS")]
    [InlineData("NOT vote.held OR age.months >= params.minAgeMonths AND TRUE")]
    [InlineData("IIF(vote.held, Math.Max(age.months, age.years), int(age.years)) >= PARAMS.minAgeMonths")]
    public void The_language_s_own_words_load_in_any_case(string expression) =>
        Assert.True(RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).IsValid);

    // Issue 18 defect 15: operators the docs do not list were accepted, some meaning something else than they seem.
    [Theory]
    [InlineData("age.months = params.minAgeMonths", "=")]
    [InlineData("age.months <> params.minAgeMonths", "<>")]
    [InlineData("age.months in (params.minAgeMonths, params.maxAgeMonths)", "in")]
    [InlineData("vote.held & age.exceptionApproved", "&")]
    [InlineData("vote.held | age.exceptionApproved", "|")]
    [InlineData("vote.held ^ age.exceptionApproved", "^")]
    [InlineData("vote.held ?? age.exceptionApproved", "??")]
    [InlineData("(age.months << params.voteNumerator) > params.minAgeMonths", "<<")]
    [InlineData("(age.months >> params.voteNumerator) > params.minAgeMonths", ">>")]
    [InlineData("~age.months > params.minAgeMonths", "~")]
    [InlineData("age?.months > params.minAgeMonths", "?.")]
    [InlineData("age.months => params.minAgeMonths", "=>")]
    [InlineData("age.months gt params.minAgeMonths", "gt")]
    [InlineData("vote.held AndAlso age.exceptionApproved", "AndAlso")]
    [InlineData("age.months > params.minAgeMonths {", "{")]
    public void An_operator_the_docs_do_not_list_is_refused(string expression, string op)
    {
        var error = Assert.Single(RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression).Errors);
        Assert.Equal("expression.forbidden", error.Code);
        Assert.Contains($"'{op}'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void A_rule_set_without_workflows_or_a_workflow_without_rules_is_refused()
    {
        var node = RuleFiles.Node("2016-qd29");
        node["workflows"] = new JsonArray();
        var error = SingleError(node);
        Assert.Equal("ruleSet.empty", error.Code);
        Assert.Equal("$.workflows", error.Path);
        Assert.NotNull(error.Line);

        node = RuleFiles.Node("2016-qd29");
        WorkflowsOf(node)[1]!["Rules"] = new JsonArray();
        error = SingleError(node);
        Assert.Equal("workflow.empty", error.Code);
        Assert.Equal("$.workflows[1].Rules", error.Path);
        Assert.NotNull(error.Workflow);
        Assert.NotNull(error.Line);
    }

    // A disabled rule was silently dropped: the rule set then judged without it.
    [Fact]
    public void Enabled_false_is_refused_and_Enabled_true_is_accepted()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Enabled"] = false;
        var error = SingleError(node);
        Assert.Equal("rule.unsupported", error.Code);
        Assert.Equal("age.minimum", error.Rule);
        Assert.EndsWith(".Enabled", error.Path, StringComparison.Ordinal);
        Assert.NotNull(error.Line);

        node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Enabled"] = true;
        Assert.True(RuleFiles.Load(node).IsValid);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("1930-02-02")]
    [InlineData("1900-01-01")]
    [InlineData("0001-01-01")]
    public void EffectiveFrom_outside_1930_02_03_to_2100_12_31_is_refused(string date)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["effectiveFrom"] = date;
        var error = SingleError(node);
        Assert.Equal("ruleSet.outOfRange", error.Code);
        Assert.Equal("$.effectiveFrom", error.Path);
        Assert.Contains(date, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("1930-02-03")]
    [InlineData("2100-12-31")]
    public void EffectiveFrom_at_the_edges_of_the_range_loads(string date)
    {
        var node = RuleFiles.Node("2016-qd29");
        node["effectiveFrom"] = date;
        Assert.True(RuleFiles.Load(node).IsValid);
    }
}
