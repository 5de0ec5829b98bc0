namespace ChiBo.Rules.Facts;

/// <summary>
/// The facts of a case on the date of a gate (dữ kiện xét tại một bước), as rule expressions see them: each
/// property is one name of the rule language (<c>age</c>, <c>person</c>, <c>education</c>, <c>course</c>,
/// <c>dossier</c>, <c>introducers</c>, <c>cell</c>, <c>vote</c>, <c>committeeVote</c>, <c>ceremony</c>,
/// <c>probation</c>), beside <c>params</c>, the rule set's parameters. Dates are pre-computed into numbers
/// (months, working days) on the gate's date, so that rule text needs no date arithmetic and cannot reach a
/// clock. The gate's date is the date of the gate's event (the vote, the ceremony) when the history re-checks
/// a gate already passed, else the "as of" date. A value type: building it allocates nothing.
/// </summary>
public readonly record struct GateFacts
{
    /// <summary>The applicant's age on the gate's date (<c>age</c>).</summary>
    public AgeFacts Age { get; init; }

    /// <summary>The person's memberships and status (<c>person</c>).</summary>
    public PersonFacts Person { get; init; }

    /// <summary>The person's education (<c>education</c>).</summary>
    public EducationFacts Education { get; init; }

    /// <summary>The party-awareness course (<c>course</c>).</summary>
    public CourseFacts Course { get; init; }

    /// <summary>The admission and probation dossier (<c>dossier</c>).</summary>
    public DossierFacts Dossier { get; init; }

    /// <summary>The introducers (<c>introducers</c>).</summary>
    public IntroducerFacts Introducers { get; init; }

    /// <summary>The party cell and the mass organisations of the person's unit (<c>cell</c>).</summary>
    public CellFacts Cell { get; init; }

    /// <summary>The party cell's vote of this gate (<c>vote</c>).</summary>
    public VoteFacts Vote { get; init; }

    /// <summary>The grassroots party committee's vote of this gate (<c>committeeVote</c>).</summary>
    public CommitteeVoteFacts CommitteeVote { get; init; }

    /// <summary>The admission decision and ceremony (<c>ceremony</c>).</summary>
    public CeremonyFacts Ceremony { get; init; }

    /// <summary>The probation (<c>probation</c>).</summary>
    public ProbationFacts Probation { get; init; }

    /// <summary>The competent committee's decisions and their deadlines (<c>decision</c>).</summary>
    public DecisionFacts Decision { get; init; }

    /// <summary>Re-admission of a former member (<c>readmission</c>).</summary>
    public ReadmissionFacts Readmission { get; init; }

    /// <summary>A probationary or full member's standing on the "as of" date (<c>standing</c>; the <c>memberStanding</c> workflow).</summary>
    public StandingFacts Standing { get; init; }

    /// <summary>An exemption from party work, on the date it was granted (<c>exemption</c>; the <c>exemption</c> workflow).</summary>
    public ExemptionFacts Exemption { get; init; }
}

/// <summary>
/// A probationary or full member's standing (tư cách đảng viên) on the "as of" date, from the member-phase events on or
/// before it (Quy định 24-QĐ/TW §8.1). Read by the <c>memberStanding</c> workflow; zero in the facts of a gate.
/// Rule language: <c>standing.*</c>.
/// </summary>
public readonly record struct StandingFacts
{
    /// <summary>
    /// Distinct months of the "as of" year with an unexcused <c>meetingMissed</c> or a <c>duesUnpaid</c> (a month with
    /// both counts once; a meeting missed while the member was exempt does not count).
    /// </summary>
    public int MonthsThisYear { get; init; }

    /// <summary>The same for the calendar year before the "as of" year.</summary>
    public int MonthsLastYear { get; init; }

    /// <summary>
    /// Consecutive years rated <c>notFulfilled</c>, counted back from the latest year rated (0 when that year's rating is
    /// another): 2018 and 2019 both <c>notFulfilled</c> give 2; 2018, a good 2019, 2020 give 1; a year without a rating
    /// breaks the run. A later rating of the same year replaces an earlier one.
    /// </summary>
    public int ConsecutiveNotFulfilledYears { get; init; }

    /// <summary>Years rated <c>notFulfilled</c> in all, in a row or not (for another reading of "hai năm liền").</summary>
    public int NotFulfilledYears { get; init; }

    /// <summary>The member handed back or destroyed the party card (<c>partyCardReturned</c>).</summary>
    public bool PartyCardReturned { get; init; }

    /// <summary>The "as of" year, for the detail texts.</summary>
    internal int Year { get; init; }

    /// <summary>Bit m − 1 set for each month m of the "as of" year with an unexcused missed meeting.</summary>
    internal int MissedThisYear { get; init; }

    /// <summary>Bit m − 1 set for each month m of the "as of" year with unpaid dues.</summary>
    internal int UnpaidThisYear { get; init; }

    /// <summary>Bit m − 1 set for each month m of the year before with an unexcused missed meeting.</summary>
    internal int MissedLastYear { get; init; }

    /// <summary>Bit m − 1 set for each month m of the year before with unpaid dues.</summary>
    internal int UnpaidLastYear { get; init; }

    /// <summary>The latest year rated, or 0 without a rating.</summary>
    internal int LatestRatedYear { get; init; }

    /// <summary>The date of the first <c>partyCardReturned</c>, when there is one.</summary>
    internal NodaTime.LocalDate PartyCardReturnedOn { get; init; }
}

