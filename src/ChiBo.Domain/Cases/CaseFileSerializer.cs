using System.Diagnostics.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Serialization;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>
/// Reads and writes case files (<c>*.case.json</c>) in the contract's format with the shared
/// <see cref="ChiBoJson.Options"/>. Reading never throws for bad data: it returns every problem found
/// as a <see cref="CaseFileError"/> with the file, line and JSON path, or the event's index, type and date.
/// </summary>
public static class CaseFileSerializer
{
    /// <summary>The earliest date accepted anywhere in a case file.</summary>
    public static readonly LocalDate MinDate = new(1900, 1, 1);

    /// <summary>The latest date accepted anywhere in a case file.</summary>
    public static readonly LocalDate MaxDate = new(2100, 12, 31);

    /// <summary>The largest case file accepted, in bytes (4 MiB); a larger one is refused before parsing.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The most events accepted in one case file.</summary>
    public const int MaxEvents = 10_000;

    /// <summary>
    /// The most members a vote may count (<c>fullMembers</c>, <c>committeeMembers</c>): far above any cell or
    /// committee, and low enough that the rules' whole-number arithmetic (a count times the vote fraction's
    /// parameters, each at most 100) cannot overflow. A larger count is a typo and is refused.
    /// </summary>
    public const int MaxVoteMembers = 100_000;

    /// <summary>
    /// The most working days a <c>decisionDeadlineExtended</c> may state: far above the law's 30, so that an
    /// extension beyond the era's maximum is recorded and judged (it does not count), while a typo is refused.
    /// </summary>
    public const int MaxExtensionWorkingDays = 1000;

    /// <summary>Reads a case file from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CaseFileReadResult Read(string json, string? fileName = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));

        // UTF-8 takes at least one byte per UTF-16 unit: a longer string is refused without encoding it.
        if (json.Length > MaxFileBytes)
        {
            return Fail(JsonFiles.TooLarge(null, MaxFileBytes, fileName));
        }

