using System.Collections.Generic;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Planning;

/// <summary>A person of the roster, as reports name them.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="FullName">The person's name.</param>
/// <param name="File">The case file's name.</param>
public sealed record PersonRef(string Id, string FullName, string File);

/// <summary>A person of a plan with the date that matters for the entry.</summary>
/// <param name="Person">The person.</param>
/// <param name="Stage">The person's stage on the plan's as-of date.</param>
/// <param name="Date">
/// For an admission, the ceremony's date (ngày vào Đảng); for an expected admission, the day the ceremony is due, or null
/// while the cell has not yet received the decision; for an expected full membership, the day the probation ends.
/// </param>
public sealed record PlanEntry(PersonRef Person, Stage Stage, LocalDate? Date);

/// <summary>A warning of a plan or a finding of an audit (cảnh báo): a stable code, a message, and the people concerned.</summary>
/// <param name="Code">A stable code, e.g. <c>target.missed</c>.</param>
/// <param name="Message">What is wrong, in both languages.</param>
/// <param name="People">The people concerned (may be empty).</param>
public sealed record PlanWarning(string Code, LocalizedText Message, IReadOnlyList<PersonRef> People)
{
    /// <summary>
    /// For <c>deadline.overdue</c> in an audit, the deadline concerned, with its start, due day, lateness in working days
    /// and <see cref="Evaluation.Deadline.Finding"/>; null otherwise (not written in JSON then).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Deadline? Deadline { get; init; }
}

/// <summary>A count per priority group.</summary>
/// <param name="Group">The group.</param>
/// <param name="IsPriority">Whether the cell file names the group a priority of the plan.</param>
/// <param name="Admitted">Admitted in the year (by ceremony date).</param>
/// <param name="InPipeline">In the pipeline on the as-of date (source to admission decided).</param>
public sealed record PriorityCount(PriorityGroup Group, bool IsPriority, int Admitted, int InPipeline);

/// <summary>A count per stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Count">The number of cases in it.</param>
public sealed record StageCount(Stage Stage, int Count);

/// <summary>
/// A cell's admission plan for a year (kế hoạch kết nạp đảng viên): target against admissions, the pipeline by
/// stage, priority groups, what should complete within the year, and warnings.
/// </summary>
/// <param name="Year">The plan year.</param>
/// <param name="AsOf">The date the roster was evaluated on.</param>
/// <param name="Cell">The cell, or null when the roster has no cell file.</param>
/// <param name="Supervisor">The plan's supervisor, or null.</param>
/// <param name="Target">The year's target, or null when none is set.</param>
/// <param name="Admitted">The people admitted in the year (ceremony in the year, on or before the as-of date), by ceremony date.</param>
/// <param name="ByStage">Every case by its stage on the as-of date, every stage listed (the totals equal the roster's cases).</param>
/// <param name="Pipeline">The cases in the pipeline on the as-of date (source to admission decided).</param>
/// <param name="PriorityGroups">Counts per priority group (every group, priority or not).</param>
/// <param name="ExpectedAdmissions">Cases with an admission decision whose ceremony is due within the year (or not yet due: decision not received).</param>
/// <param name="ExpectedFullMemberships">Probationary members whose probation ends within the year (full membership takes effect that day).</param>
/// <param name="Warnings">Warnings, in a stable order.</param>
/// <param name="Errors">Files and cases that could not be read or replayed (nothing is dropped silently).</param>
public sealed record AdmissionPlan(
    int Year,
    LocalDate AsOf,
    Cell? Cell,
    Supervisor? Supervisor,
    AdmissionTarget? Target,
    IReadOnlyList<PlanEntry> Admitted,
    IReadOnlyList<StageCount> ByStage,
    int Pipeline,
    IReadOnlyList<PriorityCount> PriorityGroups,
    IReadOnlyList<PlanEntry> ExpectedAdmissions,
    IReadOnlyList<PlanEntry> ExpectedFullMemberships,
    IReadOnlyList<PlanWarning> Warnings,
    IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>The screening of members: those to consider striking off on the as-of date, and the year's outcomes.</summary>
    public ScreeningSummary Screening { get; init; } = ScreeningSummary.None;
}

