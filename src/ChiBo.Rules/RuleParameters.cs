using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Text;

namespace ChiBo.Rules;

/// <summary>
/// The numbers of a rule set (tham số), which officials edit in its <c>parameters</c> section and rule
/// expressions read as <c>params.name</c> — never as literals. Every parameter is required, so that a rule set
/// states each number it applies. Immutable.
/// </summary>
public sealed class RuleParameters
{
    internal RuleParameters(IReadOnlyDictionary<string, int> values, IReadOnlyDictionary<string, RuleParameterInfo> info)
    {
        MinAgeMonths = values["minAgeMonths"];
        MaxAgeMonths = values["maxAgeMonths"];
        YouthAgeMinYears = values["youthAgeMinYears"];
        YouthAgeMaxYears = values["youthAgeMaxYears"];
        MinEducationLevel = values["minEducationLevel"];
        CertificateValidityMonths = values["certificateValidityMonths"];
        IntroducersRequired = values["introducersRequired"];
        IntroducersWithEndorsement = values["introducersWithEndorsement"];
        IntroducerMonthsTogether = values["introducerMonthsTogether"];
        VoteNumerator = values["voteNumerator"];
        VoteDenominator = values["voteDenominator"];
        ProbationMonths = values["probationMonths"];
        CeremonyDeadlineWorkingDays = values["ceremonyDeadlineWorkingDays"];
        FullMembershipVoteDeadlineWorkingDays = values["fullMembershipVoteDeadlineWorkingDays"];
        DecideAdmissionWorkingDays = ValueOrDefault(values, "decideAdmissionWorkingDays");
        DecideFullMembershipWorkingDays = ValueOrDefault(values, "decideFullMembershipWorkingDays");
        DecisionExtensionMaxWorkingDays = ValueOrDefault(values, "decisionExtensionMaxWorkingDays");
        DossierValidityMonths = ValueOrDefault(values, "dossierValidityMonths");
        ReadmissionWaitMonths = ValueOrDefault(values, "readmissionWaitMonths");
        ReadmissionCriminalWaitMonths = ValueOrDefault(values, "readmissionCriminalWaitMonths");
        ReadmissionTimesAllowed = ValueOrDefault(values, "readmissionTimesAllowed");
        StrikeOffMonthsInYear = ValueOrDefault(values, "strikeOffMonthsInYear");
        StrikeOffNotFulfilledYears = ValueOrDefault(values, "strikeOffNotFulfilledYears");
        ExemptionRetirementAgeReading = ValueOrDefault(values, "exemptionRetirementAgeReading");
        ExemptionMenAgeMonths = ValueOrDefault(values, "exemptionMenAgeMonths");
        ExemptionWomenAgeMonths = ValueOrDefault(values, "exemptionWomenAgeMonths");
        var all = info.ToImmutableDictionary(StringComparer.Ordinal).ToBuilder();
        foreach (var (name, (value, unit, source)) in Optional)
        {
            if (!all.ContainsKey(name) && info.Count > 0)
            {
                all[name] = new RuleParameterInfo(name, values.TryGetValue(name, out var given) ? given : value, unit, source, $"Not stated in the file: the value of {source} applies.");
            }
        }

        Info = all.ToImmutable();
    }

    /// <summary>Minimum age in months on the vote day (216 = full 18 years).</summary>
    public int MinAgeMonths { get; }

    /// <summary>Maximum age in months on the vote day without an exception (720 = full 60 years).</summary>
    public int MaxAgeMonths { get; }

    /// <summary>Youth Union age, lower bound in full years (16).</summary>
    public int YouthAgeMinYears { get; }

    /// <summary>Youth Union age, upper bound in full years, inclusive (30: "under 31 full years").</summary>
    public int YouthAgeMaxYears { get; }

    /// <summary>Minimum education level as a rank (see <see cref="Facts.EducationFacts.Level"/>); a level name in JSON.</summary>
    public int MinEducationLevel { get; }

    /// <summary>Months an awareness-course certificate is valid (60).</summary>
    public int CertificateValidityMonths { get; }

    /// <summary>Full members who introduce an applicant without a mass organisation's endorsement (2).</summary>
    public int IntroducersRequired { get; }

    /// <summary>Full members who introduce an applicant beside a Youth Union or trade union endorsement (1).</summary>
    public int IntroducersWithEndorsement { get; }

    /// <summary>Months an introducer must have worked, studied or lived with the applicant (12).</summary>
    public int IntroducerMonthsTogether { get; }

    /// <summary>Numerator of the votes needed (2 of two thirds).</summary>
    public int VoteNumerator { get; }

    /// <summary>Denominator of the votes needed (3 of two thirds).</summary>
    public int VoteDenominator { get; }

