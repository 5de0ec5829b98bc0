using ChiBo.Evaluation;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>Human labels of stages, gates and deadline values, in both languages.</summary>
internal static class Labels
{
    public static string Stage(Lifecycle.Stage stage, Language lang) => (stage switch
    {
        Lifecycle.Stage.Prospect => new LocalizedText("Quần chúng", "Member of the public"),
        Lifecycle.Stage.Source => new LocalizedText("Quần chúng ưu tú (nguồn)", "Outstanding person (source)"),
        Lifecycle.Stage.Sympathizer => new LocalizedText("Cảm tình đảng", "Sympathiser"),
        Lifecycle.Stage.Applicant => new LocalizedText("Đang làm hồ sơ", "Applicant (dossier in progress)"),
        Lifecycle.Stage.ProposedByCell => new LocalizedText("Chi bộ đã đề nghị kết nạp", "Proposed by the cell"),
        Lifecycle.Stage.ApprovedByGrassrootsCommittee => new LocalizedText("Đảng ủy cơ sở đã xét duyệt", "Approved by the grassroots committee"),
        Lifecycle.Stage.AdmissionDecided => new LocalizedText("Đã có quyết định kết nạp", "Admission decided"),
        Lifecycle.Stage.Probationary => new LocalizedText("Đảng viên dự bị", "Probationary member"),
        Lifecycle.Stage.FullMember => new LocalizedText("Đảng viên chính thức", "Full member"),
        Lifecycle.Stage.RemovedFromList => new LocalizedText("Đã đưa ra khỏi danh sách cảm tình đảng", "Removed from the sympathiser list"),
        Lifecycle.Stage.Refused => new LocalizedText("Không được kết nạp", "Admission refused"),
        Lifecycle.Stage.ProbationaryStruckOff => new LocalizedText("Bị xóa tên đảng viên dự bị", "Struck off as probationary member"),
        Lifecycle.Stage.StruckOff => new LocalizedText("Bị xóa tên", "Struck off"),
        Lifecycle.Stage.Expelled => new LocalizedText("Bị khai trừ", "Expelled"),
        Lifecycle.Stage.TransferredOut => new LocalizedText("Đã chuyển sinh hoạt đảng", "Transferred out"),
        _ => new LocalizedText(stage.ToString(), stage.ToString()),
    }).In(lang);

    public static string Gate(Lifecycle.Gate gate, Language lang) => (gate switch
    {
        Lifecycle.Gate.SympathizerList => new LocalizedText("Đưa vào danh sách cảm tình đảng", "Sympathiser list"),
        Lifecycle.Gate.AwarenessCourse => new LocalizedText("Học lớp bồi dưỡng nhận thức về Đảng", "Party-awareness course"),
        Lifecycle.Gate.CellAdmissionVote => new LocalizedText("Chi bộ xét, biểu quyết đề nghị kết nạp", "Cell's admission vote"),
        Lifecycle.Gate.CommitteeApproval => new LocalizedText("Đảng ủy cơ sở xét duyệt", "Grassroots committee approval"),
        Lifecycle.Gate.AdmissionDecision => new LocalizedText("Cấp ủy có thẩm quyền quyết định kết nạp", "Admission decision"),
        Lifecycle.Gate.Ceremony => new LocalizedText("Tổ chức lễ kết nạp", "Admission ceremony"),
        Lifecycle.Gate.FullMembershipVote => new LocalizedText("Chi bộ xét công nhận đảng viên chính thức", "Cell's full-membership vote"),
        Lifecycle.Gate.FullMembershipDecision => new LocalizedText("Quyết định công nhận đảng viên chính thức", "Full-membership decision"),
        _ => new LocalizedText("Không còn bước nào", "None"),
    }).In(lang);

    // One wording for deadlines, the library's (the plan, due work and audit reports use it too).
    public static string Action(DeadlineAction action, Language lang) => ChiBo.Planning.CellPlanner.DeadlineName(action).In(lang);

    public static string Status(DeadlineStatus status, Language lang) => (status switch
    {
        DeadlineStatus.Pending => new LocalizedText("còn hạn", "pending"),
        DeadlineStatus.DueSoon => new LocalizedText("sắp đến hạn", "due soon"),
        DeadlineStatus.Overdue => new LocalizedText("quá hạn", "overdue"),
        DeadlineStatus.Met => new LocalizedText("đúng hạn", "met"),
        DeadlineStatus.MetLate => new LocalizedText("trễ hạn", "met late"),
        _ => new LocalizedText(status.ToString(), status.ToString()),
    }).In(lang);
}
