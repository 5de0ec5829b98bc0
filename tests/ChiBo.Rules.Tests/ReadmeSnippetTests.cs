using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue "For host developers" (item 3): the README's C# snippets compile as written — usings included, nullable
/// enabled, no warning, and no null-forgiving <c>!</c> — against the ChiBo libraries.
/// </summary>
public partial class ReadmeSnippetTests
{
    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChiBo.Domain.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < CSharpBlocks().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static List<string> CSharpBlocks() =>
        [.. Block().Matches(File.ReadAllText(Path.Combine(Root, "README.md"))).Select(m => m.Groups["code"].Value)];

    [Fact]
    public void The_README_has_C_sharp_snippets()
    {
        Assert.True(CSharpBlocks().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_README_snippet_compiles_without_warning_and_without_null_forgiving(int index)
    {
        var code = CSharpBlocks()[index];
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));
        Assert.DoesNotContain(tree.GetRoot().DescendantNodes(), n => n.IsKind(SyntaxKind.SuppressNullableWarningExpression));

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("ChiBo.", StringComparison.Ordinal) || n.StartsWith("NodaTime", StringComparison.Ordinal)
                    || n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))))
            .Where(f => f.EndsWith(".dll", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
        var compilation = CSharpCompilation.Create($"Snippet{index}", [tree], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"snippet {index}:\n{code}\n" + string.Join("\n", problems));
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
