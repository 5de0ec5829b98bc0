using System.Diagnostics.CodeAnalysis;
using System;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Lifecycle;

/// <summary>
/// Derives a case's stage by replaying its events through the <see cref="TransitionTable"/>: a pure fold,
/// deterministic given the case and the "as of" date. Events are taken in date order, then file order;
/// events dated after the "as of" date are ignored.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>Replays a case.</summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="asOf">Ignore events after this date; null to replay every event.</param>
    /// <param name="table">The table to use; <see cref="TransitionTable.Standard"/> when null.</param>
    /// <returns>The history, or the first event that cannot follow the stage reached before it.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public static ReplayResult Replay(CaseFile caseFile, LocalDate? asOf = null, TransitionTable? table = null)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        table ??= TransitionTable.Standard;

        var events = caseFile.Events.AsSpan();
        Span<int> order = events.Length <= 128 ? stackalloc int[events.Length] : new int[events.Length];
        var count = InReplayOrder(events, asOf, order);
        order = order[..count];

        var stage = table.Initial;
        var exempt = false;
        var fullMembershipVote = false;
        var applied = new ReplayStep[count];
        for (var k = 0; k < order.Length; k++)
        {
            var index = order[k];
            var e = events[index];
            if (stage.IsTerminal())
            {
                return Reject(caseFile, index, e, stage, null, new LocalizedText(
                    $"hồ sơ đã kết thúc ở giai đoạn «{Labels.Stage(stage).Vi}»; không sự kiện nào có thể tiếp theo",
                    $"the case ended at the stage “{Labels.Stage(stage).En}”; no event can follow"));
            }

            var candidates = table.Rows(stage, e.Kind);
            if (candidates.IsEmpty)
            {
                return RejectImpossible(caseFile, index, e, stage, table);
            }

            var context = new GuardContext(caseFile, exempt, fullMembershipVote, e);
            Transition? chosen = null;
            foreach (var candidate in candidates)
            {
                if (candidate.Guard is null || candidate.Guard.Holds(context))
                {
                    chosen = candidate;
                    break;
                }
            }

            if (chosen is null)
            {
                var rows = candidates.ToArray();
                var guard = rows[0].Guard!;
                return Reject(caseFile, index, e, stage, guard, new LocalizedText(
                    $"sự kiện «{Labels.Event(e.Kind).Vi}» ({e.TypeName}) ở giai đoạn «{Labels.Stage(stage).Vi}» cần: {string.Join("; hoặc ", rows.Select(c => c.Guard!.Condition.Vi))}",
                    $"the event “{e.TypeName}” in the stage “{Labels.Stage(stage).En}” needs: {string.Join("; or ", rows.Select(c => c.Guard!.Condition.En))}"));
            }

            switch (e)
            {
                case ExemptionGranted:
                    exempt = true;
                    break;
                case ExemptionEnded:
                    exempt = false;
                    break;
                case CellVoted { Purpose: VotePurpose.FullMembership } when stage == Stage.Probationary:
                    fullMembershipVote = true;
                    break;
            }

            applied[k] = new ReplayStep(index, e, stage, chosen.To, chosen.Gate);
            stage = chosen.To;
        }

        return new ReplayResult(
            new CaseHistory(caseFile, asOf, stage, exempt, applied, events.Length - count),
            null);
    }

    /// <summary>
    /// Writes the indices of the events on or before <paramref name="asOf"/> in replay order — by date, then file
    /// order — and returns how many. An insertion sort, stable and linear on the usual file already in date order.
    /// </summary>
    private static int InReplayOrder(ReadOnlySpan<CaseEvent> events, LocalDate? asOf, Span<int> order)
    {
        var count = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var date = events[i].Date;
            if (asOf is { } last && date > last)
            {
                continue;
            }

            var at = count++;
            while (at > 0 && events[order[at - 1]].Date > date)
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }

        return count;
    }

    /// <summary>
    /// Appends one event to a case if the lifecycle accepts it. A rejected event leaves the case unchanged:
    /// the result holds the rejection and the original case is returned untouched by the caller.
    /// </summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="caseEvent">The event to record.</param>
    /// <returns>The replayed new case, or the rejection.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static ReplayResult TryAppend(CaseFile caseFile, CaseEvent caseEvent)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        Preconditions.CheckNotNull(caseEvent, nameof(caseEvent));
        return Replay(caseFile.WithEvent(caseEvent));
    }

    // Out of the loop: a lambda over the loop's event would make a closure object for every event replayed.
    private static ReplayResult RejectImpossible(CaseFile caseFile, int index, CaseEvent e, Stage stage, TransitionTable table)
    {
        var from = table.Transitions.Where(t => t.Event == e.Kind).Select(t => t.From).Distinct().ToArray();
        var listVi = string.Join(", ", from.Select(f => $"«{Labels.Stage(f).Vi}»"));
        var listEn = string.Join(", ", from.Select(f => $"“{Labels.Stage(f).En}”"));
        return Reject(caseFile, index, e, stage, null, new LocalizedText(
            $"sự kiện «{Labels.Event(e.Kind).Vi}» ({e.TypeName}) không thể xảy ra ở giai đoạn «{Labels.Stage(stage).Vi}»; chỉ có thể từ: {listVi}",
            $"the event “{e.TypeName}” cannot follow the stage “{Labels.Stage(stage).En}”; it is possible only from: {listEn}"));
    }

    private static ReplayResult Reject(CaseFile caseFile, int index, CaseEvent e, Stage stage, TransitionGuard? guard, LocalizedText reason) =>
        new(null, new LifecycleRejection(index, e.Kind, e.Date, stage, guard?.Code, reason));
}

