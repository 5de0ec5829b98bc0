using ChiBo.Calendar;
using System.Collections.Generic;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>
/// The plug-in behind which the eligibility rules sit (ChiBo.Rules implements it with JSON rule sets by era).
/// The lifecycle never refuses an event on a failed rule: it records the event, and the rules judge it —
/// as <see cref="RuleCheck"/>s for the next gate, and as <see cref="RuleViolation"/>s for gates already passed.
/// Implementations must be thread-safe and deterministic given their inputs.
/// </summary>
public interface ICaseRules
{
    /// <summary>Checks every rule of a gate not yet passed, on the given date.</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="gate">The gate ahead.</param>
    /// <param name="date">The date to judge on (the "as of" date).</param>
    /// <returns>The rule set used and the checks in its order.</returns>
    GateAssessment Assess(CaseHistory history, Gate gate, LocalDate date);

    /// <summary>Re-checks each gate the history passed against the rule set in force on its event's date.</summary>
    /// <param name="history">The replayed case.</param>
    /// <returns>The violations, in replay order (ChiBo.Rules: the gates', then the exemptions', each in replay order).</returns>
    IReadOnlyList<RuleViolation> FindViolations(CaseHistory history);

    /// <summary>The legal durations in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The parameters.</returns>
    LegalDurations DurationsOn(LocalDate date);

    /// <summary>
    /// The working days the rules count with (a ceremony's 30 working days, the full-membership vote's). An evaluator
    /// built on these rules without a calendar of its own computes deadlines on the same calendar, so that a deadline
    /// and the rule judging it never disagree. Defaults to <see cref="WorkingDayCalendar.Default"/>.
    /// </summary>
    WorkingDayCalendar Calendar => WorkingDayCalendar.Default;

    /// <summary>
    /// What these rules could not judge in a case on a date — a gate (ahead, or passed) on a date when no rule set of
    /// theirs is in force — so that an answer never leaves a gate unjudged in silence. None by default.
    /// </summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="gate">The gate ahead (<see cref="Gate.None"/> for none).</param>
    /// <param name="date">The "as of" date.</param>
    /// <returns>The warnings, in replay order, the gate ahead last.</returns>
    IReadOnlyList<EvaluationWarning> WarningsFor(CaseHistory history, Gate gate, LocalDate date) => [];

    /// <summary>
    /// Checks a probationary or full member's standing (tư cách đảng viên) on a date: attendance, yearly ratings, the
    /// party card (Quy định 24-QĐ/TW §8.1). No checks by default.
    /// </summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="date">The "as of" date.</param>
    /// <returns>The rule set used and the standing checks in its order.</returns>
    GateAssessment AssessStanding(CaseHistory history, LocalDate date) => GateAssessment.Empty;
}

/// <summary>The checks of one gate.</summary>
/// <param name="RuleSet">The id of the rule set used, or null when no rules are loaded.</param>
/// <param name="Checks">Each rule's result, in the rule set's order.</param>
public sealed record GateAssessment(string? RuleSet, IReadOnlyList<RuleCheck> Checks)
{
    /// <summary>The hash of the rule set's file (<c>sha256:</c> + hex), or null when unknown.</summary>
    public string? RuleSetDigest { get; init; }

    /// <summary>Whether the rule set is the shipped one, an edited copy of it, or a local one; null when unknown.</summary>
    public RuleSetOrigin? RuleSetOrigin { get; init; }

    /// <summary>The ids of the local overlays that applied to the gate (empty when none).</summary>
    public IReadOnlyList<string> Overlays { get; init; } = [];

    /// <summary>No rule set, no checks.</summary>
    public static GateAssessment Empty { get; } = new(null, []);
}

