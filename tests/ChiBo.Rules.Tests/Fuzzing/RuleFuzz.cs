using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using Xunit;

namespace ChiBo.Rules.Tests.Fuzzing;

/// <summary>
/// What the rule-file fuzzers start from and check: the shipped files, a small file (three rules, quick to load), a
/// one-rule file to carry a generated expression, random expressions, and random facts within the bounds a valid
/// case file can give.
/// </summary>
internal static class RuleFuzz
{
    /// <summary>The file name cited by every load.</summary>
    public const string FileName = "fuzz.json";

    private static readonly Lazy<byte[][]> LazyShipped = new(() => [.. RuleFiles.Shipped.Select(System.IO.File.ReadAllBytes)]);
    private static readonly Lazy<byte[]> LazySmall = new(BuildSmall);
    private static readonly Lazy<(string Before, string After)> LazyOneRule = new(BuildOneRule);
    private static readonly Lazy<string[]> LazyShippedExpressions = new(() =>
        [.. RuleFiles.Shipped.Select(f => RuleSetLoader.LoadFile(f).GetValueOrThrow())
            .SelectMany(s => s.Workflows).SelectMany(w => w.Rules)
            .SelectMany(r => r.PendingWhen is null ? [r.Expression] : new[] { r.Expression, r.PendingWhen })
            .Distinct(StringComparer.Ordinal)]);

    private static readonly string[] Names = [.. RuleLanguage.Names()];

    private static readonly string[] BoolNames =
        [.. RuleLanguage.Groups.SelectMany(g => g.Property.PropertyType.GetProperties().Where(p => p.PropertyType == typeof(bool)).Select(p => $"{g.Name}.{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}"))];

    private static readonly string[] NumberNames =
        [.. Names.Except(BoolNames)];

    private static readonly string[] Literals =
    [
        "0", "1", "-1", "2", "12", "216", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "1.5", "0.0",
        "1e308", "1e400", "true", "false", "null", "\"\"", "\"chuỗi\"", "1L", "1.5m", "1f", "0x10", "'c'", "\"a\\\"b\"",
    ];

    private static readonly string[] Binary =
    [
        "+", "-", "*", "/", "%", "&&", "||", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=", "??", " and ", " or ", "=", "<>", "<<", ">>",
    ];

    private static readonly string[] Calls =
    [
        "Math.Min({0}, {1})", "Math.Max({0}, {1})", "Math.Abs({0})", "Math.Pow({0}, {1})", "iif({0}, {1}, {1})", "np({0})",
        "({0}).ToString()", "({0}).GetType()", "({0}).Equals({1})", "Convert.ToInt32({0})", "int({0})", "long({0})", "double({0})",
        "string.Concat({0}, {1})", "Enumerable.Range(0, {0}).Count()", "({0}) in ({1}, {1})",
    ];

    /// <summary>The shipped rule files' bytes, by file name order.</summary>
    public static byte[][] Shipped => LazyShipped.Value;

    /// <summary>The 2016 rule set cut to three rules in two workflows: every part of the format, quick to load.</summary>
    public static byte[] Small => LazySmall.Value;

    /// <summary>Every expression and pendingWhen of the shipped rule sets.</summary>
    public static string[] ShippedExpressions => LazyShippedExpressions.Value;

    /// <summary>The 2016 rule set with one rule (<c>age.minimum</c>, at <c>$.workflows[0].Rules[0]</c>) holding the expression.</summary>
    public static byte[] OneRule(string expression)
    {
        var (before, after) = LazyOneRule.Value;
        return Encoding.UTF8.GetBytes(before + JsonSerializer.Serialize(expression) + after);
    }