/// <summary>
/// Why an event cannot follow the case's stage on its date: the event's index in the file, its type and
/// date, the stage it met, the guard that failed (if any), and the reason in both languages.
/// </summary>
/// <param name="EventIndex">The 0-based index in the file's <c>events</c>.</param>
/// <param name="Event">The event's kind.</param>
/// <param name="Date">The event's date.</param>
/// <param name="Stage">The stage the case was in.</param>
/// <param name="Guard">The failed guard's code, or null when no row permits the event in the stage.</param>
/// <param name="Reason">Why, in Vietnamese and English.</param>
public sealed record LifecycleRejection(int EventIndex, EventKind Event, LocalDate Date, Stage Stage, string? Guard, LocalizedText Reason)
{
    /// <summary>The rejection as a case-file error (code <c>lifecycle.rejected</c>).</summary>
    /// <param name="fileName">The file name, or null.</param>
    /// <returns>The error, naming the event's index, type and date.</returns>
    public CaseFileError ToError(string? fileName = null) => new("lifecycle.rejected", Reason.En, fileName,
        Path: $"$.events[{EventIndex}]", EventIndex: EventIndex, EventType: EventKinds.JsonName(Event), EventDate: Date);

    /// <summary>Returns the English error line.</summary>
    /// <returns>The formatted rejection.</returns>
    public override string ToString() => ToError().ToString();
}

/// <summary>The outcome of a replay: the history, or the rejection of the first impossible event (never both).</summary>
/// <param name="History">The replayed history, or null.</param>
/// <param name="Rejection">The rejection, or null.</param>
public sealed record ReplayResult(CaseHistory? History, LifecycleRejection? Rejection)
{
    /// <summary>Whether every event was accepted: then <see cref="History"/> is not null, and <see cref="Rejection"/> is.</summary>
    [MemberNotNullWhen(true, nameof(History))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => History is not null;

    /// <summary>The same as <see cref="IsAccepted"/>, named as every ChiBo result names success.</summary>
    [MemberNotNullWhen(true, nameof(History))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => History is not null;

    /// <summary>The history, or a <see cref="Cases.CaseFileException"/> naming the rejected event.</summary>
    /// <returns>The history.</returns>
    /// <exception cref="Cases.CaseFileException">An event was rejected.</exception>
    public CaseHistory GetValueOrThrow() => History ?? throw new Cases.CaseFileException([Rejection!.ToError()]);
}