/// <summary>
/// An exemption from party work and activities (miễn công tác và sinh hoạt đảng) on the date it was granted, its
/// grounds stated (Quy định 24-QĐ/TW §7.1; Hướng dẫn 27-HD/BTCTW 2009; Hướng dẫn 12-HD/BTCTW 2022). Read by the
/// <c>exemption</c> workflow; zero in the facts of a gate. Rule language: <c>exemption.*</c>.
/// </summary>
public readonly record struct ExemptionFacts
{
    /// <summary>The grounds are old age (<c>oldAge</c>).</summary>
    public bool OldAge { get; init; }

    /// <summary>The grounds are weak health, illness (<c>illness</c>).</summary>
    public bool Illness { get; init; }

    /// <summary>The grounds are another reason (<c>other</c>).</summary>
    public bool OtherGrounds { get; init; }

    /// <summary>A competent health facility's certificate is in the dossier (<c>medicalCertificate</c>).</summary>
    public bool MedicalCertificate { get; init; }

    /// <summary>The member's age in full calendar months on the date of the grant.</summary>
    public int AgeMonths { get; init; }

    /// <summary>
    /// The retirement age in months for the member's sex on the date of the grant, as the rule set's
    /// <c>exemptionRetirementAgeReading</c> reads it: 1, the statutory retirement age on that date (Bộ luật Lao động
    /// 2019 Art. 169, Nghị định 135/2020: men 60 years and women 55 until 2020, then 3 and 4 months more each year up to
    /// 62 in 2028 and 60 in 2035); 0, the fixed ages <c>exemptionMenAgeMonths</c> / <c>exemptionWomenAgeMonths</c>
    /// (Hướng dẫn 27-HD/BTCTW 2009: "nam trên 60 tuổi, nữ trên 55 tuổi").
    /// </summary>
    public int RetirementAgeMonths { get; init; }

    /// <summary><see cref="AgeMonths"/> ≥ <see cref="RetirementAgeMonths"/>: past working age on the date of the grant.</summary>
    public bool PastRetirementAge { get; init; }

    /// <summary>The cell informed the direct superior committee (<c>exemptionReported</c> after the grant, before the next grant, on or before the "as of" date).</summary>
    public bool Reported { get; init; }
}

/// <summary>
/// Re-admission (kết nạp lại; Quy định 29-QĐ/TW §3.5, 24 §3.5, 232 and 294 §3.5), from <c>person.previousMembership</c>.
/// Rule language: <c>readmission.*</c>.
/// </summary>
public readonly record struct ReadmissionFacts
{
    /// <summary>The person has a previous membership: the re-admission rules apply.</summary>
    public bool Applies { get; init; }

    /// <summary>The person left for a reason that excludes re-admission (abandoned activities, resigned, serious disunity, corruption or serious crime).</summary>
    public bool Excluded { get; init; }

    /// <summary>The person left after a conviction for a minor offence (the wait counts from the cleared record).</summary>
    public bool MinorCrimeConviction { get; init; }

    /// <summary>Full calendar months from leaving to the gate's date.</summary>
    public int MonthsSinceLeft { get; init; }

    /// <summary>Full calendar months from the cleared record to the gate's date (0 without one).</summary>
    public int MonthsSinceRecordCleared { get; init; }

    /// <summary>How many times the person was already re-admitted.</summary>
    public int TimesReadmitted { get; init; }

    /// <summary>The provincial standing committee's written consent is on record (<c>readmissionConsentGiven</c>).</summary>
    public bool ConsentGiven { get; init; }
}

