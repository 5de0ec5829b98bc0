using System;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Rules.Facts;

/// <summary>Counts working days in (from, to]: the calendar's arithmetic, passed in so facts stay pure.</summary>
/// <param name="from">The day after which counting starts.</param>
/// <param name="to">The last day counted.</param>
/// <returns>The number of working days.</returns>
internal delegate int WorkingDayCounter(LocalDate from, LocalDate to);

/// <summary>
/// Folds a replayed case into the <see cref="GateFacts"/> of one gate on one date, in one pass over the events
/// and without allocating (O(n) in the number of events; a case with more than
/// <see cref="InlineIntroducers"/> introducer events allocates one set of member ids). For a gate ahead, every replayed event counts and the gate's act has not happened; for a
/// gate already passed, the events before the gate's event count and the gate's event supplies the vote or the
/// ceremony.
/// </summary>
internal static class GateFactsBuilder
{
    /// <summary>Up to this many introducer events, reassignments are found among them on the stack (at most 16² comparisons).</summary>
    internal const int InlineIntroducers = 16;

    /// <summary>Builds the facts.</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="count">How many replayed events (in replay order) precede the gate.</param>
    /// <param name="gateDate">The gate's date: its event's date, or the "as of" date.</param>
    /// <param name="gateEvent">The gate's own event when re-checking a passed gate, else null.</param>
    /// <param name="parameters">The parameters of the rule set judging the gate.</param>
    /// <param name="workingDays">The working-day counter.</param>
    /// <returns>The facts.</returns>
    /// <remarks>Linear in <paramref name="count"/>: each event is visited once, and an introducer reassigned later
    /// (the same member id assigned again) is found through the introducer events alone.</remarks>
    public static GateFacts Build(
        CaseHistory history,
        int count,
        LocalDate gateDate,
        CaseEvent? gateEvent,
        RuleParameters parameters,
        WorkingDayCounter workingDays)
    {
        var person = history.Case.Person;
        var cell = history.Case.Cell.Changes is null ? history.Case.Cell : history.Case.Cell.On(gateDate); // the cell on the gate's date (cell.changes)
        var applied = history.Steps[..count];

        bool helper = false, application = false, declared = false, verified = false, clear = false, comments = false;
        bool youthEndorsed = false, tradeEndorsed = false, selfReview = false, helperReview = false;
        bool ageException = false, educationException = false, delayApproved = false;
        LocalDate? certificate = null, decisionReceived = null, ceremony = null;
        int introducers = 0, minMonthsTogether = int.MaxValue, introducerEvents = 0;
        var allFullMembers = true;
        Span<int> inline = stackalloc int[InlineIntroducers];
        LocalDate? admissionResolution = null, fullMembershipResolution = null;
        LocalDate? youthEndorsedOn = null, tradeEndorsedOn = null, commentsOn = null, oldestLetter = null;
        var readmissionConsent = false;
        int? admissionExtension = null, fullMembershipExtension = null;

        for (var i = 0; i < applied.Length; i++)
        {
            switch (applied[i].Event)
            {
                case HelperAssigned: helper = true; break;
                case ApplicationSubmitted: application = true; break;
                case BackgroundDeclared: declared = true; break;
                case BackgroundVerified v:
                    verified = true;
                    clear = v.Conclusion == BackgroundConclusion.Clear;
                    break;
                case CommentsCollected summary: comments = true; commentsOn = summary.Date; break;
                case YouthUnionEndorsed youthResolution: youthEndorsed = true; youthEndorsedOn = youthResolution.Date; break;
                case TradeUnionEndorsed tradeResolution: tradeEndorsed = true; tradeEndorsedOn = tradeResolution.Date; break;
                case ReadmissionConsentGiven: readmissionConsent = true; break;
                case SelfReviewSubmitted: selfReview = true; break;
                case HelperReviewSubmitted: helperReview = true; break;
                case AgeExceptionApproved: ageException = true; break;
                case EducationExceptionApproved: educationException = true; break;
                case CeremonyDelayApproved: delayApproved = true; break;
                case AwarenessCourseCompleted c: certificate = c.Date; break;
                case AdmissionDecisionReceived r: decisionReceived = r.Date; break;
                case CeremonyHeld h: ceremony ??= h.Date; break;
                // Quy định 29-QĐ/TW §4.3.1: the deciding committee's deadline runs from the cell's latest resolution.
                case CellVoted { Purpose: VotePurpose.Admission } v: admissionResolution = v.Date; admissionExtension = null; break;
                case CellVoted { Purpose: VotePurpose.FullMembership } v: fullMembershipResolution = v.Date; fullMembershipExtension = null; break;
                case DecisionDeadlineExtended { Purpose: DecisionPurpose.Admission } x: admissionExtension ??= x.WorkingDays; break;
                case DecisionDeadlineExtended { Purpose: DecisionPurpose.FullMembership } x: fullMembershipExtension ??= x.WorkingDays; break;
                case IntroducerAssigned or IntroducerReplaced:
                    if (introducerEvents < InlineIntroducers)
                    {
                        inline[introducerEvents] = i;
                    }

                    introducerEvents++;
                    break;
            }
        }

        // Each introducer counts by its last assignment (a member assigned again replaces the earlier assignment), unless
        // an introducerReplaced replaces it later (Quy định 24-QĐ/TW §3.2.2); a replacement counts unless it is replaced.
        if (introducerEvents <= InlineIntroducers)
        {
            var positions = inline[..introducerEvents];
            for (var k = 0; k < positions.Length; k++)
            {
                var later = positions[(k + 1)..];
                switch (applied[positions[k]].Event)
                {
                    case IntroducerAssigned introducer when !IsReassignedLater(applied, later, introducer.MemberId) && !IsReplacedLater(applied, later, introducer.MemberId):
                        Count(introducer, ref introducers, ref allFullMembers, ref minMonthsTogether, ref oldestLetter);
                        break;
                    case IntroducerReplaced replacement when !IsReplacedLater(applied, later, replacement.MemberId):
                        Count(replacement, ref introducers, ref allFullMembers, ref oldestLetter);
                        break;
                }
            }
        }
        else
        {
            var assignedLater = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            var replacedLater = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            for (var i = applied.Length - 1; i >= 0; i--)
            {
                switch (applied[i].Event)
                {
                    case IntroducerAssigned introducer:
                        if (!assignedLater.Contains(introducer.MemberId) && !replacedLater.Contains(introducer.MemberId))
                        {
                            Count(introducer, ref introducers, ref allFullMembers, ref minMonthsTogether, ref oldestLetter);
                        }

                        assignedLater.Add(introducer.MemberId);
                        break;
                    case IntroducerReplaced replacement:
                        if (!replacedLater.Contains(replacement.MemberId))
                        {
                            Count(replacement, ref introducers, ref allFullMembers, ref oldestLetter);
                        }

                        replacedLater.Add(replacement.Replaces);
                        break;
                }
            }
        }

        VoteFacts vote = default;
        CommitteeVoteFacts committeeVote = default;
        switch (gateEvent)
        {
            case CellVoted v:
                vote = new VoteFacts { Held = true, InFavour = v.InFavour, FullMembers = v.FullMembers };
                break;
            case GrassrootsCommitteeVoted v:
                committeeVote = new CommitteeVoteFacts { Held = true, InFavour = v.InFavour, Members = v.CommitteeMembers };
                break;
            case CeremonyHeld h:
                ceremony ??= h.Date;
                break;
        }

        // 01-HD/TW: a document older than the validity on the vote day must be redone (dossier.current).
        var validity = parameters.DossierValidityMonths;
        var documentsCurrent = Current(oldestLetter, gateDate, validity) && Current(youthEndorsedOn, gateDate, validity)
            && Current(tradeEndorsedOn, gateDate, validity) && Current(commentsOn, gateDate, validity);
        var previous = person.PreviousMembership;
        var ceremonyHeld = gateEvent is CeremonyHeld || (ceremony is { } held && held <= gateDate);
        var probationEnd = ceremony?.PlusMonths(parameters.ProbationMonths);
        return new GateFacts
        {
            Age = new AgeFacts
            {
                Months = (gateDate.Year * 12 + gateDate.Month) - (person.BirthDate.Year * 12 + person.BirthDate.Month),
                Years = FullYears(person.BirthDate, gateDate),
                ExceptionApproved = ageException,
            },
            Person = new PersonFacts
            {
                IsFemale = person.Sex == Sex.Female,
                YouthUnionMember = person.YouthUnionMemberSince is { } y && y <= gateDate,
                TradeUnionMember = person.TradeUnionMemberSince is { } t && t <= gateDate,
                IsReligious = person.Religion is not null,
                IsReligiousDignitary = person.Religion?.Role == ReligiousRole.Dignitary,
            },
            Education = new EducationFacts { Level = (int)person.EducationLevel, ExceptionApproved = educationException },
            Course = new CourseFacts
            {
                Completed = certificate is not null,
                MonthsSinceCertificate = certificate is { } d ? FullMonths(d, gateDate) : 0,
            },
            Dossier = new DossierFacts
            {
                HelperAssigned = helper,
                ApplicationSubmitted = application,
                BackgroundDeclared = declared,
                BackgroundVerified = verified,
                BackgroundClear = clear,
                CommentsCollected = comments,
                YouthUnionEndorsed = youthEndorsed,
                TradeUnionEndorsed = tradeEndorsed,
                SelfReviewSubmitted = selfReview,
                HelperReviewSubmitted = helperReview,
                DocumentsCurrent = documentsCurrent,
            },
            Introducers = new IntroducerFacts
            {
                Count = introducers,
                AllFullMembers = allFullMembers,
                MinMonthsWorkedTogether = introducers == 0 ? 0 : minMonthsTogether,
            },
            Cell = new CellFacts
            {
                HasYouthUnion = cell.HasYouthUnion,
                HasTradeUnion = cell.HasTradeUnion,
                IsSubordinate = cell.Kind == CellKind.SubordinateCell,
            },
            Vote = vote,
            CommitteeVote = committeeVote,
            Ceremony = new CeremonyFacts
            {
                DecisionReceived = decisionReceived is not null,
                Held = ceremonyHeld,
                DelayApproved = delayApproved,
                WorkingDaysSinceDecision = decisionReceived is { } received && gateDate > received ? workingDays(received, gateDate) : 0,
            },
            Probation = new ProbationFacts
            {
                Started = ceremony is { } start && start <= gateDate,
                FullMonths = ceremony is { } entry && entry <= gateDate ? FullMonths(entry, gateDate) : 0,
                WorkingDaysAfterEnd = probationEnd is { } end && gateDate > end ? workingDays(end, gateDate) : 0,
            },
            Decision = new DecisionFacts
            {
                WorkingDaysSinceAdmissionResolution = admissionResolution is { } a && gateDate > a ? workingDays(a, gateDate) : 0,
                AdmissionExtensionWorkingDays = admissionExtension ?? 0,
                WorkingDaysSinceFullMembershipResolution = fullMembershipResolution is { } f && gateDate > f ? workingDays(f, gateDate) : 0,
                FullMembershipExtensionWorkingDays = fullMembershipExtension ?? 0,
            },
            Readmission = previous is null ? default : new ReadmissionFacts
            {
                Applies = true,
                Excluded = previous.Reason is LeavingReason.AbandonedActivities or LeavingReason.Resigned or LeavingReason.SeriousDisunity
                    or LeavingReason.CorruptionConviction or LeavingReason.SeriousCrimeConviction,
                MinorCrimeConviction = previous.Reason == LeavingReason.MinorCrimeConviction,
                MonthsSinceLeft = Math.Max(FullMonths(previous.Left, gateDate), 0),
                MonthsSinceRecordCleared = previous.RecordClearedOn is { } cleared ? Math.Max(FullMonths(cleared, gateDate), 0) : 0,
                TimesReadmitted = previous.TimesReadmitted,
                ConsentGiven = readmissionConsent,
            },
        };
    }

