using System.Collections.Generic;
using System.Text.Json.Serialization;
using ChiBo.Lifecycle;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>
/// The answer to "where does this case stand on a given date, and what is due?" (the contract's
/// <c>evaluate</c> document). Serialise it with <see cref="Serialization.ChiBoJson.Options"/> for the contract's JSON.
/// </summary>
/// <param name="AsOf">The date of the question.</param>
/// <param name="Stage">The stage reached on that date.</param>
/// <param name="RuleSet">The id of the rule set judging the next gate (in force on the as-of date), or null without rules.</param>
/// <param name="NextGate">The next gate ahead.</param>
/// <param name="Checks">Every rule of the next gate, passed or not, in the rule set's order.</param>
/// <param name="Deadlines">Each legal deadline of the case with its status on <paramref name="AsOf"/>, in the order of the process (certificate, ceremony, end of probation, full-membership vote); see <see cref="CaseEvaluator"/>.</param>
/// <param name="Violations">What the history already did against the rules (the supervision view).</param>
/// <param name="Dates">Key dates: party entry, end of probation, full membership.</param>
/// <param name="Exempt">Whether the member is exempt from party work and activities.</param>
public sealed record CaseEvaluation(
    LocalDate AsOf,
    Stage Stage,
    string? RuleSet,
    Gate NextGate,
    IReadOnlyList<RuleCheck> Checks,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<RuleViolation> Violations,
    KeyDates Dates,
    bool Exempt)
{
    /// <summary>
    /// The cell as it stood on <see cref="AsOf"/> (<c>cell</c>: its kind and superior after every <c>cell.changes</c>
    /// entry dated on or before it), or null when not evaluated from a case.
    /// </summary>
    public Cases.Cell? Cell { get; init; }

    /// <summary>Party age (tuổi đảng) on <see cref="AsOf"/> (<c>partyAge</c>), or null until full membership is recognised.</summary>
    public PartyAge? PartyAge { get; init; }

    /// <summary>
    /// What the answer could not judge, said rather than left silent: e.g. <c>ruleSet.noneInForce</c> when no loaded
    /// rule set is in force on the date of a gate, whose rules were then not checked. Empty when all was judged.
    /// </summary>
    public IReadOnlyList<EvaluationWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The member's standing (tư cách đảng viên) on <see cref="AsOf"/> (<c>standing</c>), for a probationary or full
    /// member: the checks of the rule set's <c>memberStanding</c> workflow (<c>standing.attendance</c>,
    /// <c>standing.yearlyRating</c>, <c>standing.partyCard</c>), in the same shape as <see cref="Checks"/>, each with a
    /// <see cref="RuleCheck.Detail"/> naming what was found. A failed check means the cell must consider striking the
    /// name off (Quy định 24-QĐ/TW §8.1; Chỉ thị 28-CT/TW). Null for anyone who is not a probationary or full member on
    /// that date (not written in JSON then); empty when the rule set in force has no <c>memberStanding</c> workflow.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleCheck>? Standing { get; init; }

    /// <summary>
    /// The hash of the file of the rule set in <see cref="RuleSet"/> (<c>ruleSetDigest</c>: <c>sha256:</c> + the hex of
    /// the file's bytes), or null without rules: two answers with the same digest were judged by the same text.
    /// </summary>
    public string? RuleSetDigest { get; init; }

    /// <summary>
    /// <c>ruleSetOrigin</c>: <c>shipped</c> (the file shipped with ChiBo), <c>edited</c> (a shipped id with other content)
    /// or <c>local</c> (an id no shipped set has); null without rules.
    /// </summary>
    public RuleSetOrigin? RuleSetOrigin { get; init; }

    /// <summary>The ids of the local overlays (<c>kind: overlay</c>) whose checks were added to the gate ahead (<c>overlays</c>); empty when none.</summary>
    public IReadOnlyList<string> Overlays { get; init; } = [];
}

/// <summary>A warning in an answer (cảnh báo): something it could not judge, with a stable code and both languages.</summary>
/// <param name="Code">The stable code, e.g. <c>ruleSet.noneInForce</c>.</param>
/// <param name="Message">What was not judged and why, in Vietnamese and English.</param>
/// <param name="Event">The 0-based index in the file of the event concerned, or null for the gate ahead.</param>
public sealed record EvaluationWarning(string Code, LocalizedText Message, int? Event = null);

/// <summary>
/// Party age (tuổi đảng) on a date: the whole calendar months from <see cref="KeyDates.PartyAgeFrom"/> to the date,
/// less the whole months out of the party between a previous membership's end and the new admission decision
/// (Quy định 29-QĐ/TW §4.5, 24-QĐ/TW §4.5.1: "trừ thời gian không tham gia sinh hoạt đảng"; not the Charter alone).
/// </summary>
/// <param name="Years">Whole years: <see cref="TotalMonths"/> / 12.</param>
/// <param name="Months">The months beyond them, 0 to 11.</param>
/// <param name="TotalMonths">12 × years + months.</param>
/// <param name="Source">The legal source.</param>
public sealed record PartyAge(int Years, int Months, int TotalMonths, string Source);

