using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Text;
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
    /// <returns>
    /// The evaluation; or the rejection of an event that cannot follow the case's stage; or, for a case built in code
    /// outside the bounds the reader enforces (<see cref="CaseFileSerializer.Validate"/>), those errors in
    /// <see cref="EvaluationResult.InvalidCase"/>; or, for a date outside the calendar (<see cref="WorkingDayCalendar.MinDate"/>–<see cref="WorkingDayCalendar.MaxDate"/>), an
    /// <see cref="EvaluationResult.Error"/> with code <c>asOf.outOfRange</c>. Never throws for any case or date.
    /// </returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public EvaluationResult Evaluate(CaseFile caseFile, LocalDate asOf)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        if (EvaluationError.CheckAsOf(asOf) is { } error)
        {
            return new EvaluationResult(null, null) { Error = error };
        }

        // A case the reader returned was checked there; a case built in code is checked here.
        if (!caseFile.IsValidated && CaseFileSerializer.Validate(caseFile) is { Count: > 0 } invalid)
        {
            return new EvaluationResult(null, null) { InvalidCase = invalid };
        }

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
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is outside <see cref="WorkingDayCalendar.MinDate"/>–<see cref="WorkingDayCalendar.MaxDate"/>
    /// (<see cref="Evaluate(CaseFile, LocalDate)"/> answers such a date with a typed error instead).
    /// </exception>
    public CaseEvaluation Evaluate(CaseHistory history, LocalDate asOf)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        if (EvaluationError.CheckAsOf(asOf) is { } error)
        {
            throw new System.ArgumentOutOfRangeException(nameof(asOf), asOf, error.Message.En);
        }

        var gate = history.NextGate;
        var assessment = rules.Assess(history, gate, asOf);
        if (gate == Gate.None && assessment.Checks.Count != 0)
        {
            assessment = assessment with { Checks = [] };
        }

        var violations = rules.FindViolations(history);
        var dates = KeyDatesOf(history);
        var deadlines = CaseDeadlines.Of(history, asOf, rules, calendar);
        return new CaseEvaluation(asOf, history.Stage, assessment.RuleSet, gate, assessment.Checks, deadlines, violations, dates, history.IsExempt)
        {
            Warnings = rules.WarningsFor(history, gate, asOf),
            RuleSetDigest = assessment.RuleSetDigest,
            RuleSetOrigin = assessment.RuleSetOrigin,
            Overlays = assessment.Overlays,
            Cell = history.Case.Cell.On(asOf),
            PartyAge = PartyAgeOf(history, dates, asOf),
            Standing = history.Stage is Stage.Probationary or Stage.FullMember ? rules.AssessStanding(history, asOf).Checks : null,
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

/// <summary>The outcome of an evaluation: the answer, the rejected event, or the question's error (exactly one).</summary>
/// <param name="Value">The evaluation, or null.</param>
/// <param name="Rejection">The rejection, or null.</param>
public sealed record EvaluationResult(CaseEvaluation? Value, LifecycleRejection? Rejection)
{
    /// <summary>Whether the case could be evaluated: then <see cref="Value"/> is not null, as the compiler knows.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsEvaluated => Value is not null;

    /// <summary>The same as <see cref="IsEvaluated"/>, named as every ChiBo result names success.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>Why the question itself could not be answered (a date outside the calendar), or null.</summary>
    public EvaluationError? Error { get; init; }

    /// <summary>
    /// The errors of a case outside the bounds the reader enforces (a case built in code with 10,001 events, a vote of
    /// 12 in favour out of 9): the reader's codes and messages, by JSON path; empty otherwise.
    /// </summary>
    public IReadOnlyList<CaseFileError> InvalidCase { get; init; } = [];

    /// <summary>
    /// What kept the case from being evaluated, as case-file errors: the rejected event (<c>lifecycle.rejected</c>, with
    /// its index, type and date), the question's error (e.g. <c>asOf.outOfRange</c>) or <see cref="InvalidCase"/>;
    /// empty when evaluated.
    /// </summary>
    public IReadOnlyList<CaseFileError> Errors =>
        Rejection is { } rejection ? [rejection.ToError()]
        : Error is { } error ? [new CaseFileError(error.Code, error.Message.En)]
        : InvalidCase;

    /// <summary>The evaluation, or a <see cref="CaseFileException"/> listing <see cref="Errors"/>.</summary>
    /// <returns>The evaluation.</returns>
    /// <exception cref="CaseFileException">The case could not be evaluated.</exception>
    public CaseEvaluation GetValueOrThrow() => Value ?? throw new CaseFileException(Errors);
}

/// <summary>
/// Why a question could not be answered (lỗi câu hỏi), with a stable code and a message in both languages.
/// </summary>
/// <param name="Code">The stable code: <c>asOf.outOfRange</c>.</param>
/// <param name="Message">What is wrong, in Vietnamese and English.</param>
public sealed record EvaluationError(string Code, LocalizedText Message)
{
    /// <summary>The error for a date outside the calendar, or null when the date is inside it.</summary>
    /// <param name="asOf">The "as of" date.</param>
    /// <returns>The error, or null.</returns>
    public static EvaluationError? CheckAsOf(LocalDate asOf) =>
        asOf >= WorkingDayCalendar.MinDate && asOf <= WorkingDayCalendar.MaxDate
            ? null
            : new EvaluationError("asOf.outOfRange", new LocalizedText(
                $"ngày {asOf:dd/MM/yyyy} nằm ngoài lịch ({WorkingDayCalendar.MinDate:dd/MM/yyyy}–{WorkingDayCalendar.MaxDate:dd/MM/yyyy})",
                $"the date {asOf:yyyy-MM-dd} is outside the calendar ({WorkingDayCalendar.MinDate:yyyy-MM-dd} to {WorkingDayCalendar.MaxDate:yyyy-MM-dd})"));

    /// <summary>Returns the English message with its code.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Message.En} [{Code}]";
}