/// <summary>A violation found by the audit, with its person and event date.</summary>
/// <param name="Person">The person.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Event">The event's index in the case file.</param>
/// <param name="Date">The event's date.</param>
/// <param name="Message">What was broken.</param>
/// <param name="Source">The legal source.</param>
/// <param name="RuleSet">The rule set that judged it.</param>
public sealed record AuditViolation(PersonRef Person, string Rule, int Event, LocalDate Date, LocalizedText Message, string Source, string RuleSet)
{
    /// <summary>The rule's title for tables (<see cref="RuleViolation.Title"/>), or null when the rules name none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Title { get; init; }

    /// <summary>What happened, with the case's numbers and dates (<see cref="RuleViolation.Finding"/>), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Finding { get; init; }

    /// <summary>The named values that decided the rule (<see cref="RuleViolation.Facts"/>), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public FactValues? Facts { get; init; }

    /// <summary>The kind of the event at <see cref="Event"/> (<c>eventKind</c>): with <see cref="Date"/>, how a reader names it ("chi bộ biểu quyết ngày 05/07/2019").</summary>
    public EventKind EventKind { get; init; }
}

/// <summary>The violations of one rule.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Source">The legal source (of the first violation; rule sets of other eras may cite another article).</param>
/// <param name="Count">How many.</param>
/// <param name="Violations">Each violation, by date.</param>
public sealed record RuleViolationGroup(string Rule, string Source, int Count, IReadOnlyList<AuditViolation> Violations);

/// <summary>The violations of one person.</summary>
/// <param name="Person">The person.</param>
/// <param name="Violations">The violations, by date.</param>
public sealed record PersonViolations(PersonRef Person, IReadOnlyList<AuditViolation> Violations);

/// <summary>A member-management outcome of the year (struck off, expelled, exempted, transferred, removed, refused).</summary>
/// <param name="Person">The person.</param>
/// <param name="Event">The event's kind.</param>
/// <param name="Date">The event's date.</param>
/// <param name="Detail">The reason or destination recorded.</param>
public sealed record MemberOutcome(PersonRef Person, EventKind Event, LocalDate Date, string? Detail);

/// <summary>The number of outcomes of one kind.</summary>
/// <param name="Event">The kind.</param>
/// <param name="Count">How many in the year.</param>
public sealed record OutcomeCount(EventKind Event, int Count);

/// <summary>
/// The supervision audit of a year (kiểm tra, giám sát): every violation in the year grouped by rule and by
/// person, other findings (overdue deadlines, missed duties, records that disagree with the cell file), and the
/// year's member-management outcomes.
/// </summary>
/// <param name="Year">The audited year.</param>
/// <param name="AsOf">The date the roster was evaluated on.</param>
/// <param name="Cell">The cell, or null.</param>
/// <param name="Supervisor">The supervisor, or null.</param>
/// <param name="ViolationCount">The number of violations in the year.</param>
/// <param name="ByRule">Violations grouped by rule, most frequent first.</param>
/// <param name="ByPerson">Violations per person, in roster order.</param>
/// <param name="Findings">Other findings, in a stable order.</param>
/// <param name="Outcomes">Counts of member-management outcomes, every kind listed.</param>
/// <param name="OutcomeList">Each outcome, by date.</param>
/// <param name="Errors">Files and cases that could not be read or replayed.</param>
public sealed record SupervisionAudit(
    int Year,
    LocalDate AsOf,
    Cell? Cell,
    Supervisor? Supervisor,
    int ViolationCount,
    IReadOnlyList<RuleViolationGroup> ByRule,
    IReadOnlyList<PersonViolations> ByPerson,
    IReadOnlyList<PlanWarning> Findings,
    IReadOnlyList<OutcomeCount> Outcomes,
    IReadOnlyList<MemberOutcome> OutcomeList,
    IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>The screening of members: those to consider striking off on the as-of date, and the year's outcomes.</summary>
    public ScreeningSummary Screening { get; init; } = ScreeningSummary.None;
}

/// <summary>What an item of due work is: a case's legal deadline or a cell's periodic duty.</summary>
public enum DueKind
{
    /// <summary>A deadline of a case, from its evaluation (<see cref="DeadlineAction"/>).</summary>
    Deadline,

    /// <summary>A periodic duty of the cell's plan (<see cref="DutyKind"/>).</summary>
    Duty,
}