    /// <summary>
    /// Full calendar months from <paramref name="from"/> to <paramref name="to"/>, consistent with NodaTime's
    /// <c>PlusMonths</c> (clamped to the month's end): the largest m with from.PlusMonths(m) ≤ to; negative when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    internal static int FullMonths(LocalDate from, LocalDate to)
    {
        var months = (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);
        if (months >= 0)
        {
            return from.PlusMonths(months) > to ? months - 1 : months;
        }

        return -FullMonths(to, from);
    }

    /// <summary>Full years of age on a date: the birthday itself counts.</summary>
    internal static int FullYears(LocalDate birth, LocalDate on)
    {
        var years = on.Year - birth.Year;
        return on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? years - 1 : years;
    }

    /// <summary>A document dated <paramref name="on"/> is current on <paramref name="date"/> while date ≤ on + months (none on record: current).</summary>
    private static bool Current(LocalDate? on, LocalDate date, int months) => on is not { } d || date <= d.PlusMonths(months);

    private static void Count(IntroducerAssigned introducer, ref int introducers, ref bool allFullMembers, ref int minMonthsTogether, ref LocalDate? oldestLetter)
    {
        // Quy định 24-QĐ/TW §3.2.1: measured on the day of the introduction.
        introducers++;
        allFullMembers &= introducer.FullMemberSince <= introducer.Date;
        minMonthsTogether = Math.Min(minMonthsTogether, FullMonths(introducer.WorkedTogetherSince, introducer.Date));
        oldestLetter = oldestLetter is { } o && o <= introducer.Date ? o : introducer.Date;
    }

