using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace ChiBo.Rules.Tests;

/// <summary>The shipped rule files, and broken copies of them.</summary>
internal static class RuleFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepoRoot, "rules", "rulesets");

    public static string[] Shipped => Directory.GetFiles(Folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    public static string Text(string id) => File.ReadAllText(Path.Combine(Folder, id + ".json"), Encoding.UTF8);

    public static JsonObject Node(string id) => JsonNode.Parse(Text(id))!.AsObject();

    public static RuleLoadResult<RuleSet> Load(string text, string fileName = "edited.json") =>
        RuleSetLoader.Load(Encoding.UTF8.GetBytes(text), fileName);

    public static RuleLoadResult<RuleSet> Load(JsonNode node, string fileName = "edited.json") =>
        Load(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), fileName);

    /// <summary>A rule of the 2016 set by workflow and id, for editing.</summary>
    public static JsonObject RuleOf(JsonObject ruleSet, string workflow, string rule) =>
        ruleSet["workflows"]!.AsArray().Select(w => w!.AsObject()).Single(w => (string?)w["WorkflowName"] == workflow)["Rules"]!
            .AsArray().Select(r => r!.AsObject()).First(r => (string?)r["RuleName"] == rule);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChiBo.Domain.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChiBo.Domain.sln not found above " + AppContext.BaseDirectory);
    }
}
