using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ChiBo.Evaluation;
using ChiBo.Rules.Facts;
using ChiBo.Utility;

namespace ChiBo.Rules;

/// <summary>
/// What is probably a mistake in a rule set that loads (cảnh báo, not errors; <c>chibo rules validate</c> prints them):
/// <c>warning.unusedParameter</c> (a parameter neither a rule nor ChiBo's deadlines use), <c>warning.constant</c> (an
/// expression that reads no fact, so it cannot fail or cannot pass), <c>warning.repeated</c> (a workflow with the same
/// expression twice), and <c>warning.staleNumber</c> (in an edited copy of a shipped set, an <c>ErrorMessage</c> or
/// <c>description</c> that still states the shipped value of a parameter the rule uses, now changed: numbers in prose
/// must come from <c>{params.…}</c> placeholders).
/// </summary>
public static partial class RuleSetWarnings
{
    // Parameters ChiBo reads itself (deadlines, probation, the dossier's currency), used even when no rule names them.
    private static readonly string[] UsedByChiBo =
    [
        "probationMonths", "ceremonyDeadlineWorkingDays", "fullMembershipVoteDeadlineWorkingDays", "certificateValidityMonths",
        "decideAdmissionWorkingDays", "decideFullMembershipWorkingDays", "decisionExtensionMaxWorkingDays", "dossierValidityMonths",

        // The exemption's reading of the retirement age (issue 12): the library computes the age from them.
        "exemptionRetirementAgeReading", "exemptionMenAgeMonths", "exemptionWomenAgeMonths",
    ];

    /// <summary>The warnings of a loaded rule set, each naming its file, workflow, rule and JSON path.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The warnings; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static IReadOnlyList<RuleLoadError> Of(RuleSet ruleSet)
    {
        Preconditions.CheckNotNull(ruleSet, nameof(ruleSet));
        var warnings = new List<RuleLoadError>();
        var used = new HashSet<string>(UsedByChiBo, StringComparer.Ordinal);
        var shipped = ruleSet.Origin == RuleSetOrigin.Edited ? ruleSet.Shipped : null;
        for (var w = 0; w < ruleSet.Workflows.Length; w++)
        {
            var workflow = ruleSet.Workflows[w];
            var gate = Lifecycle.Stages.JsonName(workflow.Gate);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var r = 0; r < workflow.Rules.Length; r++)
            {
                var rule = workflow.Rules[r];
                var path = $"$.workflows[{w}].Rules[{r}]";
                var names = Params().Matches(rule.Expression + " " + rule.PendingWhen + " " + rule.Message.Vi + " " + rule.Message.En)
                    .Select(m => RuleParameters.Names.FirstOrDefault(n => string.Equals(n, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)))
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
                used.UnionWith(names);

                var normalized = Regex.Replace(rule.Expression, @"\s+", string.Empty);
                if (seen.TryGetValue(normalized, out var first))
                {
                    warnings.Add(new RuleLoadError("warning.repeated", $"the expression of '{rule.Id}' repeats that of '{first}' in the same workflow", ruleSet.File, rule.Id, gate, Path: path + ".Expression"));
                }
                else
                {
                    seen[normalized] = rule.Id;
                }

                if (!Facts().IsMatch(Params().Replace(rule.Expression, string.Empty)))
                {
                    var holds = rule.IsSatisfiedBy(default(GateFacts));
                    warnings.Add(new RuleLoadError("warning.constant",
                        $"the expression '{rule.Expression}' reads no fact of the case, so it can never {(holds ? "fail" : "pass")}",
                        ruleSet.File, rule.Id, gate, Path: path + ".Expression"));
                }

                if (shipped is not null)
                {
                    foreach (var name in names)
                    {
                        if (!ruleSet.Parameters.Info.TryGetValue(name, out var now) || !shipped.Parameters.Info.TryGetValue(name, out var before) || now.Value == before.Value)
                        {
                            continue;
                        }

                        var number = new Regex($@"(?<![\d.]){before.Value}(?![\d.])");
                        foreach (var (field, text) in new[] { ("ErrorMessage", rule.ErrorMessage), ("description.vi", rule.DescriptionText?.Vi ?? rule.Description), ("description.en", rule.DescriptionText?.En) })
                        {
                            if (text is not null && number.IsMatch(text))
                            {
                                warnings.Add(new RuleLoadError("warning.staleNumber",
                                    $"'{field}' still states {before.Value}, the shipped value of '{name}', which this file sets to {now.Value}: write the number as {{params.{name}}} or correct the text",
                                    ruleSet.File, rule.Id, gate, Path: $"{path}.{field}"));
                            }
                        }
                    }
                }
            }
        }

        foreach (var name in RuleParameters.Names.Where(n => !used.Contains(n) && ruleSet.Parameters.Info.ContainsKey(n)))
        {
            warnings.Add(new RuleLoadError("warning.unusedParameter", $"the parameter '{name}' is used by no rule (nor by ChiBo's deadlines)", ruleSet.File, Path: $"$.parameters.{name}"));
        }

        return warnings;
    }

    [GeneratedRegex(@"params\.([A-Za-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Params();

    // A fact is a group name followed by a member: age.months, vote.held…
    [GeneratedRegex(@"\b[A-Za-z]+\.[A-Za-z]+")]
    private static partial Regex Facts();
}
