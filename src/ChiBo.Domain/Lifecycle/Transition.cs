using System;
using ChiBo.Cases;
using ChiBo.Text;
using ChiBo.Utility;

namespace ChiBo.Lifecycle;

/// <summary>
/// One row of the transition table (bảng chuyển giai đoạn): an event of kind <see cref="Event"/> in stage
/// <see cref="From"/> moves the case to <see cref="To"/> (the same stage for events that only add to the
/// record), when <see cref="Guard"/> holds. <see cref="Gate"/> names the gate this event passes, whose rules
/// judge it (the lifecycle records the event either way; the rules report a failed gate as a violation).
/// </summary>
/// <param name="From">The stage before the event.</param>
/// <param name="Event">The event's kind.</param>
/// <param name="To">The stage after the event.</param>
/// <param name="Guard">A condition on the case or event, or null for none.</param>
/// <param name="Gate">The gate the event passes, or null.</param>
public sealed record Transition(Stage From, EventKind Event, Stage To, TransitionGuard? Guard = null, Gate? Gate = null)
{
    /// <summary>Whether the event leaves the stage as it was (it adds to the record only).</summary>
    public bool KeepsStage => From == To;
}

/// <summary>
/// A named condition on a transition, with a description that answers "why can't I?" in both languages
/// (Stateless' guard descriptions). The predicate is internal: the table is data to read and walk.
/// </summary>
public sealed class TransitionGuard
{
    private readonly Func<GuardContext, bool> predicate;

    internal TransitionGuard(string code, LocalizedText condition, Func<GuardContext, bool> predicate)
    {
        Code = Preconditions.CheckNotNull(code, nameof(code));
        Condition = condition;
        this.predicate = Preconditions.CheckNotNull(predicate, nameof(predicate));
    }

    /// <summary>A stable code, e.g. <c>cell.isSubordinate</c>.</summary>
    public string Code { get; }

    /// <summary>What must hold, e.g. "the cell is a subordinate cell".</summary>
    public LocalizedText Condition { get; }

    internal bool Holds(GuardContext context) => predicate(context);

    /// <summary>Returns the code and the English condition.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Code}: {Condition.En}";
}

/// <summary>What a guard may look at: the case, the replay so far, and the event.</summary>
internal readonly record struct GuardContext(CaseFile Case, bool IsExempt, bool HasFullMembershipVote, CaseEvent Event);
