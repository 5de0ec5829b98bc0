using System.Text.Json.Serialization;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>
/// The kind of a <see cref="CaseEvent"/>; its JSON name (the <c>type</c> property) is the camelCase member name.
/// </summary>
public enum EventKind
{
    /// <summary>Identified as an outstanding person, a development source (đưa vào nguồn, quần chúng ưu tú).</summary>
    IdentifiedAsSource,

    /// <summary>Added to the sympathiser list (đưa vào danh sách cảm tình đảng).</summary>
    AddedToSympathizerList,

    /// <summary>Removed from the sympathiser list (đưa ra khỏi danh sách cảm tình đảng).</summary>
    RemovedFromSympathizerList,

    /// <summary>A full member assigned to help the person (phân công đảng viên chính thức giúp đỡ).</summary>
    HelperAssigned,

    /// <summary>Party-awareness course completed; the event date is the certificate's date (học lớp bồi dưỡng nhận thức về Đảng).</summary>
    AwarenessCourseCompleted,

    /// <summary>Application to join the Party submitted (form 1-KNĐ) (đơn xin vào Đảng).</summary>
    ApplicationSubmitted,

    /// <summary>Background declared (form 2-KNĐ) (lý lịch người xin vào Đảng).</summary>
    BackgroundDeclared,

    /// <summary>Background verified by the cell committee, with its conclusion (thẩm tra, kết luận lý lịch).</summary>
    BackgroundVerified,

    /// <summary>An introducer's letter (form 3-KNĐ); full membership and shared time are measured on the event's date (giấy giới thiệu của đảng viên chính thức).</summary>
    IntroducerAssigned,

    /// <summary>Youth Union grassroots executive committee's resolution introducing the applicant (form 4-KNĐ) (nghị quyết giới thiệu đoàn viên của BCH Đoàn cơ sở).</summary>
    YouthUnionEndorsed,

    /// <summary>Trade union grassroots executive committee's resolution introducing the applicant (nghị quyết giới thiệu của BCH Công đoàn cơ sở).</summary>
    TradeUnionEndorsed,

    /// <summary>Comments of mass organisations and the residence-area cell committee collected (form 5-KNĐ) (tổng hợp ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú).</summary>
    CommentsCollected,

    /// <summary>The competent committee allowed admitting a person over 60 (cấp có thẩm quyền cho phép kết nạp người trên 60 tuổi).</summary>
    AgeExceptionApproved,

    /// <summary>The special education guidance (mountain, island, disadvantaged areas…) applies (áp dụng học vấn theo hướng dẫn riêng).</summary>
    EducationExceptionApproved,

    /// <summary>The cell voted (chi bộ biểu quyết).</summary>
    CellVoted,

    /// <summary>The grassroots party committee voted (subordinate cells only) (đảng ủy cơ sở xét duyệt).</summary>
    GrassrootsCommitteeVoted,

    /// <summary>The competent committee decided to admit (form 9-KNĐ) (quyết định kết nạp của cấp ủy có thẩm quyền).</summary>
    AdmissionDecided,

    /// <summary>The cell received the admission decision; the ceremony deadline counts from here (chi bộ nhận quyết định kết nạp).</summary>
    AdmissionDecisionReceived,

    /// <summary>The competent committee refused admission (cấp có thẩm quyền không đồng ý kết nạp).</summary>
    AdmissionRefused,

    /// <summary>The superior committee approved holding the ceremony later than the deadline (cấp ủy cấp trên đồng ý lùi lễ kết nạp).</summary>
    CeremonyDelayApproved,

    /// <summary>The admission ceremony; its date is the party entry date and starts the probation (lễ kết nạp).</summary>
    CeremonyHeld,

    /// <summary>The probationary member's self-review (form 10-KNĐ) (bản tự kiểm điểm của đảng viên dự bị).</summary>
    SelfReviewSubmitted,

