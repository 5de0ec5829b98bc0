namespace ChiBo.Cases;

/// <summary>Sex of a person (giới tính), as recorded in the background declaration.</summary>
public enum Sex
{
    /// <summary>Male (nam).</summary>
    Male,

    /// <summary>Female (nữ).</summary>
    Female,
}

/// <summary>What a person does in the cell's unit (nghề nghiệp); it decides the priority group.</summary>
public enum Occupation
{
    /// <summary>Teacher (giáo viên).</summary>
    Teacher,

    /// <summary>Staff member (nhân viên, cán bộ).</summary>
    Staff,

    /// <summary>Student (học sinh, sinh viên).</summary>
    Student,

    /// <summary>Any other occupation (khác).</summary>
    Other,
}

/// <summary>
/// Highest completed education (trình độ học vấn). Each level implies the ones below it:
/// the enum's order is the order of levels, so comparisons such as <c>level &gt;= LowerSecondary</c> hold.
/// </summary>
public enum EducationLevel
{
    /// <summary>No completed level (chưa tốt nghiệp tiểu học).</summary>
    None = 0,

    /// <summary>Primary school (tiểu học).</summary>
    Primary = 1,

    /// <summary>Lower secondary school, THCS (trung học cơ sở).</summary>
    LowerSecondary = 2,

    /// <summary>Upper secondary school, THPT (trung học phổ thông).</summary>
    UpperSecondary = 3,

    /// <summary>Vocational training (trung cấp, nghề).</summary>
    Vocational = 4,

    /// <summary>College (cao đẳng).</summary>
    College = 5,

    /// <summary>University (đại học).</summary>
    University = 6,

    /// <summary>Postgraduate (sau đại học).</summary>
    Postgraduate = 7,
}

/// <summary>The kind of party cell, which decides the approval levels.</summary>
public enum CellKind
{
    /// <summary>Grassroots cell (chi bộ cơ sở): directly under the district-level committee.</summary>
    GrassrootsCell,

    /// <summary>Subordinate cell (chi bộ trực thuộc đảng ủy cơ sở): the grassroots committee approves too.</summary>
    SubordinateCell,
}

/// <summary>A religious person's role (vai trò trong tôn giáo).</summary>
public enum ReligiousRole
{
    /// <summary>Follower (tín đồ).</summary>
    Follower,

    /// <summary>Dignitary or office holder (chức sắc, chức việc): needs higher approval.</summary>
    Dignitary,
}

/// <summary>What a vote of the cell or the grassroots committee decides (mục đích biểu quyết).</summary>
public enum VotePurpose
{
    /// <summary>Proposing admission (đề nghị kết nạp).</summary>
    Admission,

    /// <summary>Recognising full membership (công nhận đảng viên chính thức).</summary>
    FullMembership,

    /// <summary>Striking the name off (xóa tên).</summary>
    StrikeOff,
}

/// <summary>Why a former member left the party (<c>previousMembership.reason</c>). JSON names are camelCase.</summary>
public enum LeavingReason
{
    /// <summary>Left party activities on their own (tự bỏ sinh hoạt đảng): never re-admitted.</summary>
    AbandonedActivities,

    /// <summary>Asked to leave (làm đơn xin ra Đảng): never re-admitted.</summary>
    Resigned,

    /// <summary>Asked to leave because of special family hardship (vì lý do gia đình đặc biệt khó khăn): may be re-admitted.</summary>
    ResignedForHardship,

    /// <summary>Caused serious internal disunity (gây mất đoàn kết nội bộ nghiêm trọng): never re-admitted.</summary>
    SeriousDisunity,

    /// <summary>Convicted of corruption (bị kết án vì tội tham nhũng): never re-admitted.</summary>
    CorruptionConviction,

    /// <summary>Convicted of a serious crime or worse (bị kết án về tội nghiêm trọng trở lên): never re-admitted.</summary>
    SeriousCrimeConviction,

    /// <summary>Convicted of a minor offence (tội ít nghiêm trọng): 60 months after the record is cleared.</summary>
    MinorCrimeConviction,

    /// <summary>Removed for breaking the population and family-planning policy: per the Secretariat's rules.</summary>
    PopulationPolicy,

    /// <summary>Another reason.</summary>
    Other,
}

/// <summary>Which decision of the competent committee (quyết định của cấp ủy có thẩm quyền). JSON names are camelCase.</summary>
public enum DecisionPurpose
{
    /// <summary>The admission decision (quyết định kết nạp).</summary>
    Admission,

    /// <summary>The full-membership decision (quyết định công nhận đảng viên chính thức).</summary>
    FullMembership,
}

/// <summary>Why an introducer was replaced (Quy định 24-QĐ/TW §3.2.2). JSON names are camelCase.</summary>
public enum IntroducerReplacementReason
{
    /// <summary>Transferred to another party organisation (chuyển sinh hoạt).</summary>
    Transferred,

    /// <summary>Disciplined (bị kỷ luật).</summary>
    Disciplined,

    /// <summary>Another reason (lý do khác).</summary>
    Other,
}

/// <summary>The conclusion of a background verification (kết luận thẩm tra lý lịch).</summary>
public enum BackgroundConclusion
{
    /// <summary>Nothing stands in the way (rõ ràng).</summary>
    Clear,

    /// <summary>A problem to resolve before admission (có vấn đề).</summary>
    Problem,
}

/// <summary>The cell's yearly rating of a member (xếp loại chất lượng đảng viên). JSON names are camelCase.</summary>
public enum MemberRating
{
    /// <summary>Fulfilled duties excellently (hoàn thành xuất sắc nhiệm vụ).</summary>
    Excellent,

    /// <summary>Fulfilled duties well (hoàn thành tốt nhiệm vụ).</summary>
    Good,

    /// <summary>Fulfilled duties (hoàn thành nhiệm vụ).</summary>
    Fulfilled,

    /// <summary>Did not fulfil duties (không hoàn thành nhiệm vụ).</summary>
    NotFulfilled,
}

/// <summary>The grounds of an exemption from party work and activities (Quy định 24-QĐ/TW §7.1). JSON names are camelCase.</summary>
public enum ExemptionGrounds
{
    /// <summary>Old age (tuổi cao): past the retirement age on the request's date.</summary>
    OldAge,

    /// <summary>Weak health, illness (sức khỏe yếu): with a medical certificate from the 2021 era on.</summary>
    Illness,

    /// <summary>Another reason (long treatment, work far away…; from Hướng dẫn 12-HD/BTCTW, 2022).</summary>
    Other,
}