/// <summary>The result of one rule (quy định) on a case: its stable id, whether it passed, why, and the legal source.</summary>
/// <param name="Rule">The stable rule id, e.g. <c>age.minimum</c>.</param>
/// <param name="Passed">Whether the rule holds.</param>
/// <param name="Message">What the rule requires or found, in both languages.</param>
/// <param name="Source">The legal source: document and article.</param>
public sealed record RuleCheck(string Rule, bool Passed, LocalizedText Message, string Source)
{
    /// <summary>This check with a finding and facts made when first read.</summary>
    internal RuleCheck WithFinding(System.Func<(LocalizedText? Text, FactValues? Facts)> make) => this with { finding = new FuncSource(make) };

    /// <summary>This check with a finding and facts made by <paramref name="source"/> when first read.</summary>
    internal RuleCheck WithFinding(FindingSource source) => this with { finding = source };

    /// <summary>What will make the finding and facts while they are not made yet (see <see cref="DeferredFinding.Unmade"/>), else null.</summary>
    internal FindingSource? UnmadeFinding => finding?.Unmade;

    /// <summary>
    /// Whether the rule judges the gate's own act (the vote), which has not happened yet: <see cref="Passed"/> is
    /// false until it does, and the check is not a finding against the case.
    /// </summary>
    public bool Pending { get; init; }

    /// <summary>
    /// Why the rule could not be judged, in both languages, or null when it was: a rule whose expression failed when
    /// run is neither passed (<see cref="Passed"/> is false) nor failed nor pending, and is not a finding against the
    /// case. The rule loader refuses every expression that could fail, so this is defence in depth. Written in JSON
    /// only when set (<c>"error": {"vi": …, "en": …}</c>), so that an answer without rule errors reads as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Error { get; init; }

    /// <summary>
    /// What the library found in the case for the facts the rule reads, in both languages, or null when it found
    /// nothing to name: e.g. for <c>standing.attendance</c> "bỏ sinh hoạt tháng 2, 5 và không đóng đảng phí tháng 9 năm
    /// 2024". <see cref="Message"/> states the rule (its numbers from the rule set's parameters); the detail names the
    /// months, years or dates of the case, computed by the library from the same facts the rule judged. Written in JSON
    /// only when set (<c>"detail": {"vi": …, "en": …}</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Detail { get; init; }

    /// <summary>
    /// The rule's title for tables and headings (tên quy định), e.g. "Biểu quyết của chi bộ đạt 2/3" / "Two thirds of
    /// the cell in favour": the rule file's <c>title</c>, or one derived from its message. Null only for a check made
    /// by rules that name none. Written in JSON when set (<c>"title": {"vi": …, "en": …}</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Title { get; init; }

    /// <summary>
    /// What happened, stated with the case's numbers and dates (kết quả xét), e.g. for <c>vote.cellTwoThirds</c>
    /// "8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10" / "8 of 15 full members in favour (53%); at least 10
    /// needed": the rule file's <c>finding</c> template filled with the facts the rule judged. Set on a failed check
    /// and on a violation; null for a passed, pending or unjudged check, or a rule without a template. Written in JSON
    /// only when set (<c>"finding": {"vi": …, "en": …}</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Finding
    {
        get => finding?.MadeText;
        init => finding = new DeferredFinding(value, finding?.MadeFacts);
    }

    /// <summary>
    /// The named values that decided the rule, beside <see cref="Finding"/>: each name the rule's expression or its
    /// finding reads (<c>vote.inFavour</c>, <c>params.voteNumerator</c>, the computed <c>vote.needed</c>,
    /// <c>ceremony.due</c>…) with its value — an <see cref="int"/>, a <see cref="bool"/>, a <see cref="NodaTime.LocalDate"/>
    /// (ISO in JSON), or a <see cref="string"/> — in the order first read. Set with <see cref="Finding"/>; null
    /// otherwise (not written in JSON then).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FactValues? Facts
    {
        get => finding?.MadeFacts;
        init => finding = new DeferredFinding(finding?.MadeText, value);
    }

    // The finding and its facts, made when first read (equal by value): see DeferredFinding.
    private DeferredFinding? finding;
}