    /// <summary>The helper's review of the probationary member (form 11-KNĐ) (bản nhận xét của đảng viên giúp đỡ).</summary>
    HelperReviewSubmitted,

    /// <summary>The decision recognising full membership (quyết định công nhận đảng viên chính thức).</summary>
    FullMembershipDecided,

    /// <summary>The probationary member's name struck off (xóa tên đảng viên dự bị).</summary>
    ProbationaryStruckOff,

    /// <summary>Exempted from party work and activities (miễn công tác và sinh hoạt đảng).</summary>
    ExemptionGranted,

    /// <summary>Exemption from party work and activities ended (thôi miễn công tác và sinh hoạt đảng).</summary>
    ExemptionEnded,

    /// <summary>Struck off the list of members (xóa tên trong danh sách đảng viên).</summary>
    StruckOff,

    /// <summary>Expelled from the Party (the heaviest discipline) (khai trừ).</summary>
    Expelled,

    /// <summary>Party activity officially transferred to another organisation (chuyển sinh hoạt đảng chính thức đi nơi khác).</summary>
    TransferredOut,

    /// <summary>The competent committee extended its deadline to decide, once, by at most 30 working days (gia hạn thời hạn xem xét, quyết định).</summary>
    DecisionDeadlineExtended,

    /// <summary>The cell assigned another full member in place of an introducer (thay người giới thiệu; Quy định 24-QĐ/TW §3.2.2).</summary>
    IntroducerReplaced,

    /// <summary>The provincial standing committee's written consent to re-admit (ban thường vụ tỉnh ủy đồng ý bằng văn bản việc kết nạp lại).</summary>
    ReadmissionConsentGiven,

    /// <summary>The member missed the cell's meeting of a month (bỏ sinh hoạt chi bộ), excused or not.</summary>
    MeetingMissed,

    /// <summary>The member did not pay the party dues of a month (không đóng đảng phí).</summary>
    DuesUnpaid,

    /// <summary>The cell's yearly rating of the member (xếp loại chất lượng đảng viên hằng năm).</summary>
    YearlyRating,

    /// <summary>The member handed back or destroyed the party card on their own (tự ý trả thẻ, hủy thẻ đảng viên).</summary>
    PartyCardReturned,

    /// <summary>The cell informed the direct superior committee of an exemption (báo cáo cấp ủy cấp trên việc miễn công tác).</summary>
    ExemptionReported,
}

