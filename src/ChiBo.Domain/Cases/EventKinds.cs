using System;
using System.Collections.Generic;
using ChiBo.Text;

namespace ChiBo.Cases;

/// <summary>Names and descriptions of the event kinds, in the contract's order.</summary>
public static class EventKinds
{
    private static readonly string[] JsonNames =
    [
        "identifiedAsSource",
        "addedToSympathizerList",
        "removedFromSympathizerList",
        "helperAssigned",
        "awarenessCourseCompleted",
        "applicationSubmitted",
        "backgroundDeclared",
        "backgroundVerified",
        "introducerAssigned",
        "youthUnionEndorsed",
        "tradeUnionEndorsed",
        "commentsCollected",
        "ageExceptionApproved",
        "educationExceptionApproved",
        "cellVoted",
        "grassrootsCommitteeVoted",
        "admissionDecided",
        "admissionDecisionReceived",
        "admissionRefused",
        "ceremonyDelayApproved",
        "ceremonyHeld",
        "selfReviewSubmitted",
        "helperReviewSubmitted",
        "fullMembershipDecided",
        "probationaryStruckOff",
        "exemptionGranted",
        "exemptionEnded",
        "struckOff",
        "expelled",
        "transferredOut",
        "decisionDeadlineExtended",
        "introducerReplaced",
        "readmissionConsentGiven",
        "meetingMissed",
        "duesUnpaid",
        "yearlyRating",
        "partyCardReturned",
        "exemptionReported",
    ];

    private static readonly LocalizedText[] Descriptions =
    [
        new("đưa vào nguồn, quần chúng ưu tú", "Identified as an outstanding person, a development source"),
        new("đưa vào danh sách cảm tình đảng", "Added to the sympathiser list"),
        new("đưa ra khỏi danh sách cảm tình đảng", "Removed from the sympathiser list"),
        new("phân công đảng viên chính thức giúp đỡ", "A full member assigned to help the person"),
        new("học lớp bồi dưỡng nhận thức về Đảng", "Party-awareness course completed; the event date is the certificate's date"),
        new("đơn xin vào Đảng", "Application to join the Party submitted (form 1-KNĐ)"),
        new("lý lịch người xin vào Đảng", "Background declared (form 2-KNĐ)"),
        new("thẩm tra, kết luận lý lịch", "Background verified by the cell committee, with its conclusion"),
        new("giấy giới thiệu của đảng viên chính thức", "An introducer's letter (form 3-KNĐ); full membership and shared time are measured on the event's date"),
        new("nghị quyết giới thiệu đoàn viên của BCH Đoàn cơ sở", "Youth Union grassroots executive committee's resolution introducing the applicant (form 4-KNĐ)"),
        new("nghị quyết giới thiệu của BCH Công đoàn cơ sở", "Trade union grassroots executive committee's resolution introducing the applicant"),
        new("tổng hợp ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú", "Comments of mass organisations and the residence-area cell committee collected (form 5-KNĐ)"),
        new("cấp có thẩm quyền cho phép kết nạp người trên 60 tuổi", "The competent committee allowed admitting a person over 60"),
        new("áp dụng học vấn theo hướng dẫn riêng", "The special education guidance (mountain, island, disadvantaged areas…) applies"),
        new("chi bộ biểu quyết", "The cell voted"),
        new("đảng ủy cơ sở xét duyệt", "The grassroots party committee voted (subordinate cells only)"),
        new("quyết định kết nạp của cấp ủy có thẩm quyền", "The competent committee decided to admit (form 9-KNĐ)"),
        new("chi bộ nhận quyết định kết nạp", "The cell received the admission decision; the ceremony deadline counts from here"),
        new("cấp có thẩm quyền không đồng ý kết nạp", "The competent committee refused admission"),
        new("cấp ủy cấp trên đồng ý lùi lễ kết nạp", "The superior committee approved holding the ceremony later than the deadline"),
        new("lễ kết nạp", "The admission ceremony; its date is the party entry date and starts the probation"),
        new("bản tự kiểm điểm của đảng viên dự bị", "The probationary member's self-review (form 10-KNĐ)"),
        new("bản nhận xét của đảng viên giúp đỡ", "The helper's review of the probationary member (form 11-KNĐ)"),
        new("quyết định công nhận đảng viên chính thức", "The decision recognising full membership"),
        new("xóa tên đảng viên dự bị", "The probationary member's name struck off"),
        new("miễn công tác và sinh hoạt đảng", "Exempted from party work and activities"),
        new("thôi miễn công tác và sinh hoạt đảng", "Exemption from party work and activities ended"),
        new("xóa tên trong danh sách đảng viên", "Struck off the list of members"),
        new("khai trừ", "Expelled from the Party (the heaviest discipline)"),
        new("chuyển sinh hoạt đảng chính thức đi nơi khác", "Party activity officially transferred to another organisation"),
        new("gia hạn thời hạn xem xét, quyết định của cấp ủy có thẩm quyền", "The competent committee extended its deadline to decide (once, at most 30 working days)"),
        new("thay người giới thiệu", "Another full member assigned in place of an introducer (Quy định 24-QĐ/TW §3.2.2)"),
        new("ban thường vụ tỉnh ủy đồng ý bằng văn bản việc kết nạp lại", "The provincial standing committee's written consent to re-admit"),
        new("bỏ sinh hoạt chi bộ", "The member missed the cell's meeting of a month"),
        new("không đóng đảng phí", "The member did not pay the party dues of a month"),
        new("xếp loại chất lượng đảng viên hằng năm", "The cell's yearly rating of the member"),
        new("tự ý trả thẻ, hủy thẻ đảng viên", "The member handed back or destroyed the party card on their own"),
        new("báo cáo cấp ủy cấp trên việc miễn công tác và sinh hoạt đảng", "The cell informed the direct superior committee of an exemption"),
    ];

    /// <summary>All event kinds, in the contract's order.</summary>
    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    /// <summary>The JSON <c>type</c> name of a kind, e.g. <c>ceremonyHeld</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The camelCase name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not a defined member.</exception>
    public static string JsonName(EventKind kind) =>
        (uint)kind < (uint)JsonNames.Length ? JsonNames[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>What the kind means, in Vietnamese and English.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not a defined member.</exception>
    public static LocalizedText Describe(EventKind kind) =>
        (uint)kind < (uint)Descriptions.Length ? Descriptions[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>Finds a kind by its JSON name.</summary>
    /// <param name="jsonName">The name, e.g. <c>ceremonyHeld</c>.</param>
    /// <param name="kind">The kind found.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string jsonName, out EventKind kind)
    {
        var index = Array.IndexOf(JsonNames, jsonName);
        kind = (EventKind)Math.Max(index, 0);
        return index >= 0;
    }
}
