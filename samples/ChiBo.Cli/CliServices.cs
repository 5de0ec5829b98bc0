using ChiBo.Calendar;
using ChiBo.Evaluation;

namespace ChiBo.Cli;

/// <summary>The library objects the commands share, built once.</summary>
internal static class CliServices
{
    public static WorkingDayCalendar Calendar => WorkingDayCalendar.Default;

    public static CaseEvaluator Evaluator { get; } = new(NoCaseRules.Instance, Calendar);
}