/// <summary>
/// The competent committee's decision deadlines (Quy định 29-QĐ/TW §4.3.1): working days since the cell's latest
/// resolution of each purpose, and the first extension after it. Rule language: <c>decision.*</c>.
/// </summary>
public readonly record struct DecisionFacts
{
    /// <summary>Working days from the cell's latest admission resolution to the gate's date (0 without one).</summary>
    public int WorkingDaysSinceAdmissionResolution { get; init; }

    /// <summary>Working days of the first admission extension after that resolution (0 without one).</summary>
    public int AdmissionExtensionWorkingDays { get; init; }

    /// <summary>Working days from the cell's latest full-membership resolution to the gate's date (0 without one).</summary>
    public int WorkingDaysSinceFullMembershipResolution { get; init; }

    /// <summary>Working days of the first full-membership extension after that resolution (0 without one).</summary>
    public int FullMembershipExtensionWorkingDays { get; init; }
}

/// <summary>Age on the gate's date (tuổi). Rule language: <c>age.months</c>, <c>age.years</c>, <c>age.exceptionApproved</c>.</summary>
public readonly record struct AgeFacts
{
    /// <summary>
    /// Age counted in months (tuổi tính theo tháng): (gate year × 12 + gate month) − (birth year × 12 + birth
    /// month), the day of the month ignored — the reading of Quy định 29-QĐ/TW §1 / 24-QĐ/TW §1.1 implemented.
    /// </summary>
    public int Months { get; init; }

    /// <summary>Age in full years on the gate's date (the birthday counts), for the Youth Union age.</summary>
    public int Years { get; init; }

    /// <summary>Whether a competent committee allowed admission past 60 (<c>ageExceptionApproved</c>).</summary>
    public bool ExceptionApproved { get; init; }
}

/// <summary>The person's status on the gate's date (thông tin cá nhân).</summary>
public readonly record struct PersonFacts
{
    /// <summary>Whether the person is a woman (priority source).</summary>
    public bool IsFemale { get; init; }

    /// <summary>Whether the person is a Youth Union member (đoàn viên) on the gate's date.</summary>
    public bool YouthUnionMember { get; init; }

    /// <summary>Whether the person is a trade-union member (đoàn viên công đoàn) on the gate's date.</summary>
    public bool TradeUnionMember { get; init; }

    /// <summary>Whether the person follows a religion (tín đồ or chức sắc).</summary>
    public bool IsReligious { get; init; }

    /// <summary>Whether the person holds a religious office (chức sắc, chức việc).</summary>
    public bool IsReligiousDignitary { get; init; }
}

/// <summary>Education (trình độ học vấn). Rule language: <c>education.level</c>, <c>education.exceptionApproved</c>.</summary>
public readonly record struct EducationFacts
{
    /// <summary>
    /// The level as a rank: 0 none, 1 primary, 2 lowerSecondary (THCS), 3 upperSecondary (THPT), 4 vocational,
    /// 5 college, 6 university, 7 postgraduate. Each level implies those below; compare with
    /// <c>params.minEducationLevel</c>, which a rule file writes as a level name.
    /// </summary>
    public int Level { get; init; }

    /// <summary>Whether the Secretariat's special guidance applies (<c>educationExceptionApproved</c>).</summary>
    public bool ExceptionApproved { get; init; }
}

/// <summary>The party-awareness course (lớp bồi dưỡng nhận thức về Đảng).</summary>
public readonly record struct CourseFacts
{
    /// <summary>Whether a certificate exists on the gate's date.</summary>
    public bool Completed { get; init; }

    /// <summary>
    /// Full calendar months from the latest certificate's date to the gate's date (NodaTime month arithmetic,
    /// clamped to the month's end); a certificate is valid while this is below its validity in months.
    /// </summary>
    public int MonthsSinceCertificate { get; init; }
}

