using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ChiBo.Tests.Docs;

/// <summary>
/// Issue "For host developers" (item 6): a clone is self-contained — no link in README.md or docs/ points outside the
/// repository or to a file that does not exist, and no path written in backquotes climbs out of it.
/// </summary>
public partial class DocumentLinkTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        var root = TestData.RepoRoot;
        foreach (var file in new[] { Path.Combine(root, "README.md") }
                     .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
                     .Concat(Directory.GetFiles(Path.Combine(root, "src"), "*.md", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves_inside_the_repository(string document)
    {
        var root = Path.GetFullPath(TestData.RepoRoot);
        var path = Path.Combine(root, document);
        var text = File.ReadAllText(path);
        var problems = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(target)));
            if (!resolved.StartsWith(root, StringComparison.Ordinal))
            {
                problems.Add($"{target}: outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                problems.Add($"{target}: no such file");
            }
        }

        foreach (Match quoted in QuotedParentPath().Matches(text))
        {
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, quoted.Groups["path"].Value));
            if (!resolved.StartsWith(root, StringComparison.Ordinal))
            {
                problems.Add($"`{quoted.Groups["path"].Value}`: outside the repository");
            }
        }

        Assert.True(problems.Count == 0, $"{document}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_contract_in_the_repository_names_every_rule_id_of_the_shipped_rule_sets()
    {
        var contract = File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "contract.md"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.RepoRoot, "rules", "rulesets"), "*.json"))
        {
            foreach (Match rule in RuleName().Matches(File.ReadAllText(file)))
            {
                Assert.Contains($"`{rule.Groups["id"].Value}`", contract, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`(?<path>\.\./[^`\s]*)`")]
    private static partial Regex QuotedParentPath();

    [GeneratedRegex("\"RuleName\"\\s*:\\s*\"(?<id>[^\"]+)\"")]
    private static partial Regex RuleName();
}
