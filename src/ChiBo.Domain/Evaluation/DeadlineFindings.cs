using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Text;
using NodaTime;
using System;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChiBo.Serialization;

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
        while (!TryText(d, asOf, late, calendar, new FindingTarget(vi), new FindingTarget(en), out viWritten, out enWritten))
        {
            (vi, en) = Grow();
        }

        return new(new string(vi, 0, viWritten), new string(en, 0, enWritten));
    }

    /// <summary>
    /// Writes the finding as <c>{"vi":…,"en":…}</c>: the bytes of writing <see cref="TextOf"/>'s two strings, without
    /// them. With the writer's encoder known, each text is filled straight as its JSON string's UTF-8 (the literal parts
    /// encoded and escaped once per thread, the dates and numbers checked) and copied whole; a part the encoder would
    /// escape (none) sends the finding down the characters' road.
    /// </summary>
    internal static void Write(Utf8JsonWriter json, Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar)
    {
        if (TryWriteUtf8(json, d, asOf, late, calendar))
        {
            return;
        }

        var (vi, en) = Buffers();
        int viWritten, enWritten;
        while (!TryText(d, asOf, late, calendar, new FindingTarget(vi), new FindingTarget(en), out viWritten, out enWritten))
        {
            (vi, en) = Grow();
        }

        json.WriteStartObject();
        json.WriteString(ViName, vi.AsSpan(0, viWritten));
        json.WriteString(EnName, en.AsSpan(0, enWritten));
        json.WriteEndObject();
    }

    /// <summary>
    /// <see cref="Write"/>'s road through UTF-8: true when it wrote the finding (the writer has an encoder and every part
    /// of both texts is one it leaves alone), false, having written nothing, otherwise.
    /// </summary>
    internal static bool TryWriteUtf8(Utf8JsonWriter json, Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar)
    {
        if (json.Options.Encoder is not { } encoder)
        {
            return false;
        }

        var (viJson, enJson) = (viBytes ??= new JsonStringBuffer(), enBytes ??= new JsonStringBuffer());
        viJson.Clear();
        enJson.Clear();
        viJson.Append((byte)'"');
        enJson.Append((byte)'"');
        if (!TryText(d, asOf, late, calendar, new FindingTarget(viJson, encoder), new FindingTarget(enJson, encoder), out _, out _))
        {
            return false;
        }

        viJson.Append((byte)'"');
        enJson.Append((byte)'"');
        json.WriteStartObject();
        json.WritePropertyName(ViName);
        json.WriteRawValue(viJson.Written, skipInputValidation: true);
        json.WritePropertyName(EnName);
        json.WriteRawValue(enJson.Written, skipInputValidation: true);
        json.WriteEndObject();
        return true;
    }

    private static readonly JsonEncodedText ViName = JsonEncodedText.Encode("vi");
    private static readonly JsonEncodedText EnName = JsonEncodedText.Encode("en");

    // Per thread, reused: a sweep writes millions of deadline findings (each is filled and copied before the next).
    [System.ThreadStatic]
    private static char[]? viBuffer;

    [System.ThreadStatic]
    private static char[]? enBuffer;

    [System.ThreadStatic]
    private static JsonStringBuffer? viBytes;

    [System.ThreadStatic]
    private static JsonStringBuffer? enBytes;

    private static (char[] Vi, char[] En) Buffers() => (viBuffer ??= new char[512], enBuffer ??= new char[512]);

    private static (char[] Vi, char[] En) Grow()
    {
        viBuffer = new char[viBuffer!.Length * 2];
        enBuffer = new char[enBuffer!.Length * 2];
        return (viBuffer, enBuffer);
    }

    /// <summary>Fills one text in each language; true when both had room (and, as UTF-8, needed no escaping).</summary>
    private static bool Pair(
        FindingTarget vi,
        [InterpolatedStringHandlerArgument(nameof(vi))] ref FindingText viText,
        FindingTarget en,
        [InterpolatedStringHandlerArgument(nameof(en))] ref FindingText enText,
        out int viWritten,
        out int enWritten)
    {
        var viFits = viText.Finish(out viWritten);
        var enFits = enText.Finish(out enWritten);
        return viFits & enFits;
    }

    /// <summary>
    /// Fills the finding's two texts into <paramref name="vi"/> and <paramref name="en"/>, or returns false when either has
    /// no room (then the caller tries again with more) or, filled as UTF-8, holds a part to escape: the same characters as
    /// the interpolated strings would make (<see cref="FindingText"/> fills them as <c>MemoryExtensions.TryWrite</c> does).
    /// </summary>
    private static bool TryText(Deadline d, LocalDate asOf, int? late, WorkingDayCalendar calendar, FindingTarget vi, FindingTarget en, out int viWritten, out int enWritten)
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
    internal readonly struct DateWords(LocalDate? date)
    {
        public Formatted Vi => new(date, Language.Vietnamese);

        public Formatted En => new(date, Language.English);
    }

    /// <summary>One language's date in words, written into an interpolated string without a string of its own.</summary>
    internal readonly struct Formatted(LocalDate? date, Language language) : System.ISpanFormattable
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
    public void WriteTo(Utf8JsonWriter json) => DeadlineFindings.Write(json, deadline, asOf, deadline.WorkingDaysLate, calendar);
}

