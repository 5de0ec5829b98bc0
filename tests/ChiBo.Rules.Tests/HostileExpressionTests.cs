using System.Linq;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Rule files may come from outside: every expression that tries to leave the case's facts is refused when the
/// rule set loads (rulesengine-pitfalls.md: reflection through properties runs in plain RulesEngine).
/// </summary>
public class HostileExpressionTests
{
    public static TheoryData<string> Corpus => new(Expressions);

    /// <summary>The hostile corpus, also spliced into generated expressions by the fuzzer.</summary>
    public static string[] Expressions { get; } =
    [
        "age.GetType().Assembly.Location != null",
        "\"\".GetType().Assembly.FullName != null",
        "age.GetType().Assembly.DefinedTypes.Any(t => t.Name == \"File\")",
        "params.GetType() != null",
        "typeof(System.IO.File) != null",
        "System.IO.File.Exists(\"/etc/passwd\")",
        "File.Exists(\"/etc/passwd\")",
        "System.IO.Directory.GetFiles(\"/\").Length > 0",
        "Environment.GetEnvironmentVariable(\"PATH\") != null",
        "Environment.ProcessorCount > 0",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "Activator.CreateInstance(typeof(object)) != null",
        "Type.GetType(\"System.IO.File\") != null",
        "AppDomain.CurrentDomain.GetAssemblies().Length > 0",
        "DateTime.Now.Year > 2000",
        "DateTime.UtcNow > DateTime.MinValue",
        "Guid.NewGuid() != Guid.Empty",
        "Enumerable.Range(0, 300000000).Where(i => i > 0).Count() > 0",
        "new (age.months as x).x > 0",
        "age.months.ToString() == \"1\"",
        "person.GetHashCode() > 0",
        "Math.Pow(2, 1000) > 0",
        "string.Concat(\"a\", \"b\") == \"ab\"",
        "int.Parse(\"1\") == 1",
        "Convert.ToInt32(\"1\") == 1",
        "Console.Out != null",
        "System.Net.Dns.GetHostName() != null",
        "it.GetType() != null",
        "@0 > 1",
        "iif(age.GetType() == null, true, false)",
        "np(age.GetType().Name) != null",
        "age.months > 0 && System.Threading.Thread.CurrentThread != null",
        "((((((((((((((((((((age.months > 0))))))))))))))))))))",
        string.Join(" && ", Enumerable.Repeat("age.months > 0", 200)),
        "age.Equals(age)",
        "\"a\" + \"b\" == \"ab\"",
        "'a' == 'a'",

        // Effects that the sentinels would see if anything ran (Sentinel.AssertUntouched after each load).
        "System.IO.File.WriteAllText(\"{FILE}\", \"x\") == null",
        "File.Create(\"{FILE}\") != null",
        "File.Exists(\"{FILE}\") || System.IO.File.Create(\"{FILE}\") != null",
        "Directory.CreateDirectory(\"{DIR}\") != null",
        "age.GetType().Assembly.GetType(\"System.IO.File\").GetMethod(\"Create\", new[] { typeof(string) }).Invoke(null, new object[] { \"{FILE}\" }) != null",
        "Environment.SetEnvironmentVariable(\"{ENV}\", \"1\") == null",
        "AppDomain.CurrentDomain.SetData(\"{KEY}\", 1) == null",
        "Type.GetType(\"ChiBo.Rules.Tests.Sentinel, ChiBo.Rules.Tests\").GetMethod(\"Touch\").Invoke(null, null) != null",
        "ChiBo.Rules.Tests.Sentinel.Touch()",
        "Sentinel.Touch()",
        "Environment.Exit(3) == null",
        "Environment.FailFast(\"x\") == null",
        "System.Threading.Thread.Sleep(100000) == null",
        "System.Threading.Tasks.Task.Delay(-1).Wait(-1)",
        "GC.Collect() == null",

        // Loops and unbounded allocation.
        "Enumerable.Repeat(1, 2147483647).Sum() > 0",
        "Enumerable.Range(0, 100000).Select(i => Enumerable.Range(0, 100000).Count()).Sum() > 0",
        "string.Join(\",\", Enumerable.Range(0, 100000000)).Length > 0",
        "\"a\".PadLeft(2147483647).Length > 0",
        "age.months.ToString().PadRight(1000000000) != null",
        "new string(\"a\"[0], 2147483647).Length > 0",
        "Array.CreateInstance(typeof(int), 100000000) != null",
        "GC.AllocateUninitializedArray<byte>(2147483647) != null",
        "\"\".PadLeft(100).Replace(\" \", \"aaaaaaaaaa\").Length > 0",
        "person.Select(p => p).Any()",
        "age.months > 0 && it != null",
        "(age.months > 0).GetHashCode() > 0",

        // Very deep and very long (bounds of docs/rules-language.md).
        new string('(', 17) + "age.months > 0" + new string(')', 17),
        new string('!', 17) + "age.exceptionApproved",
        new string('-', 17) + "age.months > 0",
        string.Concat(Enumerable.Repeat("not ", 17)) + "true",
        new string('!', 1990) + "true",
        string.Concat(Enumerable.Repeat("iif(true, ", 17)) + "true" + new string(')', 17),
        string.Join(" + ", Enumerable.Repeat("age.months", 70)) + " > 0",
        string.Concat(Enumerable.Repeat("age.months > 0 ? true : ", 70)) + "false",
        "age.months >= params.minAgeMonths" + new string(' ', 2000),
        string.Join(" || ", Enumerable.Repeat("age.months >= params.minAgeMonths", 3000)),

        // Issue 18: nesting hidden behind an escaped quote, brackets, and what loaded then threw or made the loader throw.
        "\"\\\"\" == \"\" || " + new string('(', 1900),
        "\"\\\"\" == \"\" || " + new string('(', 300) + "true" + new string(')', 300),
        string.Concat(Enumerable.Repeat("1[", 999)),
        string.Concat(Enumerable.Repeat("true?true:", 199)) + "true",
        "int(-double(age.months) / double(vote.fullMembers)) / -params.introducersWithEndorsement == age.months",
        "int(age.months + null) >= params.minAgeMonths",
        "int(iif(vote.held, vote.inFavour, null)) >= params.minAgeMonths",
        "age.months / byte(params.ceremonyDeadlineWorkingDays) > params.minAgeMonths",
        "params == null",
        "np(params.minAgeMonths) <= age.months",
        "iif(vote.held, params, params) == null",
        "NEW (age.months as x).x > 0",
        "age.months + null >= params.minAgeMonths",
        "age.months = params.minAgeMonths",
        "age.months <> params.minAgeMonths",
        "age.months in (params.minAgeMonths, params.maxAgeMonths)",
        "vote.held & age.exceptionApproved",
        "vote.held | age.exceptionApproved",
        "vote.held ?? age.exceptionApproved",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_expression_is_refused_at_load(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = Sentinel.Expand(expression);
        var result = RuleFiles.Load(node);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal("age.minimum", error.Rule);
        Assert.StartsWith("expression.", error.Code, System.StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Sentinel.AssertUntouched();
    }

    // As a pendingWhen, too: the second expression of a rule is checked like the first.
    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_pendingWhen_is_refused_at_load(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "vote.cellTwoThirds")["pendingWhen"] = Sentinel.Expand(expression);
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("vote.cellTwoThirds", error.Rule);
        Assert.EndsWith(".pendingWhen", error.Path, System.StringComparison.Ordinal);
        Sentinel.AssertUntouched();
    }

    [Theory]
    [InlineData("age.months >= 216")]
    [InlineData("vote.inFavour * 3 >= vote.fullMembers * 2")]
    [InlineData("age.months >= params.minAgeMonths + 0.5")]
    public void Numbers_written_in_an_expression_are_refused(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("expression.literal", error.Code);
        Assert.Contains("params.name", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Math.Max(age.months, age.years) >= params.minAgeMonths")]
    [InlineData("age.months >= params.minAgeMonths ? true : false")]
    [InlineData("iif(age.exceptionApproved, true, age.months <= params.maxAgeMonths)")]
    [InlineData("not (age.months < params.minAgeMonths) and age.exceptionApproved == false")]
    public void Expression_within_the_language_loads(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        Assert.Empty(RuleFiles.Load(node).Errors);
    }
}