/// <summary>The dossier (hồ sơ) as of the gate's date.</summary>
public readonly record struct DossierFacts
{
    /// <summary>A full member is assigned to help the person (<c>helperAssigned</c>).</summary>
    public bool HelperAssigned { get; init; }

    /// <summary>The application exists (đơn xin vào Đảng).</summary>
    public bool ApplicationSubmitted { get; init; }

    /// <summary>The background is declared (lý lịch).</summary>
    public bool BackgroundDeclared { get; init; }

    /// <summary>The background is verified (thẩm tra lý lịch), whatever the conclusion.</summary>
    public bool BackgroundVerified { get; init; }

    /// <summary>The latest verification concluded <c>clear</c>.</summary>
    public bool BackgroundClear { get; init; }

    /// <summary>Opinions of mass organisations and the residence cell gathered (5-KNĐ).</summary>
    public bool CommentsCollected { get; init; }

    /// <summary>The Youth Union's grassroots committee endorsed the applicant (4-KNĐ).</summary>
    public bool YouthUnionEndorsed { get; init; }

    /// <summary>The trade union's grassroots committee endorsed the applicant.</summary>
    public bool TradeUnionEndorsed { get; init; }

    /// <summary>The probationary member's self-review is submitted (10-KNĐ).</summary>
    public bool SelfReviewSubmitted { get; init; }

    /// <summary>The helper's review is submitted (11-KNĐ).</summary>
    public bool HelperReviewSubmitted { get; init; }

    /// <summary>
    /// Every document counted for the vote — each introducer's letter, the Youth Union or trade union resolution, the
    /// summary of comments — is current on the gate's date: dated D, current while the date ≤ D + the rule set's
    /// <c>dossierValidityMonths</c> (01-HD/TW: "quá 12 tháng … phải làm lại"). True when none is on record.
    /// </summary>
    public bool DocumentsCurrent { get; init; }
}

/// <summary>The introducers (người giới thiệu), each measured on the date of its <c>introducerAssigned</c> event.</summary>
public readonly record struct IntroducerFacts
{
    /// <summary>How many distinct members introduce the applicant.</summary>
    public int Count { get; init; }

    /// <summary>Whether every introducer was a full member when introducing (true when there are none).</summary>
    public bool AllFullMembers { get; init; }

    /// <summary>
    /// The shortest time, in full calendar months, that an introducer had worked, studied or lived with the
    /// applicant when introducing; 0 when there are none.
    /// </summary>
    public int MinMonthsWorkedTogether { get; init; }
}

/// <summary>The cell and the mass organisations of the person's unit.</summary>
public readonly record struct CellFacts
{
    /// <summary>The unit has a Youth Union organisation.</summary>
    public bool HasYouthUnion { get; init; }

    /// <summary>The unit has a trade union organisation.</summary>
    public bool HasTradeUnion { get; init; }

    /// <summary>The cell is under a grassroots party committee (chi bộ trực thuộc).</summary>
    public bool IsSubordinate { get; init; }
}

/// <summary>The party cell's vote of the gate (biểu quyết của chi bộ).</summary>
public readonly record struct VoteFacts
{
    /// <summary>Whether the vote was held (false while the gate is ahead).</summary>
    public bool Held { get; init; }

    /// <summary>Full members in favour.</summary>
    public int InFavour { get; init; }

    /// <summary>The cell's full members at the time.</summary>
    public int FullMembers { get; init; }
}

/// <summary>The grassroots party committee's vote of the gate (đảng ủy cơ sở xét duyệt).</summary>
public readonly record struct CommitteeVoteFacts
{
    /// <summary>Whether the vote was held (false while the gate is ahead).</summary>
    public bool Held { get; init; }

    /// <summary>Committee members in favour.</summary>
    public int InFavour { get; init; }

    /// <summary>The committee's members.</summary>
    public int Members { get; init; }
}

/// <summary>The admission decision and the ceremony (quyết định kết nạp, lễ kết nạp).</summary>
public readonly record struct CeremonyFacts
{
    /// <summary>The cell has received the admission decision.</summary>
    public bool DecisionReceived { get; init; }

    /// <summary>The ceremony is held (on the gate's date, when re-checking it).</summary>
    public bool Held { get; init; }

    /// <summary>The superior committee approved a later ceremony (<c>ceremonyDelayApproved</c>).</summary>
    public bool DelayApproved { get; init; }

    /// <summary>
    /// Working days from receiving the decision to the gate's date ("within N working days from D" counts D+1 as
    /// the first); 0 when the decision was not received.
    /// </summary>
    public int WorkingDaysSinceDecision { get; init; }
}

/// <summary>The probation (thời gian dự bị).</summary>
public readonly record struct ProbationFacts
{
    /// <summary>Whether the ceremony was held (probation started).</summary>
    public bool Started { get; init; }

    /// <summary>Full calendar months from the ceremony to the gate's date (NodaTime month arithmetic).</summary>
    public int FullMonths { get; init; }

    /// <summary>
    /// Working days from the end of probation (ceremony + the rule set's probation months) to the gate's date;
    /// 0 when the gate's date is not after the end.
    /// </summary>
    public int WorkingDaysAfterEnd { get; init; }
}