/// <summary>
/// A breach found in the history (vi phạm): a past gate that failed its rule, in the rule set in force on its date.
/// </summary>
/// <param name="Rule">The stable rule id broken.</param>
/// <param name="Event">The 0-based index in the file of the event that built on the failed gate.</param>
/// <param name="Message">What was broken, in both languages.</param>
/// <param name="Source">The legal source.</param>
/// <param name="RuleSet">The rule set that judged it.</param>
public sealed record RuleViolation(string Rule, int Event, LocalizedText Message, string Source, string RuleSet)
{
    /// <summary>This violation with a finding and facts made when first read.</summary>
    internal RuleViolation WithFinding(System.Func<(LocalizedText? Text, FactValues? Facts)> make) => this with { finding = new FuncSource(make) };

    /// <summary>This violation with a finding and facts made by <paramref name="source"/> when first read.</summary>
    internal RuleViolation WithFinding(FindingSource source) => this with { finding = source };

    /// <summary>Gives a violation just made, not yet seen by anyone, a finding made by <paramref name="source"/> when first read (no copy).</summary>
    internal RuleViolation Attach(FindingSource source)
    {
        finding = source;
        return this;
    }

    /// <summary>What will make the finding and facts while they are not made yet (see <see cref="DeferredFinding.Unmade"/>), else null.</summary>
    internal FindingSource? UnmadeFinding => finding?.Unmade;

    /// <summary>What the library found in the case for the rule, in both languages, or null (see <see cref="RuleCheck.Detail"/>); written in JSON only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Detail { get; init; }

    /// <summary>
    /// The rule's title for tables and headings (tên quy định), e.g. "Biểu quyết của chi bộ đạt 2/3" / "Two thirds of
    /// the cell in favour": the rule file's <c>title</c>, or one derived from its message. Null only for a check made
    /// by rules that name none. Written in JSON when set (<c>"title": {"vi": …, "en": …}</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Title { get; init; }

    /// <summary>
    /// What happened, stated with the case's numbers and dates (kết quả xét), e.g. for <c>vote.cellTwoThirds</c>
    /// "8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10" / "8 of 15 full members in favour (53%); at least 10
    /// needed": the rule file's <c>finding</c> template filled with the facts the rule judged. Set on every violation
    /// whose rule has a template; null otherwise. Written in JSON
    /// only when set (<c>"finding": {"vi": …, "en": …}</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalizedText? Finding
    {
        get => finding?.MadeText;
        init => finding = new DeferredFinding(value, finding?.MadeFacts);
    }

    /// <summary>
    /// The named values that decided the rule, beside <see cref="Finding"/>: each name the rule's expression or its
    /// finding reads (<c>vote.inFavour</c>, <c>params.voteNumerator</c>, the computed <c>vote.needed</c>,
    /// <c>ceremony.due</c>…) with its value — an <see cref="int"/>, a <see cref="bool"/>, a <see cref="NodaTime.LocalDate"/>
    /// (ISO in JSON), or a <see cref="string"/> — in the order first read. Set with <see cref="Finding"/>; null
    /// otherwise (not written in JSON then).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FactValues? Facts
    {
        get => finding?.MadeFacts;
        init => finding = new DeferredFinding(finding?.MadeText, value);
    }

    // The finding and its facts, made when first read (equal by value): see DeferredFinding.
    private DeferredFinding? finding;

    /// <summary>The kind of the event at <see cref="Event"/> (<c>eventKind</c>), or null when not known: with <see cref="EventDate"/>, how a reader names it ("chi bộ biểu quyết ngày 05/07/2019").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Cases.EventKind? EventKind { get; init; }

    /// <summary>The date of the event at <see cref="Event"/> (<c>eventDate</c>), or null when not known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalDate? EventDate { get; init; }
}

/// <summary>
/// Key dates of a member. Month arithmetic is calendar arithmetic clamped to the month's end (NodaTime
/// <c>PlusMonths</c>): a ceremony on 2020-02-29 ends probation on 2021-02-28.
/// </summary>
/// <param name="PartyEntry">The party entry date (ngày vào Đảng): the ceremony's date.</param>
/// <param name="ProbationEnds">The day the probation ends: party entry + the probation months.</param>
/// <param name="FullMembershipEffective">The day full membership takes effect — the end of probation, even when the vote or decision came later (Quy định 29 §4.2b) — once recognised.</param>
public sealed record KeyDates(LocalDate? PartyEntry, LocalDate? ProbationEnds, LocalDate? FullMembershipEffective)
{
    /// <summary>
    /// The day party age counts from (<c>partyAgeFrom</c>), once full membership is recognised: the admission decision's
    /// date, or for a re-admitted member the first admission decision (<c>previousMembership.admissionDecided</c>);
    /// the ceremony's date when no decision is on record (the party card's entry date). Null before.
    /// </summary>
    public LocalDate? PartyAgeFrom { get; init; }

    /// <summary>No dates yet.</summary>
    public static KeyDates None { get; } = new(null, null, null);
}
