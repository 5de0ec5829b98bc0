using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Rules.Facts;

/// <summary>What a computed fact of a finding is: a number, a date, a yes/no, or a text in both languages.</summary>
internal enum FindingValueKind
{
    Number,
    Date,
    Flag,
    Text,
}

/// <summary>
/// The facts a rule's <c>finding</c> template reads when a rule fails (dữ kiện của kết quả xét): every name of the rule
/// language (the <see cref="GateFacts"/> and <c>params</c>) and the computed facts a reader needs beside them — the
/// dates behind the working-day counts (the day the decision was received, the due day), the votes needed, a
/// percentage. Built only for a failed check or a violation, never on the allocation-free path; one pass over the
/// events before the gate.
/// </summary>
internal sealed class FindingFacts
{
    /// <summary>The computed names a template may read beside the rule language's, and what each is.</summary>
    public static ImmutableDictionary<string, FindingValueKind> Computed { get; } = new Dictionary<string, FindingValueKind>
    {
        ["gate.date"] = FindingValueKind.Date,
        ["gate.passed"] = FindingValueKind.Flag,
        ["person.birthDate"] = FindingValueKind.Date,
        ["vote.needed"] = FindingValueKind.Number,
        ["vote.percent"] = FindingValueKind.Number,
        ["committeeVote.needed"] = FindingValueKind.Number,
        ["committeeVote.percent"] = FindingValueKind.Number,
        ["course.certificateOn"] = FindingValueKind.Date,
        ["course.expiresOn"] = FindingValueKind.Date,
        ["ceremony.decisionReceivedOn"] = FindingValueKind.Date,
        ["ceremony.due"] = FindingValueKind.Date,
        ["ceremony.workingDaysLate"] = FindingValueKind.Number,
        ["decision.admissionResolutionOn"] = FindingValueKind.Date,
        ["decision.admissionDue"] = FindingValueKind.Date,
        ["decision.admissionWorkingDaysLate"] = FindingValueKind.Number,
        ["decision.fullMembershipResolutionOn"] = FindingValueKind.Date,
        ["decision.fullMembershipDue"] = FindingValueKind.Date,
        ["decision.fullMembershipWorkingDaysLate"] = FindingValueKind.Number,
        ["probation.startedOn"] = FindingValueKind.Date,
        ["probation.endsOn"] = FindingValueKind.Date,
        ["probation.voteDue"] = FindingValueKind.Date,
        ["probation.workingDaysLate"] = FindingValueKind.Number,
        ["standing.year"] = FindingValueKind.Number,
        ["standing.found"] = FindingValueKind.Text,
        ["exemption.found"] = FindingValueKind.Text,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, object?> computed = new(StringComparer.Ordinal);

    private FindingFacts(GateFacts gate, RuleParameters parameters)
    {
        Gate = gate;
        Parameters = parameters;
    }

    /// <summary>The rule language's facts.</summary>
    public GateFacts Gate { get; }

    private readonly Dictionary<System.Reflection.PropertyInfo, object?> groups = [];

    /// <summary>A group of the gate facts (<c>vote</c>, <c>ceremony</c>…), boxed once per finding.</summary>
    public object? Group(System.Reflection.PropertyInfo group)
    {
        if (!groups.TryGetValue(group, out var value))
        {
            groups[group] = value = group.GetValue(Gate);
        }

        return value;
    }

    /// <summary>The rule set's parameters.</summary>
    public RuleParameters Parameters { get; }

    /// <summary>The facts of a gate (ahead, or passed and re-checked) for the findings of its failed rules.</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="count">How many replayed events precede the gate.</param>
    /// <param name="gateDate">The gate's date.</param>
    /// <param name="gate">The gate facts the rules judged.</param>
    /// <param name="parameters">The rule set's parameters.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="passed">Whether the gate's event happened (a passed gate re-checked), not the gate ahead.</param>
    public static FindingFacts Of(CaseHistory history, int count, LocalDate gateDate, in GateFacts gate, RuleParameters parameters, WorkingDayCalendar calendar, bool passed)
    {
        var facts = new FindingFacts(gate, parameters);
        LocalDate? received = null, ceremony = null, certificate = null, admissionResolution = null, fullResolution = null;
        foreach (var step in history.Applied.AsSpan()[..Math.Min(count, history.Applied.Length)])
        {
            switch (step.Event)
            {
                case AdmissionDecisionReceived r: received = r.Date; break;
                case CeremonyHeld h: ceremony ??= h.Date; break;
                case AwarenessCourseCompleted course: certificate = course.Date; break;
                case CellVoted { Purpose: VotePurpose.Admission } v: admissionResolution = v.Date; break;
                case CellVoted { Purpose: VotePurpose.FullMembership } v: fullResolution = v.Date; break;
            }
        }

        int P(string name) => parameters.Info.TryGetValue(name, out var info) ? info.Value : 0;
        LocalDate? Add(LocalDate? start, int days) =>
            start is { } s && calendar.TryAddWorkingDays(s, Math.Max(days, 0), out var due) ? due : null;
        var c = facts.computed;
        c["gate.date"] = gateDate;
        c["gate.passed"] = passed;
        c["person.birthDate"] = history.Case.Person.BirthDate;
        var (num, den) = (P("voteNumerator"), Math.Max(P("voteDenominator"), 1));
        c["vote.needed"] = Needed(gate.Vote.FullMembers, num, den);
        c["vote.percent"] = Percent(gate.Vote.InFavour, gate.Vote.FullMembers);
        c["committeeVote.needed"] = Needed(gate.CommitteeVote.Members, num, den);
        c["committeeVote.percent"] = Percent(gate.CommitteeVote.InFavour, gate.CommitteeVote.Members);
        c["course.certificateOn"] = certificate;
        c["course.expiresOn"] = certificate?.PlusMonths(P("certificateValidityMonths")).PlusDays(-1);
        c["ceremony.decisionReceivedOn"] = received;
        c["ceremony.due"] = Add(received, P("ceremonyDeadlineWorkingDays"));
        c["ceremony.workingDaysLate"] = Math.Max(0, gate.Ceremony.WorkingDaysSinceDecision - P("ceremonyDeadlineWorkingDays"));
        var maxExtension = P("decisionExtensionMaxWorkingDays");
        int Allowed(int days, int extension) => days + (extension > 0 && extension <= maxExtension ? extension : 0);
        var admissionAllowed = Allowed(P("decideAdmissionWorkingDays"), gate.Decision.AdmissionExtensionWorkingDays);
        c["decision.admissionResolutionOn"] = admissionResolution;
        c["decision.admissionDue"] = Add(admissionResolution, admissionAllowed);
        c["decision.admissionWorkingDaysLate"] = Math.Max(0, gate.Decision.WorkingDaysSinceAdmissionResolution - admissionAllowed);
        var fullAllowed = Allowed(P("decideFullMembershipWorkingDays"), gate.Decision.FullMembershipExtensionWorkingDays);
        c["decision.fullMembershipResolutionOn"] = fullResolution;
        c["decision.fullMembershipDue"] = Add(fullResolution, fullAllowed);
        c["decision.fullMembershipWorkingDaysLate"] = Math.Max(0, gate.Decision.WorkingDaysSinceFullMembershipResolution - fullAllowed);
        var ends = ceremony?.PlusMonths(P("probationMonths"));
        c["probation.startedOn"] = ceremony;
        c["probation.endsOn"] = ends;
        c["probation.voteDue"] = Add(ends, P("fullMembershipVoteDeadlineWorkingDays"));
        c["probation.workingDaysLate"] = Math.Max(0, gate.Probation.WorkingDaysAfterEnd - P("fullMembershipVoteDeadlineWorkingDays"));
        c["standing.year"] = gateDate.Year;
        return facts;
    }

    /// <summary>The facts of an exemption granted on a date (only the exemption's own facts: see <c>AddExemptionViolations</c>).</summary>
    public static FindingFacts OfExemption(in GateFacts gate, LocalDate granted, RuleParameters parameters)
    {
        var facts = new FindingFacts(gate, parameters);
        facts.computed["gate.date"] = granted;
        facts.computed["gate.passed"] = true;
        return facts;
    }

    /// <summary>A computed value: an int, a LocalDate, a bool, a LocalizedText; null when unknown in this case.</summary>
    public object? ComputedValue(string name, string expression)
    {
        switch (name)
        {
            case "standing.found":
                return MemberDetails.Standing(expression, Gate.Standing) ?? new Text.LocalizedText("không ghi nhận", "nothing recorded");
            case "exemption.found":
                return MemberDetails.Exemption(expression, Gate.Exemption);
            default:
                return computed.TryGetValue(name, out var value) ? value : null;
        }
    }

    /// <summary>ceil(members × num / den): the fewest in favour that make num/den.</summary>
    private static int Needed(int members, int num, int den) => (int)(((long)members * num + den - 1) / den);

    /// <summary>The share in favour in whole percent, rounded down (a failed 2/3 is never shown as 67%).</summary>
    private static int Percent(int inFavour, int members) => members <= 0 ? 0 : (int)((long)inFavour * 100 / members);
}
