using ChiBo.Evaluation;
using ChiBo.Planning;

namespace ChiBo.Cli;

/// <summary>The library objects the commands share, built once.</summary>
internal static class CliServices
{
    public static CaseEvaluator Evaluator { get; } = new(NoCaseRules.Instance);

    public static CellPlanner Planner => new(Evaluator);
}
