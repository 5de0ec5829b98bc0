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
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_expression_is_refused_at_load(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        var result = RuleFiles.Load(node);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal("age.minimum", error.Rule);
        Assert.StartsWith("expression.", error.Code, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Math.Max(age.months, age.years) >= params.minAgeMonths")]
    [InlineData("age.months >= params.minAgeMonths ? true : false")]
    [InlineData("iif(age.exceptionApproved, true, age.months <= params.maxAgeMonths)")]
    [InlineData("not (age.months < params.minAgeMonths) and age.months >= 0")]
    public void Expression_within_the_language_loads(string expression)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = expression;
        Assert.Empty(RuleFiles.Load(node).Errors);
    }
}
