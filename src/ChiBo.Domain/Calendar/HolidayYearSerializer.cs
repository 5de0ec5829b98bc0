using System.Diagnostics.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Serialization;
using ChiBo.Utility;

namespace ChiBo.Calendar;

/// <summary>
/// Reads and writes holiday calendar files (<c>YYYY.json</c>: one official year, schema
/// <c>rules/schema/calendar.schema.json</c>) with the shared <see cref="ChiBoJson.Options"/>, so that a host can
/// add a year ChiBo does not ship, or override one (see <see cref="WorkingDayCalendar.WithYears"/>). Reading never
/// throws for bad data: it returns every problem as a <see cref="CaseFileError"/> naming the file, the line and
/// the JSON path.
/// </summary>
public static partial class HolidayYearSerializer
{
    /// <summary>The largest calendar file accepted, in bytes (256 KiB).</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The <c>$schema</c> written into calendar files, relative to <c>rules/calendar/</c>.</summary>
    public const string SchemaPath = "../schema/calendar.schema.json";

    /// <summary>
    /// How a calendar file is read: <see cref="ChiBoJson.Options"/> with metadata generated at build time rather than by
    /// reflection at the first read (issue 17: the first official year read fell from about 62 ms to 40 ms of a cold <c>chibo evaluate</c>).
    /// </summary>
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<HolidayYearFile> FileTypeInfo = CreateTypeInfo();

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<HolidayYearFile> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions(ChiBoJson.Options) { TypeInfoResolver = HolidayYearFileContext.Default };
        options.MakeReadOnly();
        return (System.Text.Json.Serialization.Metadata.JsonTypeInfo<HolidayYearFile>)options.GetTypeInfo(typeof(HolidayYearFile));
    }

    /// <summary>Reads a calendar file from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>The official year, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static HolidayYearReadResult Read(string json, string? fileName = null) =>
        Read(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(json, nameof(json))), fileName);

    /// <summary>
    /// Reads a calendar file (<c>YYYY.json</c>) from disk with ChiBo's safe reader: only a regular file is opened (a named pipe, a device, a
    /// folder, a dangling or looping link is an error naming the path: <c>file.notRegular</c>, <c>file.danglingLink</c>,
    /// <c>file.linkLoop</c>), at most <see cref="MaxFileBytes"/> bytes are read whatever size the file reports
    /// (<c>file.tooLarge</c>), the read never blocks, and an I/O problem is <c>file.unreadable</c>. Never throws for a
    /// bad path or file.
    /// </summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <returns>The official year, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static HolidayYearReadResult ReadFile(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = RegularFile.ReadAllBytes(path, MaxFileBytes);
        return error is null ? Read(bytes!, path) : new HolidayYearReadResult(null, [error]);
    }

    /// <summary>Reads a calendar file from a stream of UTF-8 JSON asynchronously, at most <see cref="MaxFileBytes"/> bytes.</summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name to show in errors (<c>YYYY.json</c> names the year it must hold), or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The official year, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<HolidayYearReadResult> ReadAsync(Stream utf8Json, string? fileName = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = await JsonFiles.ReadBoundedAsync(utf8Json, MaxFileBytes, fileName, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, fileName) : new HolidayYearReadResult(null, [error]);
    }

    /// <summary>Reads a calendar file from disk asynchronously, with the safe reader of <see cref="ReadFile"/>.</summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The official year, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<HolidayYearReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = await RegularFile.ReadAllBytesAsync(path, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, path) : new HolidayYearReadResult(null, [error]);
    }

    /// <summary>
    /// Reads a calendar file from UTF-8 bytes (a byte-order mark is allowed). When the file is named
    /// <c>YYYY.json</c>, its <c>year</c> must be YYYY.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="fileName">The file name to show in errors, or null.</param>
    /// <returns>The official year, or the errors that prevented reading it.</returns>
    public static HolidayYearReadResult Read(ReadOnlySpan<byte> utf8Json, string? fileName = null)
    {
        // The fast reader takes the usual file (the shipped years) or gives up, and then the serializer reads it and
        // reports every error as before (issue 17: the serializer's first use is a cold start's cost).
        var body = utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        var file = utf8Json.Length <= MaxFileBytes ? HolidayYearFastReader.TryRead(body) : null;
        if (file is null)
        {
            (file, var error) = JsonFiles.Deserialize(utf8Json, fileName, MaxFileBytes, FileTypeInfo);
            if (error is not null)
            {
                return new HolidayYearReadResult(null, [error]);
            }
        }

        var problems = new List<(string Code, string Path, string Message)>();
        void Bad(string code, string path, string message) => problems.Add((code, path, message));

        if (file!.Year < WorkingDayCalendar.MinDate.Year || file.Year > WorkingDayCalendar.MaxDate.Year)
        {
            Bad("calendar.year", "$.year", $"the year must be between 1900 and 2100, not {file.Year}");
            return Fail(utf8Json, fileName, problems);
        }

        if (fileName is not null && YearFileName().Match(Path.GetFileName(fileName)) is { Success: true } m && m.Groups[1].Value != file.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture))
        {
            Bad("calendar.year", "$.year", $"the file is named for {m.Groups[1].Value} but holds the year {file.Year}");
        }

        var daysOff = new List<DayOff>(file.DaysOff.Length);
        for (var i = 0; i < file.DaysOff.Length; i++)
        {
            if (file.DaysOff[i] is not { } entry)
            {
                Bad("calendar.invalid", $"$.daysOff[{i}]", "a day off cannot be null");
                continue;
            }

            daysOff.Add(new DayOff(entry.Date, entry.Reason, entry.Name ?? HolidayNames.For(entry.Reason, entry.Date)) { Source = entry.Source });
        }

        var decisions = file.Decisions;
        if (decisions.Any(d => d is null))
        {
            Bad("calendar.invalid", "$.decisions", "a decision cannot be null");
        }

        var days = daysOff.ToImmutableArray();
        var optional = file.OptionalDaysOff.IsDefault
            ? []
            : file.OptionalDaysOff.Select(o => o is null ? null! : new OptionalDayOff(o.Id, o.Date, o.Reason, o.Name ?? HolidayNames.For(o.Reason, o.Date), o.Basis)).ToImmutableArray();
        foreach (var (path, _, message) in HolidayYear.Problems(file.Year, days, file.WorkingWeekends, decisions, HolidaySource.Official, optional))
        {
            Bad("calendar.invalid", path, message);
        }

        return problems.Count > 0
            ? Fail(utf8Json, fileName, problems)
            : new HolidayYearReadResult(new HolidayYear(file.Year, days, file.WorkingWeekends, decisions, HolidaySource.Official, optional), []);
    }

    /// <summary>Writes an official year as an indented calendar file (with <c>$schema</c>), which <see cref="Read(string, string?)"/> reads back.</summary>
    /// <param name="year">The year; it must be <see cref="HolidaySource.Official"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="year"/> is computed: a file holds the government's decisions.</exception>
    public static string Write(HolidayYear year)
    {
        Preconditions.CheckNotNull(year, nameof(year));
        Preconditions.CheckArgument(year.Source == HolidaySource.Official, nameof(year), "only an official year (with its decisions) can be written as a calendar file");
        var file = new HolidayYearFile
        {
            Schema = SchemaPath,
            Year = year.Year,
            Decisions = year.Decisions,
            DaysOff = [.. year.DaysOff.Where(d => !year.OptionalDaysOff.Any(o => o.Enabled && o.Date == d.Date)).Select(d => new DayOffEntry(d.Date, d.Reason, d.Name, d.Source))],
            WorkingWeekends = year.WorkingWeekends,
            OptionalDaysOff = year.OptionalDaysOff.IsEmpty ? default : [.. year.OptionalDaysOff.Select(o => new OptionalDayOffEntry(o.Id, o.Date, o.Reason, o.Name, o.Basis))],
        };
        return JsonSerializer.Serialize(file, ChiBoJson.Options);
    }

    private static HolidayYearReadResult Fail(ReadOnlySpan<byte> utf8Json, string? fileName, List<(string Code, string Path, string Message)> problems)
    {
        var errors = new List<CaseFileError>(problems.Count);
        foreach (var (code, path, message) in problems)
        {
            var where = JsonLocations.Find(utf8Json, path);
            errors.Add(new CaseFileError(code, message, fileName, Line: where?.Line, Column: where?.Column, Path: path));
        }

        return new HolidayYearReadResult(null, errors);
    }

    [GeneratedRegex(@"^(\d{4})\.json$")]
    private static partial Regex YearFileName();
}

/// <summary>The outcome of reading a calendar file: the official year, or the errors (never both).</summary>
/// <param name="Value">The year read, or null when there are errors.</param>
/// <param name="Errors">Every problem found, each naming the file, line and JSON path; empty when the file was read.</param>
public sealed record HolidayYearReadResult(HolidayYear? Value, IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>Whether the file was read without errors: then <see cref="Value"/> is not null, as the compiler knows.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The year, or an exception listing the errors.</summary>
    /// <returns>The year.</returns>
    /// <exception cref="Cases.CaseFileException">The file had errors.</exception>
    public HolidayYear GetValueOrThrow() => Value ?? throw new Cases.CaseFileException(Errors);
}