    /// <summary>Months of probation (12).</summary>
    public int ProbationMonths { get; }

    /// <summary>Working days from receiving the admission decision to the ceremony (30).</summary>
    public int CeremonyDeadlineWorkingDays { get; }

    /// <summary>Working days after probation ends for the cell's full-membership vote (30).</summary>
    public int FullMembershipVoteDeadlineWorkingDays { get; }

    /// <summary>Working days from the cell's admission resolution for the competent committee to decide (60; Quy định 29-QĐ/TW §4.3.1).</summary>
    public int DecideAdmissionWorkingDays { get; }

    /// <summary>Working days from the cell's full-membership resolution for the competent committee to decide (30; §4.3.1).</summary>
    public int DecideFullMembershipWorkingDays { get; }

    /// <summary>The most working days one extension of a decision deadline may add (30; §4.3.1: "gia hạn tối đa 30 ngày làm việc").</summary>
    public int DecisionExtensionMaxWorkingDays { get; }

    /// <summary>Months a dossier document stays current before the vote (12; 01-HD/TW: "quá 12 tháng … phải làm lại").</summary>
    public int DossierValidityMonths { get; }

    /// <summary>Months after leaving before re-admission may be considered (36; Quy định 29-QĐ/TW §3.5.1).</summary>
    public int ReadmissionWaitMonths { get; }

    /// <summary>Months after a cleared record for a minor offence before re-admission (60; §3.5.1).</summary>
    public int ReadmissionCriminalWaitMonths { get; }

    /// <summary>How many re-admissions a person may have (1: "chỉ kết nạp lại một lần", §3.5.3).</summary>
    public int ReadmissionTimesAllowed { get; }

    /// <summary>
    /// Months in one calendar year with an unexcused missed meeting or unpaid dues from which the cell must consider
    /// striking the name off (3; Quy định 24-QĐ/TW §8.1: "ba tháng trong năm", not necessarily in a row).
    /// </summary>
    public int StrikeOffMonthsInYear { get; }

    /// <summary>
    /// Consecutive years rated <c>notFulfilled</c> from which the cell must consider striking the name off (2: the
    /// reading of "hai năm liền vi phạm tư cách đảng viên", §8.1, as two years in a row rated "không hoàn thành nhiệm vụ").
    /// </summary>
    public int StrikeOffNotFulfilledYears { get; }

    /// <summary>
    /// Which reading of "tuổi cao" an exemption takes (1 or 0): 1, past the statutory retirement age on the request's
    /// date (Bộ luật Lao động 2019 Art. 169, Nghị định 135/2020); 0, the fixed ages <see cref="ExemptionMenAgeMonths"/>
    /// and <see cref="ExemptionWomenAgeMonths"/> (Hướng dẫn 27-HD/BTCTW 2009).
    /// </summary>
    public int ExemptionRetirementAgeReading { get; }

    /// <summary>A man's age in months past which he is old for an exemption under reading 0 (720: "nam trên 60 tuổi").</summary>
    public int ExemptionMenAgeMonths { get; }

    /// <summary>A woman's age in months past which she is old for an exemption under reading 0 (660: "nữ trên 55 tuổi").</summary>
    public int ExemptionWomenAgeMonths { get; }

    /// <summary>Each parameter's unit, legal source and description, by its JSON name.</summary>
    public ImmutableDictionary<string, RuleParameterInfo> Info { get; }

    /// <summary>The legal durations these parameters give, for deadlines.</summary>
    /// <param name="source">The source to cite for the durations.</param>
    /// <returns>The durations.</returns>
    public LegalDurations ToDurations(string source) =>
        new(ProbationMonths, CeremonyDeadlineWorkingDays, FullMembershipVoteDeadlineWorkingDays, CertificateValidityMonths, source)
        {
            // Each deadline cites its own parameter's source (Quy định 29-QĐ/TW §4.1 for the ceremony, …).
            ProbationSource = SourceOf("probationMonths", source),
            CeremonySource = SourceOf("ceremonyDeadlineWorkingDays", source),
            FullMembershipVoteSource = SourceOf("fullMembershipVoteDeadlineWorkingDays", source),
            CertificateSource = SourceOf("certificateValidityMonths", source),
            DecideAdmissionWorkingDays = DecideAdmissionWorkingDays,
            DecideFullMembershipWorkingDays = DecideFullMembershipWorkingDays,
            DecisionExtensionMaxWorkingDays = DecisionExtensionMaxWorkingDays,
            DecisionSource = SourceOf("decideAdmissionWorkingDays", Optional["decideAdmissionWorkingDays"].Source),
        };

    private string SourceOf(string name, string fallback) =>
        Info.TryGetValue(name, out var info) && !string.IsNullOrWhiteSpace(info.Source) ? info.Source : fallback;