        return Read(Encoding.UTF8.GetBytes(json), fileName);
    }

    /// <summary>Reads a case file from UTF-8 bytes (a byte-order mark is allowed).</summary>
    /// <param name="utf8Json">The UTF-8 encoded JSON.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    public static CaseFileReadResult Read(ReadOnlySpan<byte> utf8Json, string? fileName = null)
    {
        // The fast path reads the usual file in one Utf8JsonReader pass; on anything it does not take as it stands
        // (an error, or merely an unusual spelling) the System.Text.Json path reads the bytes again and decides.
        var caseFile = utf8Json.Length <= MaxFileBytes ? TryReadFast(utf8Json) : null;
        if (caseFile is null)
        {
            CaseFileError? error;
            (caseFile, error) = JsonFiles.Deserialize<CaseFile>(utf8Json, fileName, MaxFileBytes);
            if (error is not null)
            {
                return Fail(error);
            }
        }

        var errors = Validate(caseFile!, fileName);
        if (errors.Count > 0)
        {
            return new CaseFileReadResult(null, errors);
        }

        caseFile!.IsValidated = true;
        return new CaseFileReadResult(caseFile, []);
    }

    /// <summary>
    /// Reads a case file from a stream of UTF-8 JSON, at most <see cref="MaxFileBytes"/> bytes: a longer stream
    /// is refused (<c>file.tooLarge</c>) after reading one byte past the limit, or at once when it is seekable.
    /// </summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static CaseFileReadResult Read(Stream utf8Json, string? fileName = null)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = JsonFiles.ReadBounded(utf8Json, MaxFileBytes, fileName);
        return error is null ? Read(bytes!, fileName) : Fail(error);
    }

    /// <summary>
    /// Reads a case file from disk with ChiBo's safe reader: only a regular file is opened (a named pipe, a device, a
    /// folder, a dangling or looping link is an error naming the path: <c>file.notRegular</c>, <c>file.danglingLink</c>,
    /// <c>file.linkLoop</c>), at most <see cref="MaxFileBytes"/> bytes are read whatever size the file reports
    /// (<c>file.tooLarge</c>), the read never blocks, and an I/O problem is <c>file.unreadable</c>. Never throws for a
    /// bad path or file.
    /// </summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static CaseFileReadResult ReadFile(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = RegularFile.ReadAllBytes(path, MaxFileBytes);
        return error is null ? Read(bytes!, path) : Fail(error);
    }

    /// <summary>
    /// Reads a case file from a stream of UTF-8 JSON asynchronously — an ASP.NET Core request body, which forbids
    /// synchronous reads — at most <see cref="MaxFileBytes"/> bytes, as <see cref="Read(Stream, string?)"/> does.
    /// </summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CaseFileReadResult> ReadAsync(Stream utf8Json, string? fileName = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = await JsonFiles.ReadBoundedAsync(utf8Json, MaxFileBytes, fileName, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, fileName) : Fail(error);
    }

    /// <summary>Reads a case file from disk asynchronously, with the safe reader of <see cref="ReadFile"/>.</summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CaseFileReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = await RegularFile.ReadAllBytesAsync(path, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, path) : Fail(error);
    }

    /// <summary>Writes a case file as indented UTF-8 JSON text in the contract's format.</summary>
    /// <param name="caseFile">The case file.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public static string Write(CaseFile caseFile)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));

        // The fast path writes the usual file in one Utf8JsonWriter pass, the very bytes System.Text.Json writes; on
        // anything rare (non-empty extensions, a value System.Text.Json would refuse) the System.Text.Json path writes it.
        return CaseFileFastWriter.TryWrite(caseFile) ?? WriteWithSerializer(caseFile);
    }

    /// <summary>Writes with System.Text.Json only (the reference path the fast writer must agree with), for tests and benchmarks.</summary>
    internal static string WriteWithSerializer(CaseFile caseFile) => JsonSerializer.Serialize(caseFile, ChiBoJson.Options);

    private static CaseFileReadResult Fail(CaseFileError error) => new(null, [error]);

    private static CaseFile? TryReadFast(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        return System.Text.Unicode.Utf8.IsValid(utf8Json) ? CaseFileFastReader.TryRead(utf8Json) : null;
    }

    /// <summary>Reads with System.Text.Json only (the reference path the fast reader must agree with), for tests and benchmarks.</summary>
    internal static CaseFileReadResult ReadWithSerializer(ReadOnlySpan<byte> utf8Json, string? fileName = null)
    {
        var (caseFile, error) = JsonFiles.Deserialize<CaseFile>(utf8Json, fileName, MaxFileBytes);
        if (error is not null)
        {
            return Fail(error);
        }

        var errors = Validate(caseFile!, fileName);
        return errors.Count > 0 ? new CaseFileReadResult(null, errors) : new CaseFileReadResult(caseFile, []);
    }

    /// <summary>
    /// Checks a case file against every bound the reader enforces — for a case built in code, which skips the reader:
    /// non-empty ids and names, dates within <see cref="MinDate"/>–<see cref="MaxDate"/>, at most
    /// <see cref="MaxEvents"/> events, vote counts within 1–<see cref="MaxVoteMembers"/> with <c>inFavour</c> between 0
    /// and the members, non-empty member ids. The errors are the reader's, with the same codes and messages
    /// (<c>field.invalid</c> at a JSON path, <c>event.invalid</c> with the event's index, type and date) and no line.
    /// Allocates nothing for a valid case.
    /// </summary>
    /// <param name="caseFile">The case file.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>Every problem found; empty when the case is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public static IReadOnlyList<CaseFileError> Validate(CaseFile caseFile, string? fileName = null)
    {
        Preconditions.CheckNotNull(caseFile, nameof(caseFile));
        List<CaseFileError>? errors = null;
        void Field(string path, string message) => (errors ??= []).Add(new CaseFileError("field.invalid", message, fileName, Path: path));

        if (caseFile.Person is not { } person)
        {
            Field("$.person", "person must be given");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(person.Id))
            {
                Field("$.person.id", "person.id must not be empty");
            }

            if (string.IsNullOrWhiteSpace(person.FullName))
            {
                Field("$.person.fullName", "person.fullName must not be empty");
            }

            CheckDate(person.BirthDate, "$.person.birthDate");
            if (person.YouthUnionMemberSince is { } yu)
            {
                CheckDate(yu, "$.person.youthUnionMemberSince");
            }

            if (person.TradeUnionMemberSince is { } tu)
            {
                CheckDate(tu, "$.person.tradeUnionMemberSince");
            }
        }

        if (caseFile.Cell is not { } cell)
        {
            Field("$.cell", "cell must be given");
        }
        else if (string.IsNullOrWhiteSpace(cell.Id))
        {
            Field("$.cell.id", "cell.id must not be empty");
        }

        if (caseFile.Person?.PreviousMembership is { } previous)
        {
            CheckDate(previous.AdmissionDecided, "$.person.previousMembership.admissionDecided");
            CheckDate(previous.Left, "$.person.previousMembership.left");
            if (previous.RecordClearedOn is { } cleared)
            {
                CheckDate(cleared, "$.person.previousMembership.recordClearedOn");
            }

            if (previous.Left < previous.AdmissionDecided)
            {
                Field("$.person.previousMembership.left", "left must not be before admissionDecided");
            }

            if (previous.TimesReadmitted < 0 || previous.TimesReadmitted > 100)
            {
                Field("$.person.previousMembership.timesReadmitted", "timesReadmitted must be between 0 and 100");
            }
        }

        if (caseFile.Cell?.Changes is { } changes)
        {
            for (var i = 0; i < changes.Count; i++)
            {
                if (changes[i] is not { } change)
                {
                    Field($"$.cell.changes[{i}]", "a cell change cannot be null");
                    continue;
                }

                CheckDate(change.From, $"$.cell.changes[{i}].from");
                if (change.Kind is null && change.Superior is null && change.Name is null)
                {
                    Field($"$.cell.changes[{i}]", "a cell change must name at least one of kind, superior, name");
                }
            }
        }

        var events = caseFile.Events.IsDefault ? [] : caseFile.Events;
        if (events.Length > MaxEvents)
        {
            Field("$.events", $"the case has {events.Length} events; at most {MaxEvents} are accepted");
            return errors!;
        }

        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (e is null)
            {
                Field($"$.events[{i}]", "an event must not be null");
                continue;
            }

            if (e.Date < MinDate || e.Date > MaxDate)
            {
                Bad(i, e, $"the date must be between {MinDate:yyyy-MM-dd} and {MaxDate:yyyy-MM-dd}");
            }

            var problem = e switch
            {
                CellVoted v => CheckVote(v.InFavour, v.FullMembers, "fullMembers"),
                GrassrootsCommitteeVoted v => CheckVote(v.InFavour, v.CommitteeMembers, "committeeMembers"),
                IntroducerAssigned intro when intro.FullMemberSince < MinDate || intro.FullMemberSince > MaxDate
                    || intro.WorkedTogetherSince < MinDate || intro.WorkedTogetherSince > MaxDate =>
                    "fullMemberSince and workedTogetherSince must be dates between 1900 and 2100",
                _ => null,
            };
            if (problem is not null)
            {
                Bad(i, e, problem);
            }

            if (e is IntroducerAssigned { MemberId: var introducer } && string.IsNullOrWhiteSpace(introducer))
            {
                Bad(i, e, "memberId must not be empty");
            }
            else if (e is HelperAssigned { MemberId: var helper } && string.IsNullOrWhiteSpace(helper))
            {
                Bad(i, e, "memberId must not be empty");
            }
            else if (e is DecisionDeadlineExtended extended && (extended.WorkingDays < 1 || extended.WorkingDays > MaxExtensionWorkingDays))
            {
                Bad(i, e, $"workingDays must be between 1 and {MaxExtensionWorkingDays}");
            }
            else if (e is MeetingMissed { Month: var missed } && MonthProblem(missed, e.Date) is { } missedProblem)
            {
                Bad(i, e, missedProblem);
            }
            else if (e is DuesUnpaid { Month: var unpaid } && MonthProblem(unpaid, e.Date) is { } unpaidProblem)
            {
                Bad(i, e, unpaidProblem);
            }
            else if (e is YearlyRating rating && (rating.Year < MinDate.Year || rating.Year > e.Date.Year))
            {
                Bad(i, e, $"year is {rating.Year}; it must be between {MinDate.Year} and the rating's own year ({e.Date.Year})");
            }
            else if (e is YearlyRating { Rating: var value } && !Enum.IsDefined(value))
            {
                Bad(i, e, "rating must be one of: excellent, good, fulfilled, notFulfilled");
            }
            else if (e is ExemptionGranted { Grounds: { } grounds } && !Enum.IsDefined(grounds))
            {
                Bad(i, e, "grounds must be one of: oldAge, illness, other");
            }
            else if (e is IntroducerReplaced replaced)
            {
                if (string.IsNullOrWhiteSpace(replaced.MemberId) || string.IsNullOrWhiteSpace(replaced.Replaces))
                {
                    Bad(i, e, "memberId and replaces must not be empty");
                }

                if (replaced.FullMemberSince < MinDate || replaced.FullMemberSince > MaxDate)
                {
                    Bad(i, e, "fullMemberSince must be a date between 1900 and 2100");
                }
            }
        }

        return errors ?? (IReadOnlyList<CaseFileError>)[];

        void Bad(int index, CaseEvent e, string message) => (errors ??= []).Add(new CaseFileError("event.invalid", message, fileName,
            Path: $"$.events[{index}]", EventIndex: index, EventType: e.TypeName, EventDate: e.Date));

        void CheckDate(LocalDate date, string path)
        {
            if (date < MinDate || date > MaxDate)
            {
                Field(path, $"the date must be between {MinDate:yyyy-MM-dd} and {MaxDate:yyyy-MM-dd}");
            }
        }

        // A month recorded (a missed meeting, unpaid dues) is within the accepted years and not after the record's own month.
        static string? MonthProblem(YearMonth month, LocalDate recorded) =>
            month.Year < MinDate.Year || month.Year > MaxDate.Year
                ? $"month must be between {MinDate.Year}-01 and {MaxDate.Year}-12"
                : month.CompareTo(new YearMonth(recorded.Year, recorded.Month)) > 0
                    ? $"month {month.Year:D4}-{month.Month:D2} is after the month the event was recorded ({recorded:yyyy-MM})"
                    : null;

        static string? CheckVote(int inFavour, int members, string membersName) =>
            members < 1 ? $"{membersName} must be at least 1"
            : members > MaxVoteMembers ? $"{membersName} is {members}; at most {MaxVoteMembers} are accepted"
            : inFavour < 0 || inFavour > members ? $"inFavour must be between 0 and {membersName} ({members})"
            : null;
    }
}

/// <summary>The outcome of reading a case file: the value, or the errors (never both).</summary>
/// <param name="Value">The case file read, or null when there are errors.</param>
/// <param name="Errors">Every problem found; empty when the file was read.</param>
public sealed record CaseFileReadResult(CaseFile? Value, IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>Whether the file was read without errors: then <see cref="Value"/> is not null, as the compiler knows.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The case file, or an exception listing the errors.</summary>
    /// <returns>The case file.</returns>
    /// <exception cref="CaseFileException">The file had errors.</exception>
    public CaseFile GetValueOrThrow() => Value ?? throw new CaseFileException(Errors);
}

/// <summary>Thrown by <see cref="CaseFileReadResult.GetValueOrThrow"/> when the caller opts into exceptions.</summary>
public sealed class CaseFileException : Exception
{
    /// <summary>Creates the exception from the errors.</summary>
    /// <param name="errors">The errors.</param>
    public CaseFileException(IReadOnlyList<CaseFileError> errors)
        : base(errors.Count > 0 ? errors[0].ToString() : "invalid case file") => Errors = errors;

    /// <summary>The errors.</summary>
    public IReadOnlyList<CaseFileError> Errors { get; }
}