/// <summary>One item of due work: a case's deadline or a cell's periodic duty.</summary>
/// <param name="Kind">Deadline or duty.</param>
/// <param name="Action">What is due: a <see cref="DeadlineAction"/> or <see cref="DutyKind"/> JSON name (camelCase), e.g. <c>holdCeremony</c>, <c>sourceSurvey</c>.</param>
/// <param name="Person">The person, or null for a cell duty.</param>
/// <param name="Due">The last day to do it (inclusive).</param>
/// <param name="Status">The status on the as-of date: pending, dueSoon (within 5 working days, the due day included) or overdue.</param>
/// <param name="Source">The legal or plan source.</param>
/// <param name="LastDone">For a duty, the last meeting held for it on or before the as-of date, or null when none is recorded.</param>
public sealed record DueItem(DueKind Kind, string Action, PersonRef? Person, LocalDate Due, DeadlineStatus Status, string Source, LocalDate? LastDone = null)
{
    /// <summary>For a deadline, the day its period started (<see cref="Deadline.Start"/>); null for a duty.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LocalDate? Start { get; init; }

    /// <summary>For a deadline, the kind of the event that started it (<see cref="Deadline.StartEvent"/>), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public EventKind? StartEvent { get; init; }

    /// <summary>For an overdue deadline, the working days past its due day (<see cref="Deadline.WorkingDaysLate"/>), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? WorkingDaysLate { get; init; }

    /// <summary>For a deadline, what happened with its dates (<see cref="Deadline.Finding"/>), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Finding { get; init; }
}

/// <summary>Due work across a roster on a date (việc đến hạn): every open deadline and duty, by due date.</summary>
/// <param name="AsOf">The date.</param>
/// <param name="Cell">The cell, or null.</param>
/// <param name="Items">Every open deadline (not yet met) and the next occurrence of each duty, by due date.</param>
/// <param name="Errors">Files and cases that could not be read or replayed.</param>
public sealed record DueWork(LocalDate AsOf, Cell? Cell, IReadOnlyList<DueItem> Items, IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>
    /// The members the cell must consider striking off on the date (<c>considerStrikeOff</c>): each probationary or full
    /// member with a failed standing check, with the checks failed and what was found (Quy định 24-QĐ/TW §8.1; Chỉ thị
    /// 28-CT/TW: "rà soát, sàng lọc"), in roster order.
    /// </summary>
    public IReadOnlyList<ScreeningCandidate> Screening { get; init; } = [];
}

/// <summary>
/// A member the cell must consider striking off (rà soát, sàng lọc; Chỉ thị 28-CT/TW, 21/01/2019): a probationary or full
/// member with a failed standing check on the date.
/// </summary>
/// <param name="Action">What is due: always <c>considerStrikeOff</c>.</param>
/// <param name="Person">The member.</param>
/// <param name="Stage">The member's stage: <c>probationary</c> or <c>fullMember</c>.</param>
/// <param name="Proposal">
/// The outcome to consider: <see cref="EventKind.ProbationaryStruckOff"/> for a probationary member (xóa tên đảng viên dự
/// bị), <see cref="EventKind.StruckOff"/> for a full member (xóa tên).
/// </param>
/// <param name="Failed">The standing checks failed, each with its message, detail (the months or years found) and source.</param>
public sealed record ScreeningCandidate(string Action, PersonRef Person, Stage Stage, EventKind Proposal, IReadOnlyList<RuleCheck> Failed)
{
    /// <summary>The action's name: <c>considerStrikeOff</c>.</summary>
    public const string ConsiderStrikeOff = "considerStrikeOff";
}

/// <summary>
/// The screening of members in a year (rà soát, sàng lọc đảng viên; Chỉ thị 28-CT/TW): the members to consider striking
/// off on the date, and the year's outcomes (on or before the date).
/// </summary>
/// <param name="ToScreen">The members with a failed standing check on the date.</param>
/// <param name="StruckOff">Full members struck off in the year (<c>struckOff</c>).</param>
/// <param name="ProbationaryStruckOff">Probationary members struck off in the year (<c>probationaryStruckOff</c>).</param>
/// <param name="Expelled">Members expelled in the year (<c>expelled</c>).</param>
/// <param name="Exempted">Members exempted from party work in the year (<c>exemptionGranted</c>).</param>
public sealed record ScreeningSummary(IReadOnlyList<ScreeningCandidate> ToScreen, int StruckOff, int ProbationaryStruckOff, int Expelled, int Exempted)
{
    /// <summary>No member to screen, no outcome.</summary>
    public static ScreeningSummary None { get; } = new([], 0, 0, 0, 0);
}
