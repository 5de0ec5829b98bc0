using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;

namespace ChiBo.Text;

/// <summary>
/// The words people read for ChiBo's values (nhãn hiển thị), in Vietnamese and English: stages, gates, event kinds,
/// deadline actions and statuses, and a check's outcome. The command-line tool, its reports and the lifecycle's
/// rejections use these very words, so a web or desktop host shows exactly what the tool shows.
/// </summary>
public static class Labels
{
    /// <summary>The name of a stage, e.g. "Đảng viên dự bị" / "Probationary member".</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText Stage(Stage stage) => stage switch
    {
        Lifecycle.Stage.Prospect => new("Quần chúng", "Member of the public"),
        Lifecycle.Stage.Source => new("Quần chúng ưu tú (nguồn)", "Outstanding person (source)"),
        Lifecycle.Stage.Sympathizer => new("Cảm tình đảng", "Sympathiser"),
        Lifecycle.Stage.Applicant => new("Đang làm hồ sơ", "Applicant (dossier in progress)"),
        Lifecycle.Stage.ProposedByCell => new("Chi bộ đã đề nghị kết nạp", "Proposed by the cell"),
        Lifecycle.Stage.ApprovedByGrassrootsCommittee => new("Đảng ủy cơ sở đã xét duyệt", "Approved by the grassroots committee"),
        Lifecycle.Stage.AdmissionDecided => new("Đã có quyết định kết nạp", "Admission decided"),
        Lifecycle.Stage.Probationary => new("Đảng viên dự bị", "Probationary member"),
        Lifecycle.Stage.FullMember => new("Đảng viên chính thức", "Full member"),
        Lifecycle.Stage.RemovedFromList => new("Đã đưa ra khỏi danh sách cảm tình đảng", "Removed from the sympathiser list"),
        Lifecycle.Stage.Refused => new("Không được kết nạp", "Admission refused"),
        Lifecycle.Stage.ProbationaryStruckOff => new("Bị xóa tên đảng viên dự bị", "Struck off as probationary member"),
        Lifecycle.Stage.StruckOff => new("Bị xóa tên", "Struck off"),
        Lifecycle.Stage.Expelled => new("Bị khai trừ", "Expelled"),
        Lifecycle.Stage.TransferredOut => new("Đã chuyển sinh hoạt đảng", "Transferred out"),
        _ => new(stage.ToString(), stage.ToString()),
    };

    /// <summary>The name of a gate, e.g. "Tổ chức lễ kết nạp" / "Admission ceremony".</summary>
    /// <param name="gate">The gate.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText Gate(Gate gate) => gate switch
    {
        Lifecycle.Gate.SympathizerList => new("Đưa vào danh sách cảm tình đảng", "Sympathiser list"),
        Lifecycle.Gate.AwarenessCourse => new("Học lớp bồi dưỡng nhận thức về Đảng", "Party-awareness course"),
        Lifecycle.Gate.CellAdmissionVote => new("Chi bộ xét, biểu quyết đề nghị kết nạp", "Cell's admission vote"),
        Lifecycle.Gate.CommitteeApproval => new("Đảng ủy cơ sở xét duyệt", "Grassroots committee approval"),
        Lifecycle.Gate.AdmissionDecision => new("Cấp ủy có thẩm quyền quyết định kết nạp", "Admission decision"),
        Lifecycle.Gate.Ceremony => new("Tổ chức lễ kết nạp", "Admission ceremony"),
        Lifecycle.Gate.FullMembershipVote => new("Chi bộ xét công nhận đảng viên chính thức", "Cell's full-membership vote"),
        Lifecycle.Gate.FullMembershipDecision => new("Quyết định công nhận đảng viên chính thức", "Full-membership decision"),
        _ => new("Không còn bước nào", "None"),
    };

    /// <summary>What an event kind records, e.g. "lễ kết nạp" / "The admission ceremony; …".</summary>
    /// <param name="kind">The event kind.</param>
    /// <returns>The description in both languages.</returns>
    public static LocalizedText Event(EventKind kind) => EventKinds.Describe(kind);

    /// <summary>The name of a deadline's action, e.g. "Tổ chức lễ kết nạp" / "Hold the admission ceremony".</summary>
    /// <param name="action">The action.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText Deadline(DeadlineAction action) => Planning.CellPlanner.DeadlineName(action);

