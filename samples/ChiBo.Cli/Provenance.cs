using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ChiBo.Evaluation;
using ChiBo.Rules;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>
/// Where the rules came from, said in words (issue 13): "Bộ quy định 2016-qd29 — đã chỉnh sửa tại chỗ, khác bản phát
/// hành"; and each parameter whose value differs from the shipped file's, with both values.
/// </summary>
internal static partial class Provenance
{
    public static LocalizedText OriginWords(RuleSetOrigin origin) => origin switch
    {
        RuleSetOrigin.Shipped => new("bản phát hành", "as shipped"),
        RuleSetOrigin.Edited => new("đã chỉnh sửa tại chỗ, khác bản phát hành", "edited locally, differs from the shipped file"),
        _ => new("bộ quy định riêng của địa phương, không có trong bản phát hành", "a local rule set, not shipped with ChiBo"),
    };

    /// <summary>"Bộ quy định 2016-qd29 — đã chỉnh sửa tại chỗ, khác bản phát hành".</summary>
    public static string Sentence(string id, RuleSetOrigin origin, Language lang) =>
        (lang == Language.English ? $"Rule set {id} — " : $"Bộ quy định {id} — ") + OriginWords(origin).In(lang);

    /// <summary>The names of the parameters an expression or message mentions (<c>params.x</c>, <c>{params.x}</c>).</summary>
    public static IReadOnlyList<string> ParametersOf(RuleDefinition rule) =>
        [.. ParamPattern().Matches(rule.Expression + " " + rule.PendingWhen + " " + rule.Message.Vi + " " + rule.Message.En)
            .Select(m => RuleParameters.Names.FirstOrDefault(n => string.Equals(n, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The parameters of a rule whose value differs from the shipped rule set of the same id: (name, value, shipped value).</summary>
    public static IReadOnlyList<(string Name, int Value, int Shipped)> Changed(RuleSet set, RuleDefinition rule)
    {
        if (set.Origin != RuleSetOrigin.Edited || set.Shipped is not { } shipped)
        {
            return [];
        }

        return [.. ParametersOf(rule)
            .Where(n => set.Parameters.Info.ContainsKey(n) && shipped.Parameters.Info.ContainsKey(n) && set.Parameters.Info[n].Value != shipped.Parameters.Info[n].Value)
            .Select(n => (n, set.Parameters.Info[n].Value, shipped.Parameters.Info[n].Value))];
    }

    /// <summary>"đã sửa: ceremonyDeadlineWorkingDays = 20 (bản phát hành: 30)".</summary>
    public static string ChangedLine(IReadOnlyList<(string Name, int Value, int Shipped)> changed, Language lang) =>
        (lang == Language.English ? "edited: " : "đã sửa: ")
        + string.Join("; ", changed.Select(c => lang == Language.English
            ? $"{c.Name} = {c.Value} (shipped: {c.Shipped})"
            : $"{c.Name} = {c.Value} (bản phát hành: {c.Shipped})"));

    /// <summary>A note for reports on a catalog with rule sets that are not shipped, or null when all are shipped.</summary>
    public static string? Note(RuleCatalog catalog, Language lang)
    {
        var notShipped = catalog.RuleSets.Where(s => s.Origin != RuleSetOrigin.Shipped).ToArray();
        return notShipped.Length == 0
            ? null
            : (lang == Language.English ? "Note: " : "Lưu ý: ") + string.Join("; ", notShipped.Select(s => Sentence(s.Id, s.Origin, lang)));
    }

    [GeneratedRegex(@"params\.([A-Za-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ParamPattern();
}
