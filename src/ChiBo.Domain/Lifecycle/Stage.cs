namespace ChiBo.Lifecycle;

/// <summary>
/// Where a case stands (giai đoạn), derived by replaying its events; never stored beside them.
/// The JSON name is the camelCase member name. The last six are terminal: no event follows them.
/// </summary>
public enum Stage
{
    /// <summary>Member of the public (quần chúng): the starting stage.</summary>
    Prospect,

    /// <summary>Outstanding person, a development source (quần chúng ưu tú, nguồn phát triển).</summary>
    Source,

    /// <summary>On the sympathiser list (cảm tình đảng).</summary>
    Sympathizer,

    /// <summary>Application submitted, dossier in progress (đang làm hồ sơ).</summary>
    Applicant,

    /// <summary>The cell voted to propose admission (chi bộ đề nghị kết nạp).</summary>
    ProposedByCell,

    /// <summary>The grassroots committee approved (đảng ủy cơ sở xét duyệt): subordinate cells only.</summary>
    ApprovedByGrassrootsCommittee,

    /// <summary>The competent committee decided to admit (có quyết định kết nạp).</summary>
    AdmissionDecided,

    /// <summary>Probationary member (đảng viên dự bị), from the ceremony.</summary>
    Probationary,

    /// <summary>Full member (đảng viên chính thức).</summary>
    FullMember,

    /// <summary>Terminal: removed from the sympathiser list (đưa ra khỏi danh sách cảm tình đảng).</summary>
    RemovedFromList,

    /// <summary>Terminal: the competent committee refused admission (không được kết nạp).</summary>
    Refused,

    /// <summary>Terminal: struck off as a probationary member (xóa tên đảng viên dự bị).</summary>
    ProbationaryStruckOff,

    /// <summary>Terminal: struck off the list of members (xóa tên).</summary>
    StruckOff,

    /// <summary>Terminal: expelled (khai trừ).</summary>
    Expelled,

    /// <summary>Terminal: party activity transferred to another organisation (chuyển sinh hoạt đảng).</summary>
    TransferredOut,
}

/// <summary>
/// A gate (bước xét): a step whose event the rules judge. The JSON name is the camelCase member name.
/// </summary>
public enum Gate
{
    /// <summary>Being put on the sympathiser list.</summary>
    SympathizerList,

    /// <summary>The party-awareness course.</summary>
    AwarenessCourse,

    /// <summary>The cell's vote proposing admission.</summary>
    CellAdmissionVote,

    /// <summary>The grassroots committee's approval (subordinate cells).</summary>
    CommitteeApproval,

    /// <summary>The competent committee's admission decision.</summary>
    AdmissionDecision,

    /// <summary>The admission ceremony.</summary>
    Ceremony,

    /// <summary>The cell's vote on full membership.</summary>
    FullMembershipVote,

    /// <summary>The decision recognising full membership.</summary>
    FullMembershipDecision,

    /// <summary>No gate ahead (a full member or a terminal stage).</summary>
    None,
}

/// <summary>Facts about <see cref="Stage"/> values.</summary>
public static class Stages
{
    /// <summary>Whether no event can follow the stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>True for the six ways out.</returns>
    public static bool IsTerminal(this Stage stage) => stage >= Stage.RemovedFromList;

    /// <summary>The stage's JSON name, e.g. <c>proposedByCell</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The camelCase name.</returns>
    public static string JsonName(this Stage stage) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stage.ToString());

    /// <summary>The gate's JSON name, e.g. <c>cellAdmissionVote</c>.</summary>
    /// <param name="gate">The gate.</param>
    /// <returns>The camelCase name.</returns>
    public static string JsonName(this Gate gate) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(gate.ToString());
}
