using ChiBo.Calendar;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Rules;

namespace ChiBo.Cli;

/// <summary>The library objects the commands share, built once.</summary>
internal static class CliServices
{
    /// <summary>The working days: the official years shipped with ChiBo, the others computed from the Labour Code.</summary>
    public static WorkingDayCalendar Calendar => WorkingDayCalendar.Default;

    /// <summary>The evaluator on the rule sets shipped with ChiBo (embedded in ChiBo.Rules).</summary>
    public static CaseEvaluator Evaluator { get; } = new(RuleCatalog.Shipped, Calendar);

    /// <summary>The shipped evaluator, or one on a folder of edited rule files (<c>--rules FOLDER</c>).</summary>
    /// <param name="rulesFolder">The folder, or null.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="CliInputException">The folder's rule files do not load; the message lists every problem.</exception>
    public static CaseEvaluator EvaluatorFor(string? rulesFolder) =>
        rulesFolder is null ? Evaluator : RuleFolders.Catalog(rulesFolder) is var catalog ? new CaseEvaluator(catalog, catalog.Calendar) : null!;

    /// <summary>The planner over <see cref="EvaluatorFor"/>: the same rules, deadlines and violations as <c>evaluate</c>.</summary>
    /// <param name="rulesFolder">The folder of edited rule files, or null for the shipped ones.</param>
    /// <returns>The planner.</returns>
    public static CellPlanner PlannerFor(string? rulesFolder) => new(EvaluatorFor(rulesFolder), rulesFolder is null ? Calendar : RuleFolders.CalendarOf(rulesFolder) ?? Calendar);
}
