using System.Collections.Generic;
using System.Linq;
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
        var deadlines = new List<Deadline>(4);
        var live = !history.Stage.IsTerminal();
        var soon = calendar.TryAddWorkingDays(asOf, DueSoonWorkingDays, out var end) ? end : WorkingDayCalendar.MaxDate;
        DeadlineStatus Status(LocalDate due, LocalDate? done, bool excused = false) => done is { } d
            ? (d <= due || excused ? DeadlineStatus.Met : DeadlineStatus.MetLate)
            : asOf > due ? (excused ? DeadlineStatus.Pending : DeadlineStatus.Overdue)
            : due <= soon ? DeadlineStatus.DueSoon
            : DeadlineStatus.Pending;

        var admissionVoted = history.EventsOf<CellVoted>().Any(v => v.Event.Purpose == VotePurpose.Admission);
        if (live && !admissionVoted && history.Last<AwarenessCourseCompleted>() is { } course)
        {
            var durations = rules.DurationsOn(course.Date);
            var due = course.Date.PlusMonths(durations.CertificateValidityMonths).PlusDays(-1);
            due = due < course.Date ? course.Date : due;
            deadlines.Add(new Deadline(DeadlineAction.CertificateExpires, course.Date, due, Status(due, null), durations.CertificateSource));
        }

        var ceremony = history.First<CeremonyHeld>();
        if (history.First<AdmissionDecisionReceived>() is { } received && (live || ceremony is not null))
        {
            var durations = rules.DurationsOn(received.Date);
            if (calendar.TryAddWorkingDays(received.Date, durations.CeremonyDeadlineWorkingDays, out var due))
            {
                var delayApproved = history.First<CeremonyDelayApproved>() is not null;
                deadlines.Add(new Deadline(DeadlineAction.HoldCeremony, received.Date, due,
                    Status(due, ceremony?.Date, delayApproved), durations.CeremonySource, ceremony?.Date));
            }
        }

        if (history.PartyEntry is { } entry)
        {
            var durations = rules.DurationsOn(entry);
            var probationEnds = entry.PlusMonths(durations.ProbationMonths);
            LocalDate? ended = asOf > probationEnds ? probationEnds : null;
            if (live || ended is not null)
            {
                deadlines.Add(new Deadline(DeadlineAction.ProbationEnds, entry, probationEnds, Status(probationEnds, ended), durations.ProbationSource, ended));
            }

            var vote = history.EventsOf<CellVoted>().Where(v => v.Event.Purpose == VotePurpose.FullMembership).Select(v => (LocalDate?)v.Event.Date).FirstOrDefault();
            var voteDurations = rules.DurationsOn(probationEnds);
            if ((live || vote is not null)
                && calendar.TryAddWorkingDays(probationEnds, voteDurations.FullMembershipVoteDeadlineWorkingDays, out var voteDue))
            {
                deadlines.Add(new Deadline(DeadlineAction.FullMembershipVote, probationEnds, voteDue, Status(voteDue, vote), voteDurations.FullMembershipVoteSource, vote));
            }
        }

        return deadlines;
    }
}
