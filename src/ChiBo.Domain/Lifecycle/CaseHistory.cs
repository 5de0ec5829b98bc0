using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using ChiBo.Cases;
using NodaTime;

namespace ChiBo.Lifecycle;

/// <summary>One event as replayed: its index in the file, the event, and the stages before and after it.</summary>
/// <param name="Index">The 0-based index of the event in the case file's <c>events</c>.</param>
/// <param name="Event">The event.</param>
/// <param name="Before">The stage before the event.</param>
/// <param name="After">The stage after it.</param>
/// <param name="Gate">The gate the event passed, or null.</param>
public sealed record AppliedEvent(int Index, CaseEvent Event, Stage Before, Stage After, Gate? Gate);

/// <summary>
/// One event as replayed, in 16 bytes: what <see cref="AppliedEvent"/> holds, without an object per event. The
/// evaluation reads a history's steps (<see cref="CaseHistory.Steps"/>); <see cref="CaseHistory.Applied"/> is made from
/// them when first read.
/// </summary>
internal readonly struct ReplayStep
{
    private readonly int index;
    private readonly byte before;
    private readonly byte after;
    private readonly sbyte gate;

    /// <summary>A step; the stages and the gate fit a byte (the enums have a few dozen values).</summary>
    public ReplayStep(int index, CaseEvent e, Stage before, Stage after, Gate? gate)
    {
        Event = e;
        this.index = index;
        this.before = checked((byte)before);
        this.after = checked((byte)after);
        this.gate = gate is { } g ? checked((sbyte)g) : (sbyte)-1;
    }

    /// <summary>The event.</summary>
    public CaseEvent Event { get; }

    /// <summary>The 0-based index of the event in the case file's <c>events</c>.</summary>
    public int Index => index;

    /// <summary>The stage before the event.</summary>
    public Stage Before => (Stage)before;

    /// <summary>The stage after it.</summary>
    public Stage After => (Stage)after;

    /// <summary>The gate the event passed, or null.</summary>
    public Gate? Gate => gate < 0 ? null : (Gate)gate;

    /// <summary>The step as the public record.</summary>
    public AppliedEvent ToApplied() => new(Index, Event, Before, After, Gate);
}

/// <summary>
/// A case replayed up to an "as of" date (diễn biến hồ sơ): the stage it reached, the exemption flag, and
/// every event applied in date order (then file order). Produced by <see cref="CaseLifecycle.Replay"/>;
/// immutable.
/// </summary>
public sealed class CaseHistory
{
    internal CaseHistory(CaseFile caseFile, LocalDate? asOf, Stage stage, bool isExempt, ReplayStep[] steps, int ignored)
    {
        Case = caseFile;
        AsOf = asOf;
        Stage = stage;
        IsExempt = isExempt;
        this.steps = steps;
        IgnoredAfterAsOf = ignored;
    }

    // The replay's steps; the public records are made from them when Applied is first read (most evaluations never do).
    private readonly ReplayStep[] steps;
    private AppliedEvent[]? applied;

    /// <summary>The case file replayed.</summary>
    public CaseFile Case { get; }

    /// <summary>The "as of" date: events after it were ignored; null when every event was replayed.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>The stage reached.</summary>
    public Stage Stage { get; }

    /// <summary>Whether the member is exempt from party work and activities (miễn công tác và sinh hoạt đảng).</summary>
    public bool IsExempt { get; }

    /// <summary>The events applied, in replay order (date, then file order).</summary>
    public ImmutableArray<AppliedEvent> Applied => ImmutableCollectionsMarshal.AsImmutableArray(applied ?? MakeApplied());

    /// <summary>The events applied, in replay order, as steps (what <see cref="Applied"/> holds, without its objects).</summary>
    internal ReadOnlySpan<ReplayStep> Steps => steps;

    private AppliedEvent[] MakeApplied()
    {
        var made = new AppliedEvent[steps.Length];
        for (var i = 0; i < made.Length; i++)
        {
            made[i] = steps[i].ToApplied();
        }

        // Whichever thread publishes first wins, so every reader sees the same instances.
        return Interlocked.CompareExchange(ref applied, made, null) ?? made;
    }

    /// <summary>How many events were dated after <see cref="AsOf"/> and ignored.</summary>
    public int IgnoredAfterAsOf { get; }

    /// <summary>The applied events of one type, in replay order.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>Each event with its file index.</returns>
    public IEnumerable<(int Index, T Event)> EventsOf<T>() where T : CaseEvent =>
        steps.Where(a => a.Event is T).Select(a => (a.Index, (T)a.Event));

    /// <summary>The last applied event of one type (in replay order), or null.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The event, or null.</returns>
    public T? Last<T>() where T : CaseEvent
    {
        var applied = Steps;
        for (var i = applied.Length - 1; i >= 0; i--)
        {
            if (applied[i].Event is T e)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The first applied event of one type (in replay order), or null.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The event, or null.</returns>
    public T? First<T>() where T : CaseEvent
    {
        foreach (var step in Steps)
        {
            if (step.Event is T e)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The party entry date (ngày vào Đảng): the ceremony's date, or null before a ceremony.</summary>
    public LocalDate? PartyEntry => First<CeremonyHeld>()?.Date;

    /// <summary>The next gate ahead of the case, from its stage and record.</summary>
    public Gate NextGate => Stage switch
    {
        Stage.Prospect or Stage.Source => Gate.SympathizerList,
        Stage.Sympathizer => First<AwarenessCourseCompleted>() is null ? Gate.AwarenessCourse : Gate.CellAdmissionVote,
        Stage.Applicant => Gate.CellAdmissionVote,
        Stage.ProposedByCell => CellOnAsOf.Kind == CellKind.SubordinateCell ? Gate.CommitteeApproval : Gate.AdmissionDecision,
        Stage.ApprovedByGrassrootsCommittee => Gate.AdmissionDecision,
        Stage.AdmissionDecided => Gate.Ceremony,
        Stage.Probationary => NextProbationGate(),
        _ => Gate.None,
    };

    private Gate NextProbationGate()
    {
        bool cellVoted = false, committeeVoted = false;
        foreach (var step in Steps)
        {
            cellVoted |= step.Event is CellVoted { Purpose: VotePurpose.FullMembership };
            committeeVoted |= step.Event is GrassrootsCommitteeVoted { Purpose: VotePurpose.FullMembership };
        }

        if (!cellVoted)
        {
            return Gate.FullMembershipVote;
        }

        return CellOnAsOf.Kind == CellKind.SubordinateCell && !committeeVoted ? Gate.CommitteeApproval : Gate.FullMembershipDecision;
    }

    /// <summary>
    /// The cell as it stood on <see cref="AsOf"/> (<see cref="Cell.On"/>; <c>cell.changes</c>), or, for a history
    /// replayed to its end, on the date of its last event.
    /// </summary>
    public Cell CellOnAsOf => AsOf is { } date ? Case.Cell.On(date)
        : steps.Length == 0 ? Case.Cell : Case.Cell.On(steps[^1].Event.Date);

    /// <summary>Returns the person's id and the stage.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Case.Person.Id}: {Stage.JsonName()}";
}
