using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>A legal deadline of a case (thời hạn), with its due date and status on the "as of" date.</summary>
/// <param name="Action">What must be done.</param>
/// <param name="Start">The day the period starts (the deadline is never before it).</param>
/// <param name="Due">The last day on which the action is in time (inclusive).</param>
/// <param name="Status">The status on the "as of" date.</param>
/// <param name="Source">The legal source.</param>
/// <param name="Done">The day the action was done, or null.</param>
public sealed record Deadline(DeadlineAction Action, LocalDate Start, LocalDate Due, DeadlineStatus Status, string Source, LocalDate? Done = null);

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
}

/// <summary>The status of a deadline on the "as of" date. JSON names are camelCase.</summary>
public enum DeadlineStatus
{
    /// <summary>Not yet due, more than 5 working days away.</summary>
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
