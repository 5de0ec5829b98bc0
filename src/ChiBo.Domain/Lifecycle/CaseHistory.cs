using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// A case replayed up to an "as of" date (diễn biến hồ sơ): the stage it reached, the exemption flag, and
/// every event applied in date order (then file order). Produced by <see cref="CaseLifecycle.Replay"/>;
/// immutable.
/// </summary>
public sealed class CaseHistory
{
    internal CaseHistory(CaseFile caseFile, LocalDate? asOf, Stage stage, bool isExempt, ImmutableArray<AppliedEvent> applied, int ignored)
    {
        Case = caseFile;
        AsOf = asOf;
        Stage = stage;
        IsExempt = isExempt;
        Applied = applied;
        IgnoredAfterAsOf = ignored;
    }

    /// <summary>The case file replayed.</summary>
    public CaseFile Case { get; }

    /// <summary>The "as of" date: events after it were ignored; null when every event was replayed.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>The stage reached.</summary>
    public Stage Stage { get; }

    /// <summary>Whether the member is exempt from party work and activities (miễn công tác và sinh hoạt đảng).</summary>
    public bool IsExempt { get; }

    /// <summary>The events applied, in replay order (date, then file order).</summary>
    public ImmutableArray<AppliedEvent> Applied { get; }

    /// <summary>How many events were dated after <see cref="AsOf"/> and ignored.</summary>
    public int IgnoredAfterAsOf { get; }

    /// <summary>The applied events of one type, in replay order.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>Each event with its file index.</returns>
    public IEnumerable<(int Index, T Event)> EventsOf<T>() where T : CaseEvent =>
        Applied.Where(a => a.Event is T).Select(a => (a.Index, (T)a.Event));

    /// <summary>The last applied event of one type (in replay order), or null.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The event, or null.</returns>
    public T? Last<T>() where T : CaseEvent
    {
        var applied = Applied.AsSpan();
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
        foreach (var step in Applied.AsSpan())
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
        foreach (var step in Applied.AsSpan())
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
        : Applied.IsEmpty ? Case.Cell : Case.Cell.On(Applied[^1].Event.Date);

    /// <summary>Returns the person's id and the stage.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Case.Person.Id}: {Stage.JsonName()}";
}