/// <summary>
/// One dated fact of a case's history (sự kiện). The concrete type says which; the lifecycle replays them
/// in date order (then file order) to derive the stage. Instances are immutable; equality is by value.
/// </summary>
/// <param name="Date">The day it happened (a Vietnamese local date).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(IdentifiedAsSource), "identifiedAsSource")]
[JsonDerivedType(typeof(AddedToSympathizerList), "addedToSympathizerList")]
[JsonDerivedType(typeof(RemovedFromSympathizerList), "removedFromSympathizerList")]
[JsonDerivedType(typeof(HelperAssigned), "helperAssigned")]
[JsonDerivedType(typeof(AwarenessCourseCompleted), "awarenessCourseCompleted")]
[JsonDerivedType(typeof(ApplicationSubmitted), "applicationSubmitted")]
[JsonDerivedType(typeof(BackgroundDeclared), "backgroundDeclared")]
[JsonDerivedType(typeof(BackgroundVerified), "backgroundVerified")]
[JsonDerivedType(typeof(IntroducerAssigned), "introducerAssigned")]
[JsonDerivedType(typeof(YouthUnionEndorsed), "youthUnionEndorsed")]
[JsonDerivedType(typeof(TradeUnionEndorsed), "tradeUnionEndorsed")]
[JsonDerivedType(typeof(CommentsCollected), "commentsCollected")]
[JsonDerivedType(typeof(AgeExceptionApproved), "ageExceptionApproved")]
[JsonDerivedType(typeof(EducationExceptionApproved), "educationExceptionApproved")]
[JsonDerivedType(typeof(CellVoted), "cellVoted")]
[JsonDerivedType(typeof(GrassrootsCommitteeVoted), "grassrootsCommitteeVoted")]
[JsonDerivedType(typeof(AdmissionDecided), "admissionDecided")]
[JsonDerivedType(typeof(AdmissionDecisionReceived), "admissionDecisionReceived")]
[JsonDerivedType(typeof(AdmissionRefused), "admissionRefused")]
[JsonDerivedType(typeof(CeremonyDelayApproved), "ceremonyDelayApproved")]
[JsonDerivedType(typeof(CeremonyHeld), "ceremonyHeld")]
[JsonDerivedType(typeof(SelfReviewSubmitted), "selfReviewSubmitted")]
[JsonDerivedType(typeof(HelperReviewSubmitted), "helperReviewSubmitted")]
[JsonDerivedType(typeof(FullMembershipDecided), "fullMembershipDecided")]
[JsonDerivedType(typeof(ProbationaryStruckOff), "probationaryStruckOff")]
[JsonDerivedType(typeof(ExemptionGranted), "exemptionGranted")]
[JsonDerivedType(typeof(ExemptionEnded), "exemptionEnded")]
[JsonDerivedType(typeof(StruckOff), "struckOff")]
[JsonDerivedType(typeof(Expelled), "expelled")]
[JsonDerivedType(typeof(TransferredOut), "transferredOut")]
[JsonDerivedType(typeof(DecisionDeadlineExtended), "decisionDeadlineExtended")]
[JsonDerivedType(typeof(IntroducerReplaced), "introducerReplaced")]
[JsonDerivedType(typeof(ReadmissionConsentGiven), "readmissionConsentGiven")]
[JsonDerivedType(typeof(MeetingMissed), "meetingMissed")]
[JsonDerivedType(typeof(DuesUnpaid), "duesUnpaid")]
[JsonDerivedType(typeof(YearlyRating), "yearlyRating")]
[JsonDerivedType(typeof(PartyCardReturned), "partyCardReturned")]
[JsonDerivedType(typeof(ExemptionReported), "exemptionReported")]
public abstract record CaseEvent(LocalDate Date)
{
    /// <summary>The kind of event.</summary>
    [JsonIgnore]
    public abstract EventKind Kind { get; }

    /// <summary>The event's JSON type name, e.g. <c>ceremonyHeld</c>.</summary>
    [JsonIgnore]
    public string TypeName => EventKinds.JsonName(Kind);
}

/// <summary>Identified as an outstanding person, a development source (đưa vào nguồn, quần chúng ưu tú).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record IdentifiedAsSource(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.IdentifiedAsSource;
}

/// <summary>Added to the sympathiser list (đưa vào danh sách cảm tình đảng).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record AddedToSympathizerList(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AddedToSympathizerList;
}

/// <summary>Removed from the sympathiser list (đưa ra khỏi danh sách cảm tình đảng).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why the person was removed.</param>
public sealed record RemovedFromSympathizerList(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.RemovedFromSympathizerList;
}

/// <summary>A full member assigned to help the person (phân công đảng viên chính thức giúp đỡ).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="MemberId">The helper's member id.</param>
public sealed record HelperAssigned(LocalDate Date, string MemberId) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.HelperAssigned;
}

/// <summary>Party-awareness course completed; the event date is the certificate's date (học lớp bồi dưỡng nhận thức về Đảng).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="CertificateNo">The certificate number, if known.</param>
public sealed record AwarenessCourseCompleted(LocalDate Date, string? CertificateNo = null) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AwarenessCourseCompleted;
}

/// <summary>Application to join the Party submitted (form 1-KNĐ) (đơn xin vào Đảng).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record ApplicationSubmitted(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.ApplicationSubmitted;
}

/// <summary>Background declared (form 2-KNĐ) (lý lịch người xin vào Đảng).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record BackgroundDeclared(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.BackgroundDeclared;
}

