using System.Collections.Generic;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>
/// The legal deadlines of a replayed case on its "as of" date, in the order of the process: the course
/// certificate, the ceremony, the end of probation, the full-membership vote. Durations come from
/// <see cref="ICaseRules.DurationsOn"/> on each period's start; working days from the <see cref="WorkingDayCalendar"/>.
/// The rules are documented on <see cref="Deadline"/>.
/// </summary>
internal static class CaseDeadlines
{
    /// <summary>How far ahead "due soon" looks: the next 5 working days, the due day included.</summary>
    internal const int DueSoonWorkingDays = 5;

    internal static IReadOnlyList<Deadline> Of(CaseHistory history, LocalDate asOf, ICaseRules rules, WorkingDayCalendar calendar)
    {
        // At most one of each action: collected on the stack, returned in an array of their number.
        var deadlines = default(Found);
        var count = 0;
        var live = !history.Stage.IsTerminal();
        var soon = calendar.TryAddWorkingDays(asOf, DueSoonWorkingDays, out var end) ? end : WorkingDayCalendar.MaxDate;
        DeadlineStatus Status(LocalDate due, LocalDate? done, bool excused = false) => done is { } d
            ? (d <= due || excused ? DeadlineStatus.Met : DeadlineStatus.MetLate)
            : asOf > due ? (excused ? DeadlineStatus.Pending : DeadlineStatus.Overdue)
            : due <= soon ? DeadlineStatus.DueSoon
            : DeadlineStatus.Pending;

        // One pass over the record for the cell's votes (no iterators: this runs for every evaluated case).
        var admissionVoted = false;
        LocalDate? vote = null;
        DecisionTrack admissionDecision = default, fullMembershipDecision = default;
        foreach (var step in history.Steps)
        {
            if (step.Event is CellVoted cellVote)
            {
                admissionVoted |= cellVote.Purpose == VotePurpose.Admission;
                vote ??= cellVote.Purpose == VotePurpose.FullMembership ? cellVote.Date : null;
            }

            // The deciding committee's deadlines (Quy định 29-QĐ/TW §4.3.1).
            switch (step.Event)
            {
                case CellVoted { Purpose: VotePurpose.Admission } v: admissionDecision = new DecisionTrack(v.Date, null, null); break;
                case CellVoted { Purpose: VotePurpose.FullMembership } v: fullMembershipDecision = new DecisionTrack(v.Date, null, null); break;
                case DecisionDeadlineExtended { Purpose: DecisionPurpose.Admission } x when admissionDecision.Resolution is not null:
                    admissionDecision = admissionDecision with { Extension = admissionDecision.Extension ?? x.WorkingDays };
                    break;
                case DecisionDeadlineExtended { Purpose: DecisionPurpose.FullMembership } x when fullMembershipDecision.Resolution is not null:
                    fullMembershipDecision = fullMembershipDecision with { Extension = fullMembershipDecision.Extension ?? x.WorkingDays };
                    break;
                case AdmissionDecided or AdmissionRefused when admissionDecision.Resolution is not null:
                    admissionDecision = admissionDecision with { Done = admissionDecision.Done ?? step.Event.Date };
                    break;
                case FullMembershipDecided or ProbationaryStruckOff when fullMembershipDecision.Resolution is not null:
                    fullMembershipDecision = fullMembershipDecision with { Done = fullMembershipDecision.Done ?? step.Event.Date };
                    break;
            }
        }

        if (live && !admissionVoted && history.Last<AwarenessCourseCompleted>() is { } course)
        {
            var durations = rules.DurationsOn(course.Date);
            var due = course.Date.PlusMonths(durations.CertificateValidityMonths).PlusDays(-1);
            due = due < course.Date ? course.Date : due;
            deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.CertificateExpires, course.Date, due, Status(due, null), durations.CertificateSource);
        }

        if (admissionDecision.Resolution is { } admissionResolution && (live || admissionDecision.Done is not null))
        {
            var durations = rules.DurationsOn(admissionResolution);
            var days = durations.DecideAdmissionWorkingDays + Extension(admissionDecision.Extension, durations);
            if (calendar.TryAddWorkingDays(admissionResolution, days, out var due))
            {
                deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.DecideAdmission, admissionResolution, due, Status(due, admissionDecision.Done), durations.DecisionSource, admissionDecision.Done);
            }
        }

        var ceremony = history.First<CeremonyHeld>();
        if (history.First<AdmissionDecisionReceived>() is { } received && (live || ceremony is not null))
        {
            var durations = rules.DurationsOn(received.Date);
            if (calendar.TryAddWorkingDays(received.Date, durations.CeremonyDeadlineWorkingDays, out var due))
            {
                var delayApproved = history.First<CeremonyDelayApproved>() is not null;
                deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.HoldCeremony, received.Date, due,
                    Status(due, ceremony?.Date, delayApproved), durations.CeremonySource, ceremony?.Date);
            }
        }

        if (history.PartyEntry is { } entry)
        {
            var durations = rules.DurationsOn(entry);
            var probationEnds = entry.PlusMonths(durations.ProbationMonths);
            LocalDate? ended = asOf > probationEnds ? probationEnds : null;
            if (live || ended is not null)
            {
                deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.ProbationEnds, entry, probationEnds, Status(probationEnds, ended), durations.ProbationSource, ended);
            }

            var voteDurations = rules.DurationsOn(probationEnds);
            if ((live || vote is not null)
                && calendar.TryAddWorkingDays(probationEnds, voteDurations.FullMembershipVoteDeadlineWorkingDays, out var voteDue))
            {
                deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.FullMembershipVote, probationEnds, voteDue, Status(voteDue, vote), voteDurations.FullMembershipVoteSource, vote);
            }
        }

        if (fullMembershipDecision.Resolution is { } fullResolution && (live || fullMembershipDecision.Done is not null))
        {
            var durations = rules.DurationsOn(fullResolution);
            var days = durations.DecideFullMembershipWorkingDays + Extension(fullMembershipDecision.Extension, durations);
            if (calendar.TryAddWorkingDays(fullResolution, days, out var due))
            {
                deadlines[count++] = DeadlineFindings.Describe(asOf, calendar, DeadlineAction.DecideFullMembership, fullResolution, due, Status(due, fullMembershipDecision.Done), durations.DecisionSource, fullMembershipDecision.Done);
            }
        }

        if (count == 0)
        {
            return [];
        }

        var result = new Deadline[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = deadlines[i];
        }

        return result;
    }

    /// <summary>The deadlines found, one of each action at most.</summary>
    [System.Runtime.CompilerServices.InlineArray(6)]
    private struct Found
    {
        private Deadline element;
    }

    /// <summary>The working days an extension adds: its own when within the era's maximum, else none (it does not count).</summary>
    private static int Extension(int? workingDays, LegalDurations durations) =>
        workingDays is { } days && days > 0 && days <= durations.DecisionExtensionMaxWorkingDays ? days : 0;

    /// <summary>A decision deadline's record: the latest resolution of its purpose, the first extension after it, the decision.</summary>
    private readonly record struct DecisionTrack(LocalDate? Resolution, int? Extension, LocalDate? Done);
}
