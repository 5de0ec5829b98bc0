using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Evaluation;

/// <summary>
/// The facts of a deadline in words (<see cref="Deadline.Finding"/>): what started it and when, the due day, what was
/// done and when, and how late in working days — "lễ kết nạp ngày 14/06/2019, quá hạn 8 ngày làm việc so với hạn
/// 04/06/2019 (nhận quyết định ngày 19/04/2019)". Vietnamese dates are dd/MM/yyyy, English ISO.
/// </summary>
internal static class DeadlineFindings
{
    /// <summary>The deadline with its start event, its lateness and its finding.</summary>
    public static Deadline Describe(Deadline d, LocalDate asOf, WorkingDayCalendar calendar)
    {
        var inWorkingDays = d.Action is not (DeadlineAction.ProbationEnds or DeadlineAction.CertificateExpires);
        int? late = d.Status switch
        {
            DeadlineStatus.MetLate when inWorkingDays && d.Done is { } done => Count(calendar, d.Due, done),
            DeadlineStatus.Overdue when inWorkingDays => Count(calendar, d.Due, asOf),
            _ => null,
        };
        var described = d with { StartEvent = StartEventOf(d.Action), WorkingDaysLate = late };
        return described.WithFinding(() => Text(described, asOf, late, calendar));
    }

    private static int Count(WorkingDayCalendar calendar, LocalDate from, LocalDate to)
    {
        try
        {
            return calendar.CountWorkingDays(from, to);
        }
        catch (System.ArgumentOutOfRangeException)
        {
            return 0;
        }
    }

    private static EventKind? StartEventOf(DeadlineAction action) => action switch
    {
        DeadlineAction.HoldCeremony => EventKind.AdmissionDecisionReceived,
        DeadlineAction.DecideAdmission or DeadlineAction.DecideFullMembership => EventKind.CellVoted,
        DeadlineAction.ProbationEnds => EventKind.CeremonyHeld,
        DeadlineAction.CertificateExpires => EventKind.AwarenessCourseCompleted,
        _ => null,
    };

    private static LocalizedText Text(Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar)
    {
        var start = Labels.Date(d.Start);
        var due = Labels.Date(d.Due);
        if (d.Action == DeadlineAction.ProbationEnds)
        {
            return new($"vào Đảng ngày {start.Vi}, hết thời gian dự bị ngày {due.Vi}", $"party entry on {start.En}; probation ends on {due.En}");
        }

        if (d.Action == DeadlineAction.CertificateExpires)
        {
            return d.Status == DeadlineStatus.Overdue
                ? new($"giấy chứng nhận ngày {start.Vi} đã hết giá trị (còn giá trị đến hết ngày {due.Vi})", $"the certificate of {start.En} has expired (valid up to {due.En})")
                : new($"giấy chứng nhận ngày {start.Vi}, còn giá trị đến hết ngày {due.Vi}", $"the certificate of {start.En} is valid up to {due.En}");
        }

        var (startVi, startEn) = d.Action switch
        {
            DeadlineAction.HoldCeremony => ($"nhận quyết định kết nạp ngày {start.Vi}", $"decision received on {start.En}"),
            DeadlineAction.DecideAdmission => ($"nghị quyết đề nghị kết nạp của chi bộ ngày {start.Vi}", $"the cell's admission resolution of {start.En}"),
            DeadlineAction.DecideFullMembership => ($"nghị quyết đề nghị công nhận chính thức của chi bộ ngày {start.Vi}", $"the cell's full-membership resolution of {start.En}"),
            _ => ($"hết thời gian dự bị ngày {start.Vi}", $"probation ended on {start.En}"),
        };
        var (doneVi, doneEn, notVi, notEn) = d.Action switch
        {
            DeadlineAction.HoldCeremony => ("lễ kết nạp", "ceremony", "chưa tổ chức lễ kết nạp", "no ceremony yet"),
            DeadlineAction.DecideAdmission => ("cấp ủy có thẩm quyền quyết định", "decided", "cấp ủy có thẩm quyền chưa quyết định", "no decision yet"),
            DeadlineAction.DecideFullMembership => ("cấp ủy có thẩm quyền quyết định", "decided", "cấp ủy có thẩm quyền chưa quyết định", "no decision yet"),
            _ => ("chi bộ xét công nhận chính thức", "the cell voted", "chi bộ chưa xét công nhận đảng viên chính thức", "the cell has not voted yet"),
        };
        var doneOn = d.Done is { } x ? Labels.Date(x) : default;
        switch (d.Status)
        {
            case DeadlineStatus.MetLate:
                return new($"{doneVi} ngày {doneOn.Vi}, quá hạn {late} ngày làm việc so với hạn {due.Vi} ({startVi})",
                    $"{doneEn} on {doneOn.En}, {late} working {Days(late)} after the due date {due.En} ({startEn})");
            case DeadlineStatus.Met when d.Done is not null:
                return d.Done > d.Due
                    ? new($"{doneVi} ngày {doneOn.Vi}, sau hạn {due.Vi} nhưng đã được cấp ủy cấp trên đồng ý lùi ({startVi})",
                        $"{doneEn} on {doneOn.En}, after the due date {due.En} with the superior committee's approval ({startEn})")
                    : new($"{doneVi} ngày {doneOn.Vi}, trong hạn {due.Vi} ({startVi})", $"{doneEn} on {doneOn.En}, within the due date {due.En} ({startEn})");
            case DeadlineStatus.Overdue:
                return new($"{notVi}, đã quá hạn {late} ngày làm việc so với hạn {due.Vi} ({startVi})",
                    $"{notEn}, {late} working {Days(late)} past the due date {due.En} ({startEn})");
            default:
                if (asOf > d.Due)
                {
                    return new($"{notVi}; hạn {due.Vi} đã qua nhưng cấp ủy cấp trên đã đồng ý lùi ({startVi})",
                        $"{notEn}; the due date {due.En} has passed, with the superior committee's approval of a delay ({startEn})");
                }

                var left = Count(calendar, asOf, d.Due);
                return new($"hạn {due.Vi}, còn {left} ngày làm việc ({startVi})", $"due on {due.En}, {left} working {Days(left)} left ({startEn})");
        }
    }

    private static string Days(int? n) => n == 1 ? "day" : "days";
}