/// <summary>Background verified by the cell committee, with its conclusion (thẩm tra, kết luận lý lịch).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Conclusion">The verification's conclusion.</param>
public sealed record BackgroundVerified(LocalDate Date, BackgroundConclusion Conclusion) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.BackgroundVerified;
}

/// <summary>An introducer's letter (form 3-KNĐ); full membership and shared time are measured on the event's date (giấy giới thiệu của đảng viên chính thức).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="MemberId">The introducer's member id.</param>
/// <param name="FullMemberSince">The day the introducer became a full member.</param>
/// <param name="WorkedTogetherSince">The day the introducer began to work, study or live (same residence cell) with the applicant.</param>
public sealed record IntroducerAssigned(LocalDate Date, string MemberId, LocalDate FullMemberSince, LocalDate WorkedTogetherSince) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.IntroducerAssigned;
}

/// <summary>Youth Union grassroots executive committee's resolution introducing the applicant (form 4-KNĐ) (nghị quyết giới thiệu đoàn viên của BCH Đoàn cơ sở).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record YouthUnionEndorsed(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.YouthUnionEndorsed;
}

/// <summary>Trade union grassroots executive committee's resolution introducing the applicant (nghị quyết giới thiệu của BCH Công đoàn cơ sở).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record TradeUnionEndorsed(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.TradeUnionEndorsed;
}

/// <summary>Comments of mass organisations and the residence-area cell committee collected (form 5-KNĐ) (tổng hợp ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record CommentsCollected(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.CommentsCollected;
}

/// <summary>The competent committee allowed admitting a person over 60 (cấp có thẩm quyền cho phép kết nạp người trên 60 tuổi).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="By">The approving committee.</param>
public sealed record AgeExceptionApproved(LocalDate Date, string By) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AgeExceptionApproved;
}

/// <summary>The special education guidance (mountain, island, disadvantaged areas…) applies (áp dụng học vấn theo hướng dẫn riêng).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="By">The approving committee or the guidance applied.</param>
public sealed record EducationExceptionApproved(LocalDate Date, string By) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.EducationExceptionApproved;
}

/// <summary>The cell voted (chi bộ biểu quyết).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Purpose">What the vote decides.</param>
/// <param name="InFavour">Full members voting in favour.</param>
/// <param name="FullMembers">The cell's full members (the base of the two-thirds rule).</param>
public sealed record CellVoted(LocalDate Date, VotePurpose Purpose, int InFavour, int FullMembers) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.CellVoted;
}

/// <summary>The grassroots party committee voted (subordinate cells only) (đảng ủy cơ sở xét duyệt).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Purpose">What the vote decides.</param>
/// <param name="InFavour">Committee members voting in favour.</param>
/// <param name="CommitteeMembers">The committee's members (the base of the two-thirds rule).</param>
public sealed record GrassrootsCommitteeVoted(LocalDate Date, VotePurpose Purpose, int InFavour, int CommitteeMembers) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.GrassrootsCommitteeVoted;
}

/// <summary>The competent committee decided to admit (form 9-KNĐ) (quyết định kết nạp của cấp ủy có thẩm quyền).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="DecisionNo">The decision's number, if known.</param>
public sealed record AdmissionDecided(LocalDate Date, string? DecisionNo = null) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AdmissionDecided;
}

/// <summary>The cell received the admission decision; the ceremony deadline counts from here (chi bộ nhận quyết định kết nạp).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record AdmissionDecisionReceived(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AdmissionDecisionReceived;
}

/// <summary>The competent committee refused admission (cấp có thẩm quyền không đồng ý kết nạp).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why admission was refused.</param>
public sealed record AdmissionRefused(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.AdmissionRefused;
}

/// <summary>The superior committee approved holding the ceremony later than the deadline (cấp ủy cấp trên đồng ý lùi lễ kết nạp).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record CeremonyDelayApproved(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.CeremonyDelayApproved;
}

