using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>A legal deadline of a case (thời hạn), with its due date and status on the "as of" date.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>certificateExpires</c>: from the newest awareness course (D) to its last valid day, D + N months − 1 day
/// (the contract: valid up to and including the day before D + 60 months). Listed only while it matters: until the
/// cell's admission vote, which is the day the certificate must be valid on.</item>
/// <item><c>holdCeremony</c>: N working days from the day the cell received the admission decision (Quy định 29-QĐ/TW
/// §4.1: 30 working days); done by the ceremony. With an approved delay (<c>ceremonyDelayApproved</c>) the deadline
/// is never overdue: it stays pending past its due day until the ceremony, and a ceremony after it is met, not
/// met late (the new date is not in the record; the rules judge the approval).</item>
/// <item><c>probationEnds</c>: party entry + N months, calendar arithmetic clamped to the month's end; met (done on
/// its due day) once that day has passed.</item>
/// <item><c>fullMembershipVote</c>: N working days after the end of probation; done by the cell's vote with
/// purpose <c>fullMembership</c>.</item>
/// <item><c>decideAdmission</c> / <c>decideFullMembership</c>: the competent (superior) committee's deadline, N working
/// days (60 / 30) from the latest cell vote of that purpose, moved by the first <c>decisionDeadlineExtended</c> of the
/// purpose when it is within the era's maximum (30); done by the decision (or the refusal / striking off).</item>
/// </list>
/// A deadline not yet met is listed only while the case is live (not in a terminal stage). A due day beyond
/// 2100-12-31, the calendar's end, is not listed. A due day is never before its period's start. Durations come from <see cref="ICaseRules.DurationsOn"/> on
/// each period's start; statuses: <see cref="DeadlineStatus"/>.
/// </remarks>
/// <param name="Action">What must be done.</param>
/// <param name="Start">The day the period starts (the deadline is never before it).</param>
/// <param name="Due">The last day on which the action is in time (inclusive).</param>
/// <param name="Status">The status on the "as of" date.</param>
/// <param name="Source">The legal source.</param>
/// <param name="Done">The day the action was done, or null.</param>
public sealed record Deadline(DeadlineAction Action, LocalDate Start, LocalDate Due, DeadlineStatus Status, string Source, LocalDate? Done = null)
{
    /// <summary>
    /// The kind of the event on <see cref="Start"/> that started the period (<c>startEvent</c>): <c>admissionDecisionReceived</c>
    /// for <c>holdCeremony</c>, <c>cellVoted</c> for the decision deadlines, <c>ceremonyHeld</c> for <c>probationEnds</c>,
    /// <c>awarenessCourseCompleted</c> for <c>certificateExpires</c>; null when the period starts on a computed day (the
    /// end of probation, for <c>fullMembershipVote</c>). Not written in JSON when null.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Cases.EventKind? StartEvent { get; init; }

    /// <summary>
    /// How late, in working days (<c>workingDaysLate</c>): for <see cref="DeadlineStatus.MetLate"/> the working days in
    /// (<see cref="Due"/>, <see cref="Done"/>], for <see cref="DeadlineStatus.Overdue"/> those in (<see cref="Due"/>, the
    /// "as of" date]; null otherwise, and for the deadlines counted in months (<c>probationEnds</c>, <c>certificateExpires</c>).
    /// Not written in JSON when null.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? WorkingDaysLate { get; init; }

    /// <summary>
    /// What happened, with its dates (<c>finding</c>), e.g. "lễ kết nạp ngày 14/06/2019, quá hạn 8 ngày làm việc so với
    /// hạn 04/06/2019 (nhận quyết định ngày 19/04/2019)" / "ceremony on 2019-06-14, 8 working days after the due date
    /// 2019-06-04 (decision received on 2019-04-19)". Set by <see cref="CaseEvaluator"/>; null for a deadline made by
    /// hand. Not written in JSON when null.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Text.LocalizedText? Finding
    {
        get => finding?.MadeText;
        init => finding = new DeferredFinding(value, null);
    }

    // Made when first read (equal by value): see DeferredFinding.
    private DeferredFinding? finding;

    /// <summary>This deadline with a finding made when first read.</summary>
    internal Deadline WithFinding(System.Func<Text.LocalizedText> make) => this with { finding = new FuncSource(() => (make(), null)) };

    /// <summary>This deadline with a finding made by <paramref name="source"/> when first read.</summary>
    internal Deadline WithFinding(FindingSource source) => this with { finding = source };

    /// <summary>Gives a deadline just made, not yet seen by anyone, a finding made by <paramref name="source"/> when first read (no copy).</summary>
    internal Deadline Attach(FindingSource source)
    {
        finding = source;
        return this;
    }

    /// <summary>What will make the finding while it is not made yet (see <see cref="DeferredFinding.Unmade"/>), else null.</summary>
    internal FindingSource? UnmadeFinding => finding?.Unmade;
}

/// <summary>The actions with a legal deadline. JSON names are camelCase.</summary>
public enum DeadlineAction
{
    /// <summary>Hold the admission ceremony within N working days of receiving the decision (tổ chức lễ kết nạp).</summary>
    HoldCeremony,

    /// <summary>The probation ends N months after the ceremony (hết thời gian dự bị).</summary>
    ProbationEnds,

    /// <summary>The cell votes on full membership within N working days after probation ends (xét công nhận chính thức).</summary>
    FullMembershipVote,

    /// <summary>The awareness-course certificate expires (giấy chứng nhận hết hạn).</summary>
    CertificateExpires,

    /// <summary>
    /// The competent committee decides on admission within N working days of the cell's resolution (cấp ủy có thẩm quyền
    /// xem xét, quyết định kết nạp; Quy định 29-QĐ/TW §4.3.1: 60); done by <c>admissionDecided</c> or <c>admissionRefused</c>.
    /// </summary>
    DecideAdmission,

    /// <summary>
    /// The competent committee decides on full membership within N working days of the cell's resolution (§4.3.1: 30);
    /// done by <c>fullMembershipDecided</c> or <c>probationaryStruckOff</c>.
    /// </summary>
    DecideFullMembership,
}

/// <summary>The status of a deadline on the "as of" date. JSON names are camelCase.</summary>
public enum DeadlineStatus
{
    /// <summary>Not yet due, more than 5 working days away (or, for a ceremony whose delay was approved, past due and not yet held).</summary>
    Pending,

    /// <summary>Due within the next 5 working days, the due day included.</summary>
    DueSoon,

    /// <summary>The due day has passed and the action was not done.</summary>
    Overdue,

    /// <summary>Done on or before the due day.</summary>
    Met,

    /// <summary>Done, but after the due day.</summary>
    MetLate,
}