    /// <summary>The JSON names of every parameter, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "minAgeMonths", "maxAgeMonths", "youthAgeMinYears", "youthAgeMaxYears", "minEducationLevel",
        "certificateValidityMonths", "introducersRequired", "introducersWithEndorsement",
        "introducerMonthsTogether", "voteNumerator",
        "voteDenominator", "probationMonths", "ceremonyDeadlineWorkingDays", "fullMembershipVoteDeadlineWorkingDays",
        "decideAdmissionWorkingDays", "decideFullMembershipWorkingDays", "decisionExtensionMaxWorkingDays",
        "dossierValidityMonths", "readmissionWaitMonths", "readmissionCriminalWaitMonths", "readmissionTimesAllowed",
        "strikeOffMonthsInYear", "strikeOffNotFulfilledYears", "exemptionRetirementAgeReading", "exemptionMenAgeMonths",
        "exemptionWomenAgeMonths",
    ];

    /// <summary>
    /// The parameters a rule file may omit, with the value and source used then: those added after rule files were
    /// first edited by officials (issue 11), so that an edited file of an earlier version still loads. The shipped
    /// files state them all.
    /// </summary>
    internal static IReadOnlyDictionary<string, (int Value, string Unit, string Source)> Optional { get; } = new Dictionary<string, (int, string, string)>(StringComparer.Ordinal)
    {
        ["decideAdmissionWorkingDays"] = (60, "workingDays", "Quy định 29-QĐ/TW (2016), 4.3.1"),
        ["decideFullMembershipWorkingDays"] = (30, "workingDays", "Quy định 29-QĐ/TW (2016), 4.3.1"),
        ["decisionExtensionMaxWorkingDays"] = (30, "workingDays", "Quy định 29-QĐ/TW (2016), 4.3.1"),
        ["dossierValidityMonths"] = (12, "months", "Hướng dẫn 01-HD/TW (2016, 2021)"),
        ["readmissionWaitMonths"] = (36, "months", "Quy định 29-QĐ/TW (2016), 3.5.1"),
        ["readmissionCriminalWaitMonths"] = (60, "months", "Quy định 29-QĐ/TW (2016), 3.5.1"),
        ["readmissionTimesAllowed"] = (1, "times", "Quy định 29-QĐ/TW (2016), 3.5.3"),
        ["strikeOffMonthsInYear"] = (3, "months", "Quy định 29-QĐ/TW (2016), 8.1"),
        ["strikeOffNotFulfilledYears"] = (2, "years", "Quy định 29-QĐ/TW (2016), 8.1"),
        ["exemptionRetirementAgeReading"] = (1, "reading", "Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP"),
        ["exemptionMenAgeMonths"] = (720, "months", "Hướng dẫn 27-HD/BTCTW (2009)"),
        ["exemptionWomenAgeMonths"] = (660, "months", "Hướng dẫn 27-HD/BTCTW (2009)"),
    };

    private static int ValueOrDefault(IReadOnlyDictionary<string, int> values, string name) =>
        values.TryGetValue(name, out var value) ? value : Optional[name].Value;

    /// <summary>Whether a parameter is written as an education level name rather than a number.</summary>
    internal static bool IsEducationLevel(string name) => name == "minEducationLevel";

    /// <summary>The inclusive range a parameter's value must fall in.</summary>
    internal static (int Min, int Max) RangeOf(string name) => name switch
    {
        "minEducationLevel" => (0, (int)EducationLevel.Postgraduate),
        "voteNumerator" or "voteDenominator" or "introducersRequired" or "introducersWithEndorsement" or "readmissionTimesAllowed" => (1, 100),
        "strikeOffMonthsInYear" => (1, 12),
        "strikeOffNotFulfilledYears" => (1, 100),
        "exemptionRetirementAgeReading" => (0, 1),
        "youthAgeMinYears" or "youthAgeMaxYears" => (0, 150),
        _ => (0, 2400),
    };
}

/// <summary>What a rule file says about one parameter besides its value.</summary>
/// <param name="Name">The JSON name.</param>
/// <param name="Value">The value (an education level's rank for <c>minEducationLevel</c>).</param>
/// <param name="Unit">The unit (months, years, workingDays, …), or null.</param>
/// <param name="Source">The legal source (document and article).</param>
/// <param name="Description">The reading taken, or null.</param>
public sealed record RuleParameterInfo(string Name, int Value, string? Unit, string Source, string? Description)
{
    /// <summary>A note on <see cref="Source"/> in both languages (the file's <c>sourceNote</c>: what of the text was not read), or null.</summary>
    public LocalizedText? SourceNote { get; init; }
}
