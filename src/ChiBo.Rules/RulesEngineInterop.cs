using System.Linq;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using RulesEngine.Models;

namespace ChiBo.Rules;

/// <summary>
/// The same rule set as plain RulesEngine workflows and inputs — what a host would run without ChiBo. Used to show
/// that the shipped files keep RulesEngine's shape (a test runs them through RulesEngine itself) and as the
/// benchmark's baseline. Internal: RulesEngine's types stay out of ChiBo's public API.
/// </summary>
internal static class RulesEngineInterop
{
    /// <summary>One RulesEngine workflow per gate, named after the gate, with the rules' ids and expressions.</summary>
    public static Workflow[] ToWorkflows(RuleSet ruleSet) =>
        ruleSet.Workflows.Select(w => new Workflow
        {
            WorkflowName = w.Name,
            Rules = w.Rules.Select(r => new Rule
            {
                RuleName = r.Id,
                Expression = r.Expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                ErrorMessage = r.Message.En,
                SuccessEvent = r.Id,
            }).ToList(),
        }).ToArray();

    /// <summary>The inputs RulesEngine needs: one named parameter per facts group, and <c>params</c>.</summary>
    public static RuleParameter[] Inputs(in GateFacts facts, RuleParameters parameters)
    {
        var boxed = facts;
        return RuleLanguage.Groups
            .Select(g => new RuleParameter(g.Name, g.Property.GetValue(boxed)))
            .Append(new RuleParameter(RuleLanguage.ParametersName, parameters))
            .ToArray();
    }
}
