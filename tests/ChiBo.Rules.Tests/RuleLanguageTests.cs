using System.IO;
using ChiBo.Rules.Expressions;
using Xunit;

namespace ChiBo.Rules.Tests;

public class RuleLanguageTests
{
    [Fact]
    public void Every_name_of_the_language_is_documented_in_docs_rules_language()
    {
        var doc = File.ReadAllText(Path.Combine(RuleFiles.RepoRoot, "docs", "rules-language.md"));
        foreach (var name in RuleLanguage.Names())
        {
            var documented = name.StartsWith("params.", System.StringComparison.Ordinal)
                ? doc.Contains($"`{name["params.".Length..]}`", System.StringComparison.Ordinal)
                : doc.Contains($"`{name}`", System.StringComparison.Ordinal);
            Assert.True(documented, $"{name} is not documented in docs/rules-language.md");
        }
    }

    [Fact]
    public void The_first_load_warm_up_is_in_the_language_and_compiles()
    {
        // The warm-up runs in the background and ignores failure: a language change that refused it would silently
        // cost the first load its head start (docs/performance.md).
        Assert.True(RuleExpressionCompiler.WarmUp());
    }
}
