using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Text;
using NodaTime;
using System;
using System.Runtime.CompilerServices;

namespace ChiBo.Evaluation;

/// <summary>
/// The facts of a deadline in words (<see cref="Deadline.Finding"/>): what started it and when, the due day, what was
/// done and when, and how late in working days — "lễ kết nạp ngày 14/06/2019, quá hạn 8 ngày làm việc so với hạn
/// 04/06/2019 (nhận quyết định ngày 19/04/2019)". Vietnamese dates are dd/MM/yyyy, English ISO.
/// </summary>
internal static class DeadlineFindings
{
    /// <summary>
    /// The deadline with its start event, its lateness and its finding: one object and its finding's source (a
    /// deadline is made for nearly every answer, so not a bare one and two copies).
    /// </summary>
    public static Deadline Describe(LocalDate asOf, WorkingDayCalendar calendar, DeadlineAction action, LocalDate start, LocalDate due, DeadlineStatus status, string source, LocalDate? done = null)
    {
        var inWorkingDays = action is not (DeadlineAction.ProbationEnds or DeadlineAction.CertificateExpires);
        int? late = status switch
        {
            DeadlineStatus.MetLate when inWorkingDays && done is { } on => Count(calendar, due, on),
            DeadlineStatus.Overdue when inWorkingDays => Count(calendar, due, asOf),
            _ => null,
        };
        var described = new Deadline(action, start, due, status, source, done) { StartEvent = StartEventOf(action), WorkingDaysLate = late };
        return described.Attach(new DeadlineFinding(described, asOf, calendar));
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

    internal static LocalizedText TextOf(Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar)
    {
        var (vi, en) = Buffers();
        int viWritten, enWritten;
        while (!TryText(d, asOf, late, calendar, vi, en, out viWritten, out enWritten))
        {
            (vi, en) = Grow();
        }

        return new(new string(vi, 0, viWritten), new string(en, 0, enWritten));
    }

    /// <summary>Writes the finding as <c>{"vi":…,"en":…}</c>: the bytes of writing <see cref="TextOf"/>'s two strings, without them.</summary>
    internal static void Write(System.Text.Json.Utf8JsonWriter json, Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar)
    {
        var (vi, en) = Buffers();
        int viWritten, enWritten;
        while (!TryText(d, asOf, late, calendar, vi, en, out viWritten, out enWritten))
        {
            (vi, en) = Grow();
        }

        json.WriteStartObject();
        json.WriteString("vi"u8, vi.AsSpan(0, viWritten));
        json.WriteString("en"u8, en.AsSpan(0, enWritten));
        json.WriteEndObject();
    }

    // Per thread, reused: a sweep writes millions of deadline findings (each is filled and copied before the next).
    [System.ThreadStatic]
    private static char[]? viBuffer;

    [System.ThreadStatic]
    private static char[]? enBuffer;

    private static (char[] Vi, char[] En) Buffers() => (viBuffer ??= new char[512], enBuffer ??= new char[512]);

    private static (char[] Vi, char[] En) Grow()
    {
        viBuffer = new char[viBuffer!.Length * 2];
        enBuffer = new char[enBuffer!.Length * 2];
        return (viBuffer, enBuffer);
    }

    /// <summary>Fills one text in each language; true when both had room.</summary>
    private static bool Pair(
        Span<char> vi,
        [InterpolatedStringHandlerArgument(nameof(vi))] ref MemoryExtensions.TryWriteInterpolatedStringHandler viText,
        Span<char> en,
        [InterpolatedStringHandlerArgument(nameof(en))] ref MemoryExtensions.TryWriteInterpolatedStringHandler enText,
        out int viWritten,
        out int enWritten)
    {
        var viFits = vi.TryWrite(ref viText, out viWritten);
        var enFits = en.TryWrite(ref enText, out enWritten);
        return viFits & enFits;
    }

    /// <summary>
    /// Fills the finding's two texts into <paramref name="vi"/> and <paramref name="en"/>, or returns false when either has
    /// no room (then the caller tries again with more): the same characters as the interpolated strings would make.
    /// </summary>
    private static bool TryText(Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar, Span<char> vi, Span<char> en, out int viWritten, out int enWritten)
    {
        // The dates are formatted straight into each finding (no string per date): an answer has several findings.
        var start = new DateWords(d.Start);
        var due = new DateWords(d.Due);
        if (d.Action == DeadlineAction.ProbationEnds)
        {
            return Pair(vi, $"vào Đảng ngày {start.Vi}, hết thời gian dự bị ngày {due.Vi}", en, $"party entry on {start.En}; probation ends on {due.En}", out viWritten, out enWritten);
        }

        if (d.Action == DeadlineAction.CertificateExpires)
        {
            return d.Status == DeadlineStatus.Overdue
                ? Pair(vi, $"giấy chứng nhận ngày {start.Vi} đã hết giá trị (còn giá trị đến hết ngày {due.Vi})", en, $"the certificate of {start.En} has expired (valid up to {due.En})", out viWritten, out enWritten)
                : Pair(vi, $"giấy chứng nhận ngày {start.Vi}, còn giá trị đến hết ngày {due.Vi}", en, $"the certificate of {start.En} is valid up to {due.En}", out viWritten, out enWritten);
        }

        var (startVi, startEn) = d.Action switch
        {
            DeadlineAction.HoldCeremony => ("nhận quyết định kết nạp ngày ", "decision received on "),
            DeadlineAction.DecideAdmission => ("nghị quyết đề nghị kết nạp của chi bộ ngày ", "the cell's admission resolution of "),
            DeadlineAction.DecideFullMembership => ("nghị quyết đề nghị công nhận chính thức của chi bộ ngày ", "the cell's full-membership resolution of "),
            _ => ("hết thời gian dự bị ngày ", "probation ended on "),
        };
        var (doneVi, doneEn, notVi, notEn) = d.Action switch
        {
            DeadlineAction.HoldCeremony => ("lễ kết nạp", "ceremony", "chưa tổ chức lễ kết nạp", "no ceremony yet"),
            DeadlineAction.DecideAdmission => ("cấp ủy có thẩm quyền quyết định", "decided", "cấp ủy có thẩm quyền chưa quyết định", "no decision yet"),
            DeadlineAction.DecideFullMembership => ("cấp ủy có thẩm quyền quyết định", "decided", "cấp ủy có thẩm quyền chưa quyết định", "no decision yet"),
            _ => ("chi bộ xét công nhận chính thức", "the cell voted", "chi bộ chưa xét công nhận đảng viên chính thức", "the cell has not voted yet"),
        };
        var doneOn = new DateWords(d.Done);
        switch (d.Status)
        {
            case DeadlineStatus.MetLate:
                return Pair(vi, $"{doneVi} ngày {doneOn.Vi}, quá hạn {late} ngày làm việc so với hạn {due.Vi} ({startVi}{start.Vi})", en, $"{doneEn} on {doneOn.En}, {late} working {Days(late)} after the due date {due.En} ({startEn}{start.En})", out viWritten, out enWritten);
            case DeadlineStatus.Met when d.Done is not null:
                return d.Done > d.Due
                    ? Pair(vi, $"{doneVi} ngày {doneOn.Vi}, sau hạn {due.Vi} nhưng đã được cấp ủy cấp trên đồng ý lùi ({startVi}{start.Vi})", en, $"{doneEn} on {doneOn.En}, after the due date {due.En} with the superior committee's approval ({startEn}{start.En})", out viWritten, out enWritten)
                    : Pair(vi, $"{doneVi} ngày {doneOn.Vi}, trong hạn {due.Vi} ({startVi}{start.Vi})", en, $"{doneEn} on {doneOn.En}, within the due date {due.En} ({startEn}{start.En})", out viWritten, out enWritten);
            case DeadlineStatus.Overdue:
                return Pair(vi, $"{notVi}, đã quá hạn {late} ngày làm việc so với hạn {due.Vi} ({startVi}{start.Vi})", en, $"{notEn}, {late} working {Days(late)} past the due date {due.En} ({startEn}{start.En})", out viWritten, out enWritten);
            default:
                if (asOf > d.Due)
                {
                    return Pair(vi, $"{notVi}; hạn {due.Vi} đã qua nhưng cấp ủy cấp trên đã đồng ý lùi ({startVi}{start.Vi})", en, $"{notEn}; the due date {due.En} has passed, with the superior committee's approval of a delay ({startEn}{start.En})", out viWritten, out enWritten);
                }

                var left = Count(calendar, asOf, d.Due);
                return Pair(vi, $"hạn {due.Vi}, còn {left} ngày làm việc ({startVi}{start.Vi})", en, $"due on {due.En}, {left} working {Days(left)} left ({startEn}{start.En})", out viWritten, out enWritten);
        }
    }

    private static string Days(int? n) => n == 1 ? "day" : "days";

    /// <summary>A date in words in both languages (<see cref="Labels.Date(LocalDate)"/>), formatted where it is written; empty when null.</summary>
    private readonly struct DateWords(LocalDate? date)
    {
        public Formatted Vi => new(date, Language.Vietnamese);

        public Formatted En => new(date, Language.English);
    }

    /// <summary>One language's date in words, written into an interpolated string without a string of its own.</summary>
    private readonly struct Formatted(LocalDate? date, Language language) : System.ISpanFormattable
    {
        public bool TryFormat(System.Span<char> destination, out int charsWritten, System.ReadOnlySpan<char> format, System.IFormatProvider? provider) =>
            Labels.TryFormatDate(date, language, destination, out charsWritten);

        public string ToString(string? format, System.IFormatProvider? formatProvider) => ToString();

        public override string ToString() => date is { } d ? Labels.Date(d, language) : string.Empty;
    }
}

/// <summary>
/// A deadline's finding, made when first read (<see cref="DeferredFinding"/>); the sweep's answer writer writes it
/// straight from here (<see cref="WriteTo"/>), to the same bytes, without its two strings.
/// </summary>
/// <remarks>How late is the deadline's own <see cref="Deadline.WorkingDaysLate"/> (not kept twice).</remarks>
internal sealed class DeadlineFinding(Deadline deadline, LocalDate asOf, WorkingDayCalendar calendar) : FindingSource
{
    /// <inheritdoc />
    public override (LocalizedText? Text, FactValues? Facts) Make() => (DeadlineFindings.TextOf(deadline, asOf, deadline.WorkingDaysLate, calendar), null);

    /// <summary>Writes the finding as <c>{"vi":…,"en":…}</c>, the bytes of writing <see cref="Make"/>'s text.</summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter json) => DeadlineFindings.Write(json, deadline, asOf, deadline.WorkingDaysLate, calendar);
}
