using System;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>
/// Answers <c>evaluate(case, asOf)</c>: replays the case up to the date, then asks the rules for the next
/// gate's checks and the history's violations, and computes key dates and deadlines (thời hạn: see
/// <see cref="CaseEvaluation.Deadlines"/>; working days from a <see cref="WorkingDayCalendar"/>). Thread-safe and
/// deterministic: the same case, date, rules and calendar give the same answer.
/// </summary>
public sealed class CaseEvaluator
{
    private readonly ICaseRules rules;
    private readonly WorkingDayCalendar calendar;

    /// <summary>Creates an evaluator that counts working days with the rules' own calendar (<see cref="ICaseRules.Calendar"/>).</summary>
    /// <param name="rules">The rules; <see cref="NoCaseRules.Instance"/> for none.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public CaseEvaluator(ICaseRules rules)
        : this(rules, Preconditions.CheckNotNull(rules, nameof(rules)).Calendar)
    {
    }

    /// <summary>Creates an evaluator with a host's calendar (e.g. <see cref="WorkingDayCalendar.Default"/> with years it added).</summary>
    /// <param name="rules">The rules; <see cref="NoCaseRules.Instance"/> for none.</param>
    /// <param name="calendar">The working days used for deadlines in working days.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> or <paramref name="calendar"/> is null.</exception>
    public CaseEvaluator(ICaseRules rules, WorkingDayCalendar calendar)
    {
        this.rules = Preconditions.CheckNotNull(rules, nameof(rules));
        this.calendar = Preconditions.CheckNotNull(calendar, nameof(calendar));
    }

    /// <summary>Evaluates a case on a date.</summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="asOf">The date of the question; later events are ignored.</param>
    /// <returns>The evaluation, or the rejection of an event that cannot follow the case's stage.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public EvaluationResult Evaluate(CaseFile caseFile, LocalDate asOf)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        var replay = CaseLifecycle.Replay(caseFile, asOf);
        return replay.History is { } history
            ? new EvaluationResult(Evaluate(history, asOf), null)
            : new EvaluationResult(null, replay.Rejection);
    }

    /// <summary>Evaluates a case already replayed up to the date (see <see cref="CaseLifecycle.Replay"/>).</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="asOf">The date of the question; should be the date the history was replayed to.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="history"/> is null.</exception>
    public CaseEvaluation Evaluate(CaseHistory history, LocalDate asOf)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        var gate = history.NextGate;
        var assessment = gate == Gate.None ? rules.Assess(history, gate, asOf) with { Checks = [] } : rules.Assess(history, gate, asOf);
        var violations = rules.FindViolations(history);
        var dates = KeyDatesOf(history);
        var deadlines = CaseDeadlines.Of(history, asOf, rules, calendar);
        return new CaseEvaluation(asOf, history.Stage, assessment.RuleSet, gate, assessment.Checks, deadlines, violations, dates, history.IsExempt)
        {
            Cell = history.Case.Cell.On(asOf),
            PartyAge = PartyAgeOf(history, dates, asOf),
        };
    }

    private KeyDates KeyDatesOf(CaseHistory history)
    {
        if (history.PartyEntry is not { } entry)
        {
            return KeyDates.None;
        }

        var probationEnds = entry.PlusMonths(rules.DurationsOn(entry).ProbationMonths);
        var recognised = history.First<FullMembershipDecided>() is not null;
        return new KeyDates(entry, probationEnds, recognised ? probationEnds : null)
        {
            PartyAgeFrom = recognised ? history.Case.Person.PreviousMembership?.AdmissionDecided ?? history.First<AdmissionDecided>()?.Date ?? entry : null,
        };
    }

    /// <summary>Party age: Quy định 29-QĐ/TW §4.5 / 24-QĐ/TW §4.5.1 — from the admission decision, less the time out of the party.</summary>
    private static PartyAge? PartyAgeOf(CaseHistory history, KeyDates dates, LocalDate asOf)
    {
        if (dates.PartyAgeFrom is not { } from)
        {
            return null;
        }

        var months = Math.Max(FullMonths(from, asOf), 0);
        if (history.Case.Person.PreviousMembership is { } previous && history.First<AdmissionDecided>() is { } again)
        {
            months -= Math.Max(FullMonths(previous.Left, again.Date), 0);
        }

        months = Math.Max(months, 0);
        return new PartyAge(months / 12, months % 12, months, "Quy định 29-QĐ/TW (2016), 4.5; Quy định 24-QĐ/TW (2021), 4.5.1");
    }

    /// <summary>Whole calendar months from one date to another, consistent with NodaTime's clamped <c>PlusMonths</c>.</summary>
    private static int FullMonths(LocalDate from, LocalDate to)
    {
        var months = (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);
        return months >= 0 ? (from.PlusMonths(months) > to ? months - 1 : months) : -FullMonths(to, from);
    }
}

/// <summary>The outcome of an evaluation: the answer, or the rejected event (never both).</summary>
/// <param name="Value">The evaluation, or null.</param>
/// <param name="Rejection">The rejection, or null.</param>
public sealed record EvaluationResult(CaseEvaluation? Value, LifecycleRejection? Rejection)
{
    /// <summary>Whether the case could be evaluated.</summary>
    public bool IsEvaluated => Value is not null;
}