    private static void Count(IntroducerReplaced replacement, ref int introducers, ref bool allFullMembers, ref LocalDate? oldestLetter)
    {
        // Quy định 24-QĐ/TW §3.2.2: the replacement is a full member, and needs no 12 months together.
        introducers++;
        allFullMembers &= replacement.FullMemberSince <= replacement.Date;
        oldestLetter = oldestLetter is { } p && p <= replacement.Date ? p : replacement.Date;
    }

    /// <summary>Whether a later introducer event (of <paramref name="laterIntroducers"/>) assigns the member again.</summary>
    private static bool IsReassignedLater(ReadOnlySpan<ReplayStep> applied, ReadOnlySpan<int> laterIntroducers, string memberId)
    {
        foreach (var j in laterIntroducers)
        {
            if (applied[j].Event is IntroducerAssigned later && string.Equals(later.MemberId, memberId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a later <c>introducerReplaced</c> (of <paramref name="laterIntroducers"/>) replaces the member (Quy định 24-QĐ/TW §3.2.2).</summary>
    private static bool IsReplacedLater(ReadOnlySpan<ReplayStep> applied, ReadOnlySpan<int> laterIntroducers, string memberId)
    {
        foreach (var j in laterIntroducers)
        {
            if (applied[j].Event is IntroducerReplaced later && string.Equals(later.Replaces, memberId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
