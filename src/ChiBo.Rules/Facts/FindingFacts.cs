using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
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
/// percentage. Built only for a failed check or a violation, never on the allocation-free path: one pass over the
/// events before the gate for the dates, each value computed when first read and kept for the gate's other rules.
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

    /// <summary>Each <c>group.member</c> of the rule language, read by a getter compiled at its first use.</summary>
    private static readonly ImmutableDictionary<string, (PropertyInfo Group, PropertyInfo Member)> Members =
        BuildMembers();

    private static readonly ConcurrentDictionary<string, Func<GateFacts, object>> Getters = new(StringComparer.Ordinal);

    // The values read so far, by name, in the order read: a gate's findings read a handful of names, so a short list
    // scanned by reference then by value (the names are the templates' own strings) costs less than a dictionary.
    private KeyValuePair<string, object?>[]? values;
    private int valueCount;
    private readonly WorkingDayCalendar? calendar;
    private readonly LocalDate gateDate;
    private readonly LocalDate? birth, received, ceremony, certificate, admissionResolution, fullResolution;
    private readonly bool passed;

    private FindingFacts(GateFacts gate, RuleParameters parameters, WorkingDayCalendar? calendar, LocalDate gateDate, bool passed,
        LocalDate? birth = null, LocalDate? received = null, LocalDate? ceremony = null, LocalDate? certificate = null,
        LocalDate? admissionResolution = null, LocalDate? fullResolution = null)
    {
        Gate = gate;
        Parameters = parameters;
        this.calendar = calendar;
        this.gateDate = gateDate;
        this.passed = passed;
        this.birth = birth;
        this.received = received;
        this.ceremony = ceremony;
        this.certificate = certificate;
        this.admissionResolution = admissionResolution;
        this.fullResolution = fullResolution;
    }

    /// <summary>The rule language's facts.</summary>
    public GateFacts Gate { get; }

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
        LocalDate? received = null, ceremony = null, certificate = null, admissionResolution = null, fullResolution = null;
        foreach (var step in history.Steps[..Math.Min(count, history.Steps.Length)])
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

        return new FindingFacts(gate, parameters, calendar, gateDate, passed, history.Case.Person.BirthDate, received, ceremony, certificate,
            admissionResolution, fullResolution);
    }

    /// <summary>The facts of an exemption granted on a date (only the exemption's own facts: see <c>AddExemptionViolations</c>).</summary>
    public static FindingFacts OfExemption(in GateFacts gate, LocalDate granted, RuleParameters parameters) =>
        new(gate, parameters, null, granted, passed: true);

    /// <summary>
    /// The value of a readable name: an int, a bool, a LocalDate, a LocalizedText, or null when unknown in this case
    /// (a date that is not on record). Kept once read, but for the texts that depend on the rule's expression.
    /// </summary>
    public object? Value(string name, string expression)
    {
        switch (name)
        {
            case "standing.found":
                return MemberDetails.Standing(expression, Gate.Standing) ?? new Text.LocalizedText("không ghi nhận", "nothing recorded");
            case "exemption.found":
                return MemberDetails.Exemption(expression, Gate.Exemption);
        }

        // The findings of one gate share these facts, and each is made when first read, from any thread.
        lock (this)
        {
            if (IndexOf(name) is var at and >= 0)
            {
                return values![at].Value;
            }

            var value = Read(name);
            if (values is null)
            {
                values = new KeyValuePair<string, object?>[8];
            }
            else if (valueCount == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
            }

            values[valueCount++] = new(name, value);
            return value;
        }
    }

    private int IndexOf(string name)
    {
        var known = values;
        if (known is null)
        {
            return -1;
        }

        for (var i = 0; i < valueCount; i++)
        {
            if (ReferenceEquals(known[i].Key, name))
            {
                return i;
            }
        }

        for (var i = 0; i < valueCount; i++)
        {
            if (string.Equals(known[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private enum NameKind
    {
        Unknown,
        Parameter,
        Member,
        Computed,
    }

    /// <summary>A readable name resolved: a parameter (its name without <c>params.</c>), a member of the rule language (its getter), a computed fact.</summary>
    private sealed record Resolution(NameKind Kind, string? Parameter, Func<GateFacts, object>? Getter);

    private static readonly ConcurrentDictionary<string, Resolution> Resolutions = new(StringComparer.Ordinal);

    // The order of the tests is the one Read had: params.* first, then the rule language's names unless computed.
    private static readonly Func<string, Resolution> Resolve = static name =>
        name.StartsWith("params.", StringComparison.Ordinal) ? new Resolution(NameKind.Parameter, name[7..], null)
        : Computed.ContainsKey(name) ? new Resolution(NameKind.Computed, null, null)
        : Members.TryGetValue(name, out var path) ? new Resolution(NameKind.Member, null, Getters.GetOrAdd(name, static (_, p) => Compile(p.Group, p.Member), path))
        : new Resolution(NameKind.Unknown, null, null);

    private object? Read(string name)
    {
        // What the name is, resolved once per name (one lookup per read rather than three or four).
        var resolved = Resolutions.GetOrAdd(name, Resolve);
        switch (resolved.Kind)
        {
            case NameKind.Parameter:
                return Parameters.Info.TryGetValue(resolved.Parameter!, out var info) ? info.Value : null;
            case NameKind.Member:
                return resolved.Getter!(Gate);
            case NameKind.Unknown:
                return null;
        }

        int P(string parameter) => Parameters.Info.TryGetValue(parameter, out var info) ? info.Value : 0;
        var maxExtension = P("decisionExtensionMaxWorkingDays");
        int Allowed(int days, int extension) => days + (extension > 0 && extension <= maxExtension ? extension : 0);
        var (num, den) = (P("voteNumerator"), Math.Max(P("voteDenominator"), 1));
        return name switch
        {
            "gate.date" => gateDate,
            "gate.passed" => passed,
            "person.birthDate" => birth,
            "vote.needed" => Needed(Gate.Vote.FullMembers, num, den),
            "vote.percent" => Percent(Gate.Vote.InFavour, Gate.Vote.FullMembers),
            "committeeVote.needed" => Needed(Gate.CommitteeVote.Members, num, den),
            "committeeVote.percent" => Percent(Gate.CommitteeVote.InFavour, Gate.CommitteeVote.Members),
            "course.certificateOn" => certificate,
            "course.expiresOn" => certificate?.PlusMonths(P("certificateValidityMonths")).PlusDays(-1),
            "ceremony.decisionReceivedOn" => received,
            "ceremony.due" => Add(received, P("ceremonyDeadlineWorkingDays")),
            "ceremony.workingDaysLate" => Math.Max(0, Gate.Ceremony.WorkingDaysSinceDecision - P("ceremonyDeadlineWorkingDays")),
            "decision.admissionResolutionOn" => admissionResolution,
            "decision.admissionDue" => Add(admissionResolution, Allowed(P("decideAdmissionWorkingDays"), Gate.Decision.AdmissionExtensionWorkingDays)),
            "decision.admissionWorkingDaysLate" => Math.Max(0, Gate.Decision.WorkingDaysSinceAdmissionResolution
                - Allowed(P("decideAdmissionWorkingDays"), Gate.Decision.AdmissionExtensionWorkingDays)),
            "decision.fullMembershipResolutionOn" => fullResolution,
            "decision.fullMembershipDue" => Add(fullResolution, Allowed(P("decideFullMembershipWorkingDays"), Gate.Decision.FullMembershipExtensionWorkingDays)),
            "decision.fullMembershipWorkingDaysLate" => Math.Max(0, Gate.Decision.WorkingDaysSinceFullMembershipResolution
                - Allowed(P("decideFullMembershipWorkingDays"), Gate.Decision.FullMembershipExtensionWorkingDays)),
            "probation.startedOn" => ceremony,
            "probation.endsOn" => ceremony?.PlusMonths(P("probationMonths")),
            "probation.voteDue" => Add(ceremony?.PlusMonths(P("probationMonths")), P("fullMembershipVoteDeadlineWorkingDays")),
            "probation.workingDaysLate" => Math.Max(0, Gate.Probation.WorkingDaysAfterEnd - P("fullMembershipVoteDeadlineWorkingDays")),
            "standing.year" => gateDate.Year,
            _ => null,
        };
    }

    private LocalDate? Add(LocalDate? start, int days) =>
        start is { } s && calendar is not null && calendar.TryAddWorkingDays(s, Math.Max(days, 0), out var due) ? due : null;

    private static ImmutableDictionary<string, (PropertyInfo Group, PropertyInfo Member)> BuildMembers()
    {
        var members = ImmutableDictionary.CreateBuilder<string, (PropertyInfo, PropertyInfo)>(StringComparer.Ordinal);
        foreach (var (group, property) in RuleLanguage.Groups)
        {
            foreach (var member in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (member.PropertyType.IsPrimitive)
                {
                    members[$"{group}.{RuleLanguage.CamelCase(member.Name)}"] = (property, member);
                }
            }
        }

        return members.ToImmutable();
    }

    /// <summary>facts => (object)facts.Group.Member, compiled once per name.</summary>
    private static Func<GateFacts, object> Compile(PropertyInfo group, PropertyInfo member)
    {
        var facts = Expression.Parameter(typeof(GateFacts), "facts");
        var read = Expression.Convert(Expression.Property(Expression.Property(facts, group), member), typeof(object));
        return Expression.Lambda<Func<GateFacts, object>>(read, facts).Compile();
    }

    /// <summary>ceil(members × num / den): the fewest in favour that make num/den.</summary>
    private static int Needed(int members, int num, int den) => (int)(((long)members * num + den - 1) / den);

    /// <summary>The share in favour in whole percent, rounded down (a failed 2/3 is never shown as 67%).</summary>
    private static int Percent(int inFavour, int members) => members <= 0 ? 0 : (int)((long)inFavour * 100 / members);
}