/// <summary>Where a deadline's finding text is filled: a span of characters, or the UTF-8 of a JSON string for an encoder.</summary>
internal readonly ref struct FindingTarget
{
    /// <summary>Characters.</summary>
    public FindingTarget(Span<char> chars) => Chars = chars;

    /// <summary>The UTF-8 of a JSON string written with <paramref name="encoder"/>.</summary>
    public FindingTarget(JsonStringBuffer json, JavaScriptEncoder encoder)
    {
        Json = json;
        Encoder = encoder;
    }

    public Span<char> Chars { get; }

    public JsonStringBuffer? Json { get; }

    public JavaScriptEncoder? Encoder { get; }
}

/// <summary>
/// An interpolated finding text filled into a <see cref="FindingTarget"/>: into characters exactly as
/// <c>MemoryExtensions.TryWrite</c> fills them (no format provider: numbers as the current culture writes them), or as
/// the UTF-8 a JSON writer with the target's encoder writes for those characters — the literal parts and constant texts
/// encoded and escaped once per thread (<see cref="JsonStringBuffer.EscapedConstant"/>), the dates and numbers formatted
/// as characters and copied when the encoder leaves them alone. Either way one source, the interpolated strings of
/// <see cref="DeadlineFindings"/>, makes both the finding's strings and its written bytes.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FindingText
{
    private readonly Span<char> chars;
    private readonly JsonStringBuffer? json;
    private readonly JavaScriptEncoder? encoder;
    private int position;
    private bool fits;

    public FindingText(int literalLength, int formattedCount, FindingTarget target, out bool shouldAppend)
    {
        chars = target.Chars;
        json = target.Json;
        encoder = target.Encoder;
        position = 0;
        fits = true;
        shouldAppend = true;
    }

    /// <summary>Whether it all fitted (and needed no escaping), and how many characters were written (0 as UTF-8).</summary>
    public readonly bool Finish(out int written)
    {
        written = position;
        return fits;
    }

    public bool AppendLiteral(string value) => AppendConstant(value);

    public bool AppendFormatted(string? value) => value is null || AppendConstant(value);

    public bool AppendFormatted(int value) => AppendNumber(value);

    public bool AppendFormatted(int? value) => value is not { } number || AppendNumber(number);

    public bool AppendFormatted(DeadlineFindings.Formatted value)
    {
        Span<char> formatted = stackalloc char[16];
        if (json is null)
        {
            return Fits(value.TryFormat(chars[position..], out var written, default, null), written);
        }

        return value.TryFormat(formatted, out var length, default, null)
            ? Fits(json.AppendUnescaped(formatted[..length], encoder!), 0)
            : AppendText(value.ToString());
    }

    private bool AppendNumber(int value)
    {
        if (json is null)
        {
            return Fits(value.TryFormat(chars[position..], out var written, default, null), written);
        }

        Span<char> formatted = stackalloc char[64];
        return value.TryFormat(formatted, out var length, default, null)
            ? Fits(json.AppendUnescaped(formatted[..length], encoder!), 0)
            : AppendText(value.ToString(null, null));
    }

    /// <summary>A text made for this call (not a constant): copied when the encoder leaves it alone.</summary>
    private bool AppendText(string value) => json is null ? Fits(value.TryCopyTo(chars[position..]), value.Length) : Fits(json.AppendUnescaped(value, encoder!), 0);

    private bool AppendConstant(string value)
    {
        if (json is null)
        {
            return Fits(value.TryCopyTo(chars[position..]), value.Length);
        }

        if (JsonStringBuffer.EscapedConstant(value, encoder!) is { } escaped)
        {
            json.Append(escaped);
            return true;
        }

        return Fits(false, 0);
    }

    private bool Fits(bool done, int written)
    {
        if (done)
        {
            position += written;
            return true;
        }

        fits = false;
        return false;
    }
}
