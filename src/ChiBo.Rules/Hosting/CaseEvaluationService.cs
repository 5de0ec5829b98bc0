using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Text;
using ChiBo.Utility;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ChiBo.Rules.Hosting;

/// <summary>
/// ChiBo as a host's service: evaluates cases on a date, or today in Vietnam from the injected <see cref="IClock"/>,
/// and logs which rule set judged each. Registered by <c>services.AddChiBo()</c>; thread-safe.
/// </summary>
public sealed partial class CaseEvaluationService
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    private readonly CaseEvaluator evaluator;
    private readonly IClock clock;
    private readonly ILogger<CaseEvaluationService> logger;
    private readonly RuleCatalogProvider? watchedRules;

    /// <summary>Creates the service.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="clock">The clock that says what "today" is.</param>
    /// <param name="options">The host's options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="watchedRules">
    /// A watched rules folder, or null: when set, each evaluation takes one snapshot of its current catalog, so that an
    /// answer never mixes rules from before and after a reload.
    /// </param>
    /// <exception cref="System.ArgumentNullException">An argument other than <paramref name="watchedRules"/> is null.</exception>
    public CaseEvaluationService(
        CaseEvaluator evaluator,
        IClock clock,
        IOptions<ChiBoOptions> options,
        ILogger<CaseEvaluationService> logger,
        RuleCatalogProvider? watchedRules = null)
    {
        this.watchedRules = watchedRules;
        this.evaluator = Preconditions.CheckNotNull(evaluator, nameof(evaluator));
        this.clock = Preconditions.CheckNotNull(clock, nameof(clock));
        this.logger = Preconditions.CheckNotNull(logger, nameof(logger));
        Language = Preconditions.CheckNotNull(options, nameof(options)).Value.Language;
    }

    /// <summary>The language the host chose for messages.</summary>
    public Language Language { get; }

    /// <summary>Today's date in Vietnam (UTC+7), from the clock.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(Vietnam).Date;

    /// <summary>Evaluates a case as of today in Vietnam.</summary>
    /// <param name="caseFile">The case.</param>
    /// <returns>The evaluation, or the rejected event.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public EvaluationResult Evaluate(CaseFile caseFile) => Evaluate(caseFile, Today);

    /// <summary>Evaluates a case as of a date.</summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="asOf">The date of the question.</param>
    /// <returns>The evaluation, or the rejected event.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public EvaluationResult Evaluate(CaseFile caseFile, LocalDate asOf)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        var result = watchedRules is null ? evaluator.Evaluate(caseFile, asOf) : watchedRules.Evaluate(caseFile, asOf);
        if (result.Value is { } evaluation)
        {
            LogEvaluated(caseFile.Person.Id, asOf, evaluation.Stage, evaluation.RuleSet ?? "none", evaluation.Violations.Count);
            foreach (var check in evaluation.Checks)
            {
                // Defence in depth: the loader refuses every expression that could fail when run (docs/rules-language.md).
                if (check.Error is not null)
                {
                    LogRuleError(caseFile.Person.Id, asOf, check.Rule, evaluation.RuleSet ?? "none");
                }
            }
        }
        else if (result.Rejection is { } rejection)
        {
            LogRejected(caseFile.Person?.Id ?? "?", asOf, rejection.EventIndex, rejection.Reason.En);
        }
        else
        {
            LogNotEvaluated(caseFile.Person?.Id ?? "?", asOf, string.Join("; ", result.Errors));
        }

        return result;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "Case {CaseId} as of {AsOf}: stage {Stage}, rule set {RuleSet} chosen for the next gate, {Violations} violation(s)")]
    private partial void LogEvaluated(string caseId, LocalDate asOf, Stage stage, string ruleSet, int violations);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Case {CaseId} as of {AsOf}: the rule {Rule} of rule set {RuleSet} could not be evaluated (its expression failed when run); it is reported as a rule error")]
    private partial void LogRuleError(string caseId, LocalDate asOf, string rule, string ruleSet);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Case {CaseId} as of {AsOf} not evaluated: {Errors}")]
    private partial void LogNotEvaluated(string caseId, LocalDate asOf, string errors);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Case {CaseId} as of {AsOf}: event {EventIndex} rejected: {Reason}")]
    private partial void LogRejected(string caseId, LocalDate asOf, int eventIndex, string reason);
}