/// <summary>The admission ceremony; its date is the party entry date and starts the probation (lễ kết nạp).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record CeremonyHeld(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.CeremonyHeld;
}

/// <summary>The probationary member's self-review (form 10-KNĐ) (bản tự kiểm điểm của đảng viên dự bị).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record SelfReviewSubmitted(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.SelfReviewSubmitted;
}

/// <summary>The helper's review of the probationary member (form 11-KNĐ) (bản nhận xét của đảng viên giúp đỡ).</summary>
/// <param name="Date">The day it happened.</param>
public sealed record HelperReviewSubmitted(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.HelperReviewSubmitted;
}

/// <summary>The decision recognising full membership (quyết định công nhận đảng viên chính thức).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="DecisionNo">The decision's number, if known.</param>
public sealed record FullMembershipDecided(LocalDate Date, string? DecisionNo = null) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.FullMembershipDecided;
}

/// <summary>The probationary member's name struck off (xóa tên đảng viên dự bị).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record ProbationaryStruckOff(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.ProbationaryStruckOff;
}

/// <summary>
/// Exempted from party work and activities (miễn công tác và sinh hoạt đảng), by the cell's decision on the member's
/// request (Quy định 24-QĐ/TW §7.1). The exemption is judged on this date (<c>exemption.grounds</c>,
/// <c>exemption.reported</c>) when <paramref name="Grounds"/> is stated; a record without grounds is not judged.
/// </summary>
/// <param name="Date">The day it happened (the request's date, on which old age is measured).</param>
/// <param name="Reason">Why (age, health…), as written.</param>
/// <param name="Grounds">The grounds the rules judge (<c>oldAge</c>, <c>illness</c>, <c>other</c>), or null when not stated (written only when stated).</param>
/// <param name="MedicalCertificate">A competent health facility's certificate is in the dossier (required for illness from the 2021 era on; written only when true).</param>
public sealed record ExemptionGranted(
    LocalDate Date,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(Serialization.NamedEnumConverter<ExemptionGrounds>))] ExemptionGrounds? Grounds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool MedicalCertificate = false) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.ExemptionGranted;
}

/// <summary>Exemption from party work and activities ended (thôi miễn công tác và sinh hoạt đảng).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record ExemptionEnded(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.ExemptionEnded;
}

/// <summary>Struck off the list of members (xóa tên trong danh sách đảng viên).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record StruckOff(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.StruckOff;
}

/// <summary>Expelled from the Party (the heaviest discipline) (khai trừ).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Reason">Why.</param>
public sealed record Expelled(LocalDate Date, string Reason) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.Expelled;
}

/// <summary>Party activity officially transferred to another organisation (chuyển sinh hoạt đảng chính thức đi nơi khác).</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="To">The receiving organisation.</param>
public sealed record TransferredOut(LocalDate Date, string To) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.TransferredOut;
}

/// <summary>
/// The competent committee extended its deadline to decide (gia hạn thời hạn xem xét, quyết định; Quy định 29-QĐ/TW
/// §4.3.1: "trường hợp đặc biệt, có thể gia hạn tối đa 30 ngày làm việc"). Only the first extension of a purpose
/// counts, and one above the era's maximum does not count at all.
/// </summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Purpose">Which decision: admission or full membership.</param>
/// <param name="WorkingDays">The working days added to the deadline.</param>
public sealed record DecisionDeadlineExtended(LocalDate Date, DecisionPurpose Purpose, int WorkingDays) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.DecisionDeadlineExtended;
}