    /// <summary>The name of a deadline's status, e.g. "quá hạn" / "overdue".</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText Status(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Pending => new("còn hạn", "pending"),
        DeadlineStatus.DueSoon => new("sắp đến hạn", "due soon"),
        DeadlineStatus.Overdue => new("quá hạn", "overdue"),
        DeadlineStatus.Met => new("đúng hạn", "met"),
        DeadlineStatus.MetLate => new("trễ hạn", "met late"),
        _ => new(status.ToString(), status.ToString()),
    };

    /// <summary>The outcome of a check in words: "đạt" / "passed", "chưa đạt" / "failed", "chờ thực hiện" / "awaiting the gate's act", "lỗi quy định" / "rule error".</summary>
    /// <param name="check">The check.</param>
    /// <returns>The outcome in both languages.</returns>
    public static LocalizedText Outcome(RuleCheck check) =>
        check is null ? new("?", "?")
        : check.Error is not null ? new("lỗi quy định", "rule error")
        : check.Passed ? new("đạt", "passed")
        : check.Pending ? new("chờ thực hiện", "awaiting the gate's act")
        : new("chưa đạt", "failed");

    /// <summary>
    /// A date as a reader of each language expects it: <c>dd/MM/yyyy</c> in Vietnamese ("04/06/2019"), ISO
    /// <c>yyyy-MM-dd</c> in English ("2019-06-04").
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>The date in both languages.</returns>
    public static LocalizedText Date(NodaTime.LocalDate date) => new(Vietnamese(date), Iso(date));

    private static readonly NodaTime.Text.LocalDatePattern VietnameseDate = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy");

    // The two patterns written by hand for the years of four digits (every date of a case; the findings write several
    // per answer, and a sweep a million answers): the same characters as NodaTime's patterns, which write the others.
    private static string Vietnamese(NodaTime.LocalDate date) =>
        date.Year is >= 1 and <= 9999 && date.Calendar == NodaTime.CalendarSystem.Iso
            ? string.Create(10, date, static (text, d) =>
            {
                Two(text, d.Day);
                text[2] = '/';
                Two(text[3..], d.Month);
                text[5] = '/';
                Four(text[6..], d.Year);
            })
            : VietnameseDate.Format(date);

    private static string Iso(NodaTime.LocalDate date) =>
        date.Year is >= 1 and <= 9999 && date.Calendar == NodaTime.CalendarSystem.Iso
            ? string.Create(10, date, static (text, d) =>
            {
                Four(text, d.Year);
                text[4] = '-';
                Two(text[5..], d.Month);
                text[7] = '-';
                Two(text[8..], d.Day);
            })
            : NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>Writes <see cref="Date(NodaTime.LocalDate, Language)"/> into <paramref name="destination"/> (nothing for null), or returns false when it has no room.</summary>
    internal static bool TryFormatDate(NodaTime.LocalDate? date, Language language, System.Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (date is not { } d)
        {
            return true;
        }

        if (d.Year is >= 1 and <= 9999 && d.Calendar == NodaTime.CalendarSystem.Iso)
        {
            if (destination.Length < 10)
            {
                return false;
            }

            if (language == Language.English)
            {
                Four(destination, d.Year);
                destination[4] = '-';
                Two(destination[5..], d.Month);
                destination[7] = '-';
                Two(destination[8..], d.Day);
            }
            else
            {
                Two(destination, d.Day);
                destination[2] = '/';
                Two(destination[3..], d.Month);
                destination[5] = '/';
                Four(destination[6..], d.Year);
            }

            charsWritten = 10;
            return true;
        }

        var text = Date(d, language);
        if (!System.MemoryExtensions.AsSpan(text).TryCopyTo(destination))
        {
            return false;
        }

        charsWritten = text.Length;
        return true;
    }

    private static void Two(System.Span<char> text, int value)
    {
        text[0] = (char)('0' + (value / 10));
        text[1] = (char)('0' + (value % 10));
    }

    private static void Four(System.Span<char> text, int value)
    {
        Two(text, value / 100);
        Two(text[2..], value % 100);
    }

    /// <summary>A date in one language (see <see cref="Date(NodaTime.LocalDate)"/>).</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">The language.</param>
    /// <returns>"04/06/2019" in Vietnamese, "2019-06-04" in English.</returns>
    public static string Date(NodaTime.LocalDate date, Language language) =>
        language == Language.English ? Iso(date) : Vietnamese(date);

    /// <summary>
    /// An event named by its kind and date, as a finding names it: "chi bộ biểu quyết ngày 05/07/2019" / "the cell's
    /// vote of 2019-07-05".
    /// </summary>
    /// <param name="kind">The event's kind.</param>
    /// <param name="date">The event's date.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText EventOn(EventKind kind, NodaTime.LocalDate date)
    {
        var name = EventName(kind);
        var on = Date(date);
        return new($"{name.Vi} ngày {on.Vi}", $"{name.En} of {on.En}");
    }

    /// <summary>A short name of an event kind, lower case, for prose: "lễ kết nạp" / "the admission ceremony".</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name in both languages.</returns>
    public static LocalizedText EventName(EventKind kind) => kind switch
    {
        EventKind.CellVoted => new("chi bộ biểu quyết", "the cell's vote"),
        EventKind.GrassrootsCommitteeVoted => new("đảng ủy cơ sở xét duyệt", "the grassroots committee's vote"),
        EventKind.AdmissionDecided => new("quyết định kết nạp", "the admission decision"),
        EventKind.AdmissionDecisionReceived => new("chi bộ nhận quyết định kết nạp", "the cell's receipt of the admission decision"),
        EventKind.CeremonyHeld => new("lễ kết nạp", "the admission ceremony"),
        EventKind.FullMembershipDecided => new("quyết định công nhận đảng viên chính thức", "the full-membership decision"),
        EventKind.ExemptionGranted => new("miễn công tác và sinh hoạt đảng", "the exemption from party work"),
        EventKind.AwarenessCourseCompleted => new("giấy chứng nhận bồi dưỡng nhận thức về Đảng", "the awareness-course certificate"),
        EventKind.IntroducerAssigned => new("giấy giới thiệu của đảng viên chính thức", "an introducer's letter"),
        _ => new(Describe(kind).Vi, ShortEnglish(Describe(kind).En)),
    };

    private static LocalizedText Describe(EventKind kind) => EventKinds.Describe(kind);

    private static string ShortEnglish(string text)
    {
        var end = text.IndexOfAny([';', '(']);
        var shortText = (end > 0 ? text[..end] : text).TrimEnd();
        return shortText.Length > 1 ? char.ToLowerInvariant(shortText[0]) + shortText[1..] : shortText;
    }
}
