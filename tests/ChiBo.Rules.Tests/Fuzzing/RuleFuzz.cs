using System;
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

    /// <summary>Facts with every number within what a valid case can give (|n| ≤ 100,000) or at its edges.</summary>
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
                    int[] edges = [0, 1, -1, 2, 12, 30, 216, 720, 2400, -2400, 75_000, 100_000];
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

    /// <summary>The outcome for FsCheck's table: "loaded, evaluated" or the first error's code.</summary>
    public static string Outcome(RuleLoadResult<RuleSet> result) => result.IsValid ? "loaded, evaluated" : result.Errors[0].Code;

    /// <summary>Runs every workflow of a loaded set on random facts: never throws.</summary>
    public static void EvaluateChecked(RuleSet set, Random random, string description)
    {
        for (var i = 0; i < 8; i++)
        {
            var facts = Facts(random);
            foreach (var workflow in set.Workflows)
            {
                try
                {
                    workflow.Evaluate(in facts);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException(
                        $"a loaded rule of {workflow.Gate} threw {ex.GetType().Name} on {facts} for [{description}]: {ex.Message}", ex);
                }
            }
        }
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