/// <summary>
/// The legal durations that deadlines use, held per era by the rule sets. The defaults are those in force
/// since 2016 (Quy định 29-QĐ/TW §4.1–4.2; Điều lệ Đảng Art. 5; the awareness-course certificate's 60 months).
/// </summary>
/// <param name="ProbationMonths">Months of probation (12).</param>
/// <param name="CeremonyDeadlineWorkingDays">Working days from receiving the decision to the ceremony (30).</param>
/// <param name="FullMembershipVoteDeadlineWorkingDays">Working days after probation ends for the cell's vote (30).</param>
/// <param name="CertificateValidityMonths">Months an awareness-course certificate is valid (60).</param>
/// <param name="Source">The legal source of these values.</param>
public sealed record LegalDurations(
    int ProbationMonths,
    int CeremonyDeadlineWorkingDays,
    int FullMembershipVoteDeadlineWorkingDays,
    int CertificateValidityMonths,
    string Source)
{
    /// <summary>The values in force since 2016-07-25, each with its own source.</summary>
    public static LegalDurations Default { get; } = new(12, 30, 30, 60, "Quy định 29-QĐ/TW (2016), 4.1–4.2")
    {
        ProbationSource = "Điều lệ Đảng (2011), Điều 5",
        CeremonySource = "Quy định 29-QĐ/TW (2016), 4.1",
        FullMembershipVoteSource = "Quy định 29-QĐ/TW (2016), 4.2",
        CertificateSource = "Hướng dẫn 09-HD/BTCTW (2017)",
    };

    /// <summary>The legal source of <see cref="ProbationMonths"/> (the <c>probationEnds</c> deadline); <see cref="Source"/> unless set.</summary>
    public string ProbationSource { get => field ?? Source; init; }

    /// <summary>The legal source of <see cref="CeremonyDeadlineWorkingDays"/> (the <c>holdCeremony</c> deadline); <see cref="Source"/> unless set.</summary>
    public string CeremonySource { get => field ?? Source; init; }

    /// <summary>The legal source of <see cref="FullMembershipVoteDeadlineWorkingDays"/> (the <c>fullMembershipVote</c> deadline); <see cref="Source"/> unless set.</summary>
    public string FullMembershipVoteSource { get => field ?? Source; init; }

    /// <summary>Working days from the cell's admission resolution for the competent committee to decide (<c>decideAdmission</c>; Quy định 29-QĐ/TW §4.3.1: 60).</summary>
    public int DecideAdmissionWorkingDays { get; init; } = 60;

    /// <summary>Working days from the cell's full-membership resolution for the competent committee to decide (<c>decideFullMembership</c>; §4.3.1: 30).</summary>
    public int DecideFullMembershipWorkingDays { get; init; } = 30;

    /// <summary>The most working days one extension may add to a decision deadline (§4.3.1: 30); a longer extension does not count.</summary>
    public int DecisionExtensionMaxWorkingDays { get; init; } = 30;

    /// <summary>The legal source of the decision deadlines (<c>decideAdmission</c>, <c>decideFullMembership</c>).</summary>
    public string DecisionSource { get => field ?? "Quy định 29-QĐ/TW (2016), 4.3.1"; init; }

    /// <summary>The legal source of <see cref="CertificateValidityMonths"/> (the <c>certificateExpires</c> deadline); <see cref="Source"/> unless set.</summary>
    public string CertificateSource { get => field ?? Source; init; }
}

/// <summary>An <see cref="ICaseRules"/> without rules: no rule set, no checks, no violations, default durations.</summary>
public sealed class NoCaseRules : ICaseRules
{
    private NoCaseRules()
    {
    }

    /// <summary>The single instance.</summary>
    public static NoCaseRules Instance { get; } = new();

    /// <inheritdoc />
    public GateAssessment Assess(CaseHistory history, Gate gate, LocalDate date) => GateAssessment.Empty;

    /// <inheritdoc />
    public IReadOnlyList<RuleViolation> FindViolations(CaseHistory history) => [];

    /// <inheritdoc />
    public LegalDurations DurationsOn(LocalDate date) => LegalDurations.Default;
}

/// <summary>Where a rule set comes from (<c>ruleSetOrigin</c>). JSON names are camelCase.</summary>
public enum RuleSetOrigin
{
    /// <summary>The rule set shipped with ChiBo, byte for byte (bản phát hành).</summary>
    Shipped,

    /// <summary>The id of a shipped rule set, with other content: edited locally (đã chỉnh sửa tại chỗ).</summary>
    Edited,

    /// <summary>An id no shipped rule set has: a local rule set (bộ quy định riêng của địa phương).</summary>
    Local,
}