    /// <summary>A random expression: mostly the language's names, literals and operators, some calls and hostile pieces.</summary>
    public static string Expression(Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                return Mutate(ShippedExpressions[random.Next(ShippedExpressions.Length)], random);
            case 1:
            {
                // Long or deep: the same piece repeated, joined by an operator, or wrapped.
                var piece = Atom(random);
                var count = random.Next(2) == 0 ? random.Next(10, 80) : random.Next(200, 3000);
                return random.Next(3) switch
                {
                    0 => string.Join(" " + Binary[random.Next(Binary.Length)] + " ", Enumerable.Repeat(piece, count)),
                    1 => new string('!', count) + piece,
                    _ => new string('(', Math.Min(count, 40)) + piece + new string(')', Math.Min(count, 40)),
                };
            }

            case 2:
                return Sentinel.Expand(HostileExpressionTests.Expressions[random.Next(HostileExpressionTests.Expressions.Length)])
                    + (random.Next(2) == 0 ? " && " + Node(random, 2) : string.Empty);
            case < 6:
                return Typed(random, random.Next(1, 6), wantBool: true);
            default:
                return Node(random, random.Next(1, 6));
        }
    }

    /// <summary>An expression that type-checks most of the time: true/false where the language needs it, numbers elsewhere.</summary>
    private static string Typed(Random random, int depth, bool wantBool)
    {
        if (random.Next(20) == 0)
        {
            return Atom(random);
        }

        if (depth <= 0 || random.Next(4) == 0)
        {
            return wantBool
                ? random.Next(5) == 0 ? (random.Next(2) == 0 ? "true" : "false") : BoolNames[random.Next(BoolNames.Length)]
                : random.Next(10) == 0 ? Literals[random.Next(12)] : NumberNames[random.Next(NumberNames.Length)];
        }

        string[] numberOps = ["+", "-", "*", "/", "%"];
        string[] comparisons = ["==", "!=", "<", "<=", ">", ">="];
        string[] logic = ["&&", "||", "and", "or", "==", "!="];
        return (wantBool, random.Next(5)) switch
        {
            (true, 0) => "!" + Typed(random, depth - 1, true),
            (true, 1) => $"({Typed(random, depth - 1, true)} {logic[random.Next(logic.Length)]} {Typed(random, depth - 1, true)})",
            (true, 2) => $"iif({Typed(random, depth - 1, true)}, {Typed(random, depth - 1, true)}, {Typed(random, depth - 1, true)})",
            (true, _) => $"{Typed(random, depth - 1, false)} {comparisons[random.Next(comparisons.Length)]} {Typed(random, depth - 1, false)}",
            (false, 0) => $"Math.{(random.Next(3) switch { 0 => "Min", 1 => "Max", _ => "Abs" })}({Typed(random, depth - 1, false)}{(random.Next(3) == 0 ? string.Empty : ", " + Typed(random, depth - 1, false))})",
            (false, 1) => $"({Typed(random, depth - 1, true)} ? {Typed(random, depth - 1, false)} : {Typed(random, depth - 1, false)})",
            (false, 2) => random.Next(2) == 0 ? "-" + Typed(random, depth - 1, false) : $"int(double({Typed(random, depth - 1, false)}) * double({Typed(random, depth - 1, false)}))",
            (false, _) => $"({Typed(random, depth - 1, false)} {numberOps[random.Next(numberOps.Length)]} {Typed(random, depth - 1, false)})",
        };
    }

    /// <summary>A text changed in one to three characters (inserted, removed or replaced).</summary>
    public static string Mutate(string text, Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz.()[]{}!&|=<>+-*/%?:,'\"@$#0123456789 \\ắ";
        var result = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(result.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    result.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 1 when at < result.Length:
                    result.Remove(at, 1);
                    break;
                default:
                    if (at < result.Length)
                    {
                        result[at] = alphabet[random.Next(alphabet.Length)];
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Facts with every number within what a valid case can give (|n| ≤ 100,000) or at its edges — and, 1 in 12, at the
    /// edges of an int (int.MinValue, int.MaxValue): what a loaded expression computes cannot fail on any int.
    /// </summary>
    public static GateFacts Facts(Random random)
    {
        object facts = default(GateFacts);
        foreach (var group in typeof(GateFacts).GetProperties())
        {
            var value = Activator.CreateInstance(group.PropertyType)!;
            foreach (var property in group.PropertyType.GetProperties().Where(p => p.CanWrite))
            {
                if (property.PropertyType == typeof(bool))
                {
                    property.SetValue(value, random.Next(2) == 0);
                }
                else if (property.PropertyType == typeof(int))
                {
                    int[] edges = [0, 1, -1, 2, 12, 30, 216, 720, 2400, -2400, 75_000, 100_000, int.MinValue, int.MaxValue];
                    property.SetValue(value, random.Next(3) == 0 ? random.Next(-2412, 100_001) : edges[random.Next(edges.Length)]);
                }
            }

            group.SetValue(facts, value);
        }

        return (GateFacts)facts;
    }

    /// <summary>Loads, never throwing; each error names the file and a place (a path or a rule), and has a line unless it is about the whole file.</summary>
    public static RuleLoadResult<RuleSet> LoadChecked(byte[] bytes, string description)
    {
        RuleLoadResult<RuleSet> result;
        try
        {
            result = RuleSetLoader.Load(bytes, FileName);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Load threw {ex.GetType().Name} for [{description}]: {ex.Message}", ex);
        }

        Assert.True(result.IsValid != result.Errors.Count > 0, $"value and errors disagree for [{description}]");
        foreach (var error in result.Errors)
        {
            Assert.Equal(FileName, error.File);
            Assert.False(string.IsNullOrWhiteSpace(error.Code), $"no code for [{description}]");
            Assert.True(error.Path is not null || error.Rule is not null, $"'{error}' names no place, for [{description}]");
            Assert.True(error.Line is not null || error.Path == "$", $"'{error}' names no line, for [{description}]");
        }

        if (result.Value is { } set)
        {
            EvaluateChecked(set, new Random(bytes.Length), description);
        }

        Sentinel.AssertUntouched();
        return result;
    }

    /// <summary>Runs on a thread with a 256 KB stack, as a host's thread may have, and returns or rethrows what it did.</summary>
    public static T OnSmallStack<T>(Func<T> run)
    {
        T? value = default;
        Exception? thrown = null;
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    value = run();
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        if (thrown is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(thrown).Throw();
        }

        return value!;
    }

    /// <summary>The outcome for FsCheck's table: "loaded, evaluated" or the first error's code.</summary>
    public static string Outcome(RuleLoadResult<RuleSet> result) => result.IsValid ? "loaded, evaluated" : result.Errors[0].Code;

    /// <summary>Runs every workflow of a loaded set on random facts: never throws, and no rule is a rule error (total by construction).</summary>
    public static void EvaluateChecked(RuleSet set, Random random, string description)
    {
        for (var i = 0; i < 8; i++)
        {
            var facts = Facts(random);
            foreach (var workflow in set.Workflows)
            {
                GateOutcome outcome;
                try
                {
                    outcome = workflow.Evaluate(in facts);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException(
                        $"a loaded rule of {workflow.Gate} threw {ex.GetType().Name} on {facts} for [{description}]: {ex.Message}", ex);
                }

                Assert.True(outcome.Errors == 0, $"a loaded rule of {workflow.Gate} failed when run (a rule error) on {facts} for [{description}]");
            }
        }
    }

    /// <summary>The classes of hostile expressions of issue 18, each generated by <see cref="HostileClass"/>.</summary>
    public static readonly string[] HostileClasses = ["deep nesting with strings", "narrowing conversion", "null", "division", "keyword case", "undocumented operator"];

    /// <summary>
    /// An expression of one class of issue 18, and what the loader must do with it: refuse it (true), load it (false),
    /// or either (null) — a loaded one must then evaluate without a rule error on any facts.
    /// </summary>
    public static (string Expression, bool? Refused) HostileClass(string kind, Random random) => kind switch
    {
        "deep nesting with strings" => (DeepNesting(random), null),
        "narrowing conversion" => Narrowing(random),
        "null" => (string.Format(CultureInfo.InvariantCulture, Pick(NullTemplates, random), Pick(NumberFacts, random), Pick(BoolNames, random)), true),
        "division" => Division(random),
        "keyword case" => KeywordCase(random),
        _ => Undocumented(random),
    };

    private static readonly string[] NumberFacts =
        ["age.months", "age.years", "vote.fullMembers", "vote.inFavour", "introducers.count", "probation.workingDaysAfterEnd", "education.level"];

    private static readonly string[] NumberParameters =
        ["params.minAgeMonths", "params.voteNumerator", "params.voteDenominator", "params.probationMonths", "params.ceremonyDeadlineWorkingDays"];

    private static readonly string[] StringLiterals =
        ["\"\\\"\"", "\"\\\\\"", "\"(\"", "\"\\\\\\\"(\"", "\"\"", "\"a\\\"b((\"", "\"\\\"\\\"\"", "\"[\"", "\"\\n)\"", "\"\"\"\""];

    private static readonly (string Open, string Close)[] Openers =
    [
        ("(", ")"), ("[", "]"), ("!", ""), ("-", ""), ("+", ""), ("not ", ""), ("iif(true, ", ", false)"), ("Math.Abs(", ")"),
        ("true ? ", " : false"), ("int(", ")"), ("{", "}"), ("!(", ")"), ("-(", ")"), ("1[", "]"), ("Math.Min(age.months, ", ")"),
    ];

    private static readonly string[] NullTemplates =
    [
        "{0} + null >= params.minAgeMonths", "int({0} + null) >= params.minAgeMonths", "int(iif(vote.held, {0}, null)) >= params.minAgeMonths",
        "np({0}) >= params.minAgeMonths", "{0} == null", "null == {1}", "{1} ?? true", "params == null", "age != null",
        "iif(vote.held, params, params) == null", "np(params.minAgeMonths) <= {0}", "null", "!null", "{0} > null", "{1} == NULL",
        "iif({1}, null, {0}) > params.voteNumerator", "Math.Max({0}, null) > params.voteNumerator", "\"\" == null",
    ];

    private static readonly (string Divisor, bool Safe)[] Divisors =
    [
        ("params.probationMonths", true), ("params.voteDenominator", true), ("long(params.minAgeMonths)", true), ("(params.voteNumerator)", true),
        ("age.years", false), ("vote.fullMembers", false), ("-params.voteNumerator", false), ("(params.voteNumerator - params.voteDenominator)", false),
        ("byte(params.ceremonyDeadlineWorkingDays)", false), ("short(params.minAgeMonths)", false), ("int(long(params.minAgeMonths))", false),
        ("Math.Max(params.voteNumerator, params.voteDenominator)", false), ("iif(vote.held, params.voteNumerator, params.voteDenominator)", false),
        ("+params.voteNumerator", false), ("params.voteNumerator * params.voteDenominator", false), ("int(double(params.minAgeMonths))", false),
    ];

    private static readonly string[] Dividends =
        ["age.months", "int(-double(age.months) / double(vote.fullMembers))", "-age.months", "Math.Abs(vote.inFavour)", "age.months * vote.fullMembers"];

    private static readonly (string Word, bool AnyCase, bool Refused, string Template)[] Keywords =
    [
        ("new", true, true, "{0} (age.months as x).x > params.minAgeMonths"), ("np", true, true, "{0}(age.months) > params.minAgeMonths"),
        ("null", true, true, "{0} == age.months"), ("in", true, true, "age.months {0} (params.minAgeMonths, params.maxAgeMonths)"),
        ("is", true, true, "age.months {0} int"), ("as", true, true, "(age.months {0} int) > params.minAgeMonths"), ("it", true, true, "{0}.age.months > params.minAgeMonths"),
        ("mod", true, true, "age.months {0} params.probationMonths == age.years"), ("eq", true, true, "age.months {0} params.minAgeMonths"),
        ("cast", true, true, "{0}(age.months, int) > params.minAgeMonths"), ("isnull", true, true, "{0}(age.months, age.years) > params.minAgeMonths"),
        ("iif", true, false, "{0}(vote.held, age.months, age.years) >= params.minAgeMonths"), ("not", true, false, "{0} vote.held"),
        ("and", true, false, "vote.held {0} age.exceptionApproved"), ("or", true, false, "vote.held {0} age.exceptionApproved"),
        ("true", true, false, "vote.held || {0}"), ("age", true, false, "{0}.months >= params.minAgeMonths"), ("params", true, false, "age.months >= {0}.minAgeMonths"),
        ("Math", false, false, "{0}.Max(age.months, age.years) >= params.minAgeMonths"), ("int", false, false, "{0}(age.months) >= params.minAgeMonths"),
    ];

    private static readonly string[] UndocumentedOperators =
        ["=", "<>", "&", "|", "^", "??", "<<", ">>", "=>", "?.", "in", "mod", "eq", "ne", "lt", "gt", "le", "ge", "AndAlso", "OrElse", "neq", "equal", "LessThan"];

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    /// <summary>The kinds of strict values of a rule file (issue 18), each generated by <see cref="StrictFile"/>.</summary>
    public static readonly string[] StrictKinds = ["education level", "placeholder", "empty", "Enabled", "effectiveFrom", "expression"];

    private static readonly (string Value, bool Refused)[] EducationValues =
    [
        ("primary, lowerSecondary", true), ("primary,lowerSecondary", true), ("3", true), (" 3", true), ("+3", true), ("0x3", true),
        ("upperSecondary ", true), (" upperSecondary", true), ("upper secondary", true), ("primary|college", true), ("", true),
        ("postgraduate, none", true), ("7", true), ("-1", true), ("lowerSecondary", false), ("LOWERSECONDARY", false),
        ("upperSecondary", false), ("none", false), ("Postgraduate", false), ("university", false),
    ];

    private static readonly (string Text, bool Refused)[] Placeholders =
    [
        ("{params.minAgeMonths:years}", false), ("{params.voteNumerator}", false), ("{params.minEducationLevel}", false), ("", false),
        ("{Params.minAgeMonths:years}", true), ("{ params.minAgeMonths }", true), ("{params.minAgeMonths:unknownFormat}", true),
        ("{params.minAgeMonths:Years}", true), ("{params.minAgeMonths", true), ("params.minAgeMonths}", true), ("{minAgeMonths}", true),
        ("{}", true), ("{params.}", true), ("{params.minEducationLevel:years}", true), ("{params.nope}", true), ("{{params.voteNumerator}}", true),
        ("{params.MinAgeMonths}", true), ("{PARAMS.voteNumerator}", true), ("{params.voteNumerator }", true), ("}{", true),
    ];

    /// <summary>
    /// The small rule file with one strict value of the given kind set at random, and whether the loader must refuse
    /// it: enumeration values that are not one name, near-miss placeholders, empty workflows or rules, <c>Enabled</c>,
    /// <c>effectiveFrom</c> in and out of 1930-02-03 … 2100-12-31, nullable and undocumented expressions.
    /// </summary>
    public static (byte[] Bytes, string Description, bool Refused) StrictFile(string kind, Random random)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Small)!.AsObject();
        var workflows = node["workflows"]!.AsArray();
        var rule = workflows[0]!["Rules"]![0]!.AsObject();
        string description;
        bool refused;
        switch (kind)
        {
            case "education level":
            {
                var (value, bad) = Pick(EducationValues, random);
                node["parameters"]!["minEducationLevel"]!["value"] = value;
                (description, refused) = ($"minEducationLevel := \"{value}\"", bad);
                break;
            }

            case "placeholder":
            {
                var (text, bad) = Pick(Placeholders, random);
                var language = random.Next(2) == 0 ? "vi" : "en";
                var written = (string)rule["messages"]![language]!;
                rule["messages"]![language] = random.Next(2) == 0 ? text + " " + written : written + " " + text;
                (description, refused) = ($"messages.{language} gets \"{text}\"", bad);
                break;
            }

            case "empty":
                if (random.Next(2) == 0)
                {
                    node["workflows"] = new System.Text.Json.Nodes.JsonArray();
                    (description, refused) = ("no workflows", true);
                }
                else
                {
                    var w = random.Next(workflows.Count);
                    workflows[w]!["Rules"] = new System.Text.Json.Nodes.JsonArray();
                    (description, refused) = ($"workflow {w} has no rules", true);
                }

                break;

            case "Enabled":
            {
                var enabled = random.Next(2) == 0;
                rule["Enabled"] = enabled;
                (description, refused) = ($"Enabled: {(enabled ? "true" : "false")}", !enabled);
                break;
            }

            case "effectiveFrom":
            {
                NodaTime.LocalDate[] edges = [new(1930, 2, 2), new(1930, 2, 3), new(2100, 12, 31), new(1900, 1, 1), new(1, 1, 1), new(9999, 12, 31), new(2016, 7, 25)];
                var date = random.Next(3) == 0
                    ? edges[random.Next(edges.Length)]
                    : new NodaTime.LocalDate(1, 1, 1).PlusDays(random.Next(0, 3_652_058));
                node["effectiveFrom"] = date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
                (description, refused) = ($"effectiveFrom := {date:uuuu-MM-dd}", date < new NodaTime.LocalDate(1930, 2, 3) || date > new NodaTime.LocalDate(2100, 12, 31));
                break;
            }

            default:
            {
                var (expression, mustRefuse) = random.Next(2) == 0
                    ? HostileClass("null", random)
                    : HostileClass("undocumented operator", random);
                rule[random.Next(2) == 0 ? "Expression" : "pendingWhen"] = expression;
                (description, refused) = ($"expression := {expression}", mustRefuse ?? true);
                break;
            }
        }

        return (Encoding.UTF8.GetBytes(node.ToJsonString()), description, refused);
    }

    private static string DeepNesting(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(3) > 0)
        {
            text.Append(Pick(StringLiterals, random)).Append(" == ").Append(Pick(StringLiterals, random)).Append(" || ");
        }

        var count = random.Next(2) == 0 ? random.Next(1, 40) : random.Next(40, 1000);
        var mixed = random.Next(2) == 0;
        var one = Pick(Openers, random);
        var closers = new Stack<string>();
        for (var i = 0; i < count; i++)
        {
            var (open, close) = mixed ? Pick(Openers, random) : one;
            text.Append(open);
            closers.Push(close);
            if (random.Next(8) == 0)
            {
                text.Append(Pick(StringLiterals, random)).Append(" == ");
            }
        }

        text.Append(random.Next(2) == 0 ? "age.months > params.minAgeMonths" : Pick(BoolNames, random));
        if (random.Next(3) > 0)
        {
            while (closers.Count > 0)
            {
                text.Append(closers.Pop());
            }
        }

        return text.ToString();
    }

    private static (string, bool?) Narrowing(Random random)
    {
        string[] narrow = ["byte", "sbyte", "short", "ushort", "uint", "ulong", "float", "decimal", "char", "Int32", "Byte", "Single", "Int16"];
        string[] language = ["int", "long", "double"];
        var isNarrow = random.Next(2) == 0;
        var conversion = isNarrow ? Pick(narrow, random) : Pick(language, random);
        string[] operands = [.. NumberFacts, .. NumberParameters, "double(age.months) * double(vote.fullMembers)", "long(age.months) * long(vote.inFavour)", "-double(age.months) / double(vote.fullMembers)"];
        var operand = Pick(operands, random);
        return random.Next(3) switch
        {
            0 => ($"age.months / {conversion}({Pick(NumberParameters, random)}) >= params.voteNumerator", isNarrow ? true : null),
            _ => ($"{conversion}({operand}) >= {Pick(NumberParameters, random)}", isNarrow ? true : null),
        };
    }

    private static (string, bool?) Division(Random random)
    {
        var (divisor, safe) = Pick(Divisors, random);
        var op = random.Next(2) == 0 ? "/" : "%";
        var dividend = Pick(Dividends, random);

        return ($"{dividend} {op} ({divisor}) {(random.Next(2) == 0 ? ">=" : "!=")} {Pick(NumberFacts, random)}", !safe);
    }

    private static (string, bool?) KeywordCase(Random random)
    {
        var (word, anyCase, refused, template) = Pick(Keywords, random);
        var variant = new string([.. word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
        var expression = string.Format(CultureInfo.InvariantCulture, template, variant);

        // Refused words are refused in every case; the language's words load in every case the parser reads them in
        // (type names, Math and int, only as written).
        return (expression, refused || (!anyCase && variant != word));
    }

    private static (string, bool?) Undocumented(Random random)
    {
        var op = Pick(UndocumentedOperators, random);
        return random.Next(3) switch
        {
            0 => ($"{Pick(BoolNames, random)} {op} {Pick(BoolNames, random)}", true),
            1 => ($"{Pick(NumberFacts, random)} {op} {Pick(NumberParameters, random)}", true),
            _ => ($"({Pick(NumberFacts, random)} {op} {Pick(NumberParameters, random)}) || {Pick(BoolNames, random)}", true),
        };
    }

    private static string Node(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
        {
            return Atom(random);
        }

        return random.Next(7) switch
        {
            0 => (random.Next(3) switch { 0 => "!", 1 => "-", _ => "not " }) + Node(random, depth - 1),
            1 => $"{Node(random, depth - 1)} ? {Node(random, depth - 1)} : {Node(random, depth - 1)}",
            2 => string.Format(CultureInfo.InvariantCulture, Calls[random.Next(Calls.Length)], Node(random, depth - 1), Node(random, depth - 1)),
            3 => "(" + Node(random, depth - 1) + ")",
            _ => $"{Node(random, depth - 1)} {Binary[random.Next(Binary.Length)]} {Node(random, depth - 1)}",
        };
    }

    private static string Atom(Random random) => random.Next(10) switch
    {
        < 5 => Names[random.Next(Names.Length)],
        5 => Mutate(Names[random.Next(Names.Length)], random),
        < 9 => Literals[random.Next(Literals.Length)],
        _ => Sentinel.Expand(HostileExpressionTests.Expressions[random.Next(HostileExpressionTests.Expressions.Length)]),
    };

    private static byte[] BuildSmall()
    {
        var node = RuleFiles.Node("2016-qd29");
        var workflows = node["workflows"]!.AsArray();
        var admission = workflows.Select(w => w!.AsObject()).Single(w => (string?)w["WorkflowName"] == "cellAdmissionVote");
        var ceremony = workflows.Select(w => w!.AsObject()).Single(w => (string?)w["WorkflowName"] == "ceremony");
        var admissionRules = admission["Rules"]!.AsArray();
        var keep = admissionRules.Select(r => r!.AsObject())
            .Where(r => (string?)r["RuleName"] is "age.minimum" or "vote.cellTwoThirds").Select(r => r.DeepClone()).ToArray();
        admission["Rules"] = new JsonArray(keep);
        node["workflows"] = new JsonArray(admission.DeepClone(), ceremony.DeepClone());
        return Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static (string Before, string After) BuildOneRule()
    {
        const string marker = "@@expression@@";
        var node = RuleFiles.Node("2016-qd29");
        var admission = node["workflows"]!.AsArray().Select(w => w!.AsObject()).Single(w => (string?)w["WorkflowName"] == "cellAdmissionVote");
        var rule = RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum").DeepClone().AsObject();
        rule["Expression"] = marker;
        admission["Rules"] = new JsonArray(rule);
        node["workflows"] = new JsonArray(admission.DeepClone());
        var text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var at = text.IndexOf("\"" + marker + "\"", StringComparison.Ordinal);
        return (text[..at], text[(at + marker.Length + 2)..]);
    }
}