/// <summary>
/// The cell assigned another full member in place of an introducer who transferred, was disciplined or for another
/// reason cannot go on (thay người giới thiệu; Quy định 24-QĐ/TW §3.2.2). The replacement counts as an introducer in
/// place of the one replaced, and needs no 12 months of working together.
/// </summary>
/// <param name="Date">The day it happened.</param>
/// <param name="MemberId">The new introducer's member id.</param>
/// <param name="Replaces">The member id of the introducer replaced.</param>
/// <param name="Reason">Why the introducer was replaced.</param>
/// <param name="FullMemberSince">The day the new introducer became a full member.</param>
public sealed record IntroducerReplaced(LocalDate Date, string MemberId, string Replaces, IntroducerReplacementReason Reason, LocalDate FullMemberSince) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.IntroducerReplaced;
}

/// <summary>
/// The written consent of the provincial standing committee to re-admit a former member (Quy định 29-QĐ/TW §3.5.1:
/// "phải được ban thường vụ tỉnh ủy, thành ủy (hoặc tương đương) đồng ý bằng văn bản").
/// </summary>
/// <param name="Date">The day it happened.</param>
/// <param name="By">The committee that consented.</param>
public sealed record ReadmissionConsentGiven(LocalDate Date, string By) : CaseEvent(Date)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override EventKind Kind => EventKind.ReadmissionConsentGiven;
}

/// <summary>
/// The member missed the cell's meeting of a month (bỏ sinh hoạt chi bộ). Unexcused, it counts towards
/// <c>standing.attendance</c> (Quy định 24-QĐ/TW §8.1: "bỏ sinh hoạt đảng … ba tháng trong năm mà không có lý do chính đáng").
/// </summary>
/// <param name="Date">The day it was recorded.</param>
/// <param name="Month">The month of the missed meeting (<c>yyyy-MM</c>), not after the recording date's month.</param>
/// <param name="Excused">Whether the member had a good reason (lý do chính đáng): an excused absence never counts.</param>
public sealed record MeetingMissed(LocalDate Date, YearMonth Month, bool Excused = false) : CaseEvent(Date)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.MeetingMissed;
}

/// <summary>
/// The member did not pay the party dues of a month (không đóng đảng phí); it counts towards <c>standing.attendance</c>
/// (Quy định 24-QĐ/TW §8.1: "không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng").
/// </summary>
/// <param name="Date">The day it was recorded.</param>
/// <param name="Month">The month of the unpaid dues (<c>yyyy-MM</c>), not after the recording date's month.</param>
public sealed record DuesUnpaid(LocalDate Date, YearMonth Month) : CaseEvent(Date)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.DuesUnpaid;
}

/// <summary>
/// The cell's yearly rating of the member (xếp loại chất lượng đảng viên hằng năm). A later rating of the same year
/// replaces an earlier one (a correction).
/// </summary>
/// <param name="Date">The day the cell rated the member.</param>
/// <param name="Year">The year rated, not after the rating's date.</param>
/// <param name="Rating">The rating: <c>excellent</c>, <c>good</c>, <c>fulfilled</c> or <c>notFulfilled</c>.</param>
public sealed record YearlyRating(
    LocalDate Date,
    int Year,
    [property: JsonConverter(typeof(Serialization.NamedEnumConverter<MemberRating>))] MemberRating Rating) : CaseEvent(Date)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.YearlyRating;
}

/// <summary>
/// The member handed back or destroyed the party card on their own (tự ý trả thẻ, hủy thẻ đảng viên; Quy định
/// 24-QĐ/TW §8.1): <c>standing.partyCard</c> fails.
/// </summary>
/// <param name="Date">The day it happened.</param>
public sealed record PartyCardReturned(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.PartyCardReturned;
}

/// <summary>
/// The cell committee or secretary informed the direct superior committee of an exemption (Quy định 24-QĐ/TW §7.1:
/// "Chi uỷ hoặc bí thư chi bộ báo cáo cấp uỷ cấp trên trực tiếp biết"); it satisfies <c>exemption.reported</c> for the
/// latest exemption granted before it.
/// </summary>
/// <param name="Date">The day it happened.</param>
public sealed record ExemptionReported(LocalDate Date) : CaseEvent(Date)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.ExemptionReported;
}
