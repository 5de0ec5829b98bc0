using System.Diagnostics.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Serialization;
using ChiBo.Utility;

namespace ChiBo.Planning;

/// <summary>Reads and writes cell files (<c>cell.json</c>); reading never throws for bad data.</summary>
public static class CellFileSerializer
{
    /// <summary>The largest cell file accepted, in bytes (1 MiB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// How a cell file is read: <see cref="ChiBoJson.Options"/> with metadata generated at build time rather than by
    /// reflection at the first read (issue 17: <c>cell.json</c> is the first JSON that <c>chibo plan|due|audit</c> read
    /// with System.Text.Json; the values and errors are the same, <c>CellFileSerializerTests</c>).
    /// </summary>
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<CellFile> FileTypeInfo = CreateTypeInfo();

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<CellFile> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions(ChiBoJson.Options) { TypeInfoResolver = CellFileContext.Default };
        options.MakeReadOnly();
        return (System.Text.Json.Serialization.Metadata.JsonTypeInfo<CellFile>)options.GetTypeInfo(typeof(CellFile));
    }

    /// <summary>Reads a cell file from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name for errors, or null.</param>
    /// <returns>The cell file, or its errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CellFileReadResult Read(string json, string? fileName = null) =>
        Read(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(json, nameof(json))), fileName);

    /// <summary>
    /// Reads a cell file from disk with ChiBo's safe reader: only a regular file is opened (a named pipe, a device, a
    /// folder, a dangling or looping link is an error naming the path: <c>file.notRegular</c>, <c>file.danglingLink</c>,
    /// <c>file.linkLoop</c>), at most <see cref="MaxFileBytes"/> bytes are read whatever size the file reports
    /// (<c>file.tooLarge</c>), the read never blocks, and an I/O problem is <c>file.unreadable</c>. Never throws for a
    /// bad path or file.
    /// </summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <returns>The cell file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static CellFileReadResult ReadFile(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = RegularFile.ReadAllBytes(path, MaxFileBytes);
        return error is null ? Read(bytes!, path) : new CellFileReadResult(null, [error]);
    }

    /// <summary>Reads a cell file from a stream of UTF-8 JSON asynchronously, at most <see cref="MaxFileBytes"/> bytes.</summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name for errors, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cell file, or its errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CellFileReadResult> ReadAsync(Stream utf8Json, string? fileName = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = await JsonFiles.ReadBoundedAsync(utf8Json, MaxFileBytes, fileName, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, fileName) : new CellFileReadResult(null, [error]);
    }

    /// <summary>Reads a cell file from disk asynchronously, with the safe reader of <see cref="ReadFile"/>.</summary>
    /// <param name="path">The file's path, cited in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cell file, or the errors that prevented reading it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CellFileReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = await RegularFile.ReadAllBytesAsync(path, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return error is null ? Read(bytes!, path) : new CellFileReadResult(null, [error]);
    }

    /// <summary>Reads a cell file from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="fileName">The file name for errors, or null.</param>
    /// <returns>The cell file, or its errors.</returns>
    public static CellFileReadResult Read(ReadOnlySpan<byte> utf8Json, string? fileName = null)
    {
        var (cellFile, error) = JsonFiles.Deserialize(utf8Json, fileName, MaxFileBytes, FileTypeInfo);
        if (error is not null)
        {
            // The build-time metadata reads what the reflection metadata reads, but may stop a few characters elsewhere
            // in a bad file: the error is reported from the reflection metadata, exactly as before (cold path only).
            // Where there is none (a Native AOT program), ChiBoJson.Options holds build-time metadata too: the error
            // above is already that reading's.
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            {
                return new CellFileReadResult(null, [error]);
            }

            var (_, reflected) = JsonFiles.Deserialize<CellFile>(utf8Json, fileName, MaxFileBytes);
            return new CellFileReadResult(null, [reflected ?? error]);
        }

        var errors = Validate(cellFile!, fileName);
        return errors.Count == 0 ? new CellFileReadResult(cellFile, []) : new CellFileReadResult(null, errors);
    }

    /// <summary>
    /// Checks a cell file — one built in code, or one read — against every bound the reader enforces: format version 1,
    /// targets with 0 ≤ min ≤ max and one per year, counts not negative, duties every 1, 2, 3, 4, 6 or 12 months and one
    /// per kind; a letterhead with names, one superior heading per date, a number pattern with <c>{number}</c> and no other
    /// placeholder than <c>{kind}</c>; members with ids and names, one per id. The errors are the reader's (<c>field.invalid</c> at a JSON path), without a line.
    /// </summary>
    /// <param name="cellFile">The cell file.</param>
    /// <param name="fileName">The file name for errors, or null.</param>
    /// <returns>Every problem found; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cellFile"/> is null.</exception>
    public static IReadOnlyList<CaseFileError> Validate(CellFile cellFile, string? fileName = null)
    {
        Preconditions.CheckNotNull(cellFile, nameof(cellFile));
        var errors = new List<CaseFileError>();
        void Bad(string path, string message) => errors.Add(new CaseFileError("field.invalid", message, fileName, Path: path));
        if (cellFile.FormatVersion != 1)
        {
            Bad("$.formatVersion", $"formatVersion must be 1, not {cellFile.FormatVersion}");
        }

        if (cellFile.Extensions is { ValueKind: not JsonValueKind.Object })
        {
            Bad("$.extensions", "extensions must be a JSON object");
        }

        // An array item written as null is refused by name (System.Text.Json lets null items into an array).
        bool NullItem<T>(T? item, string path)
            where T : class
        {
            if (item is null)
            {
                Bad(path, "an item cannot be null");
            }

            return item is null;
        }

        var targets = cellFile.Targets.IsDefault ? [] : cellFile.Targets;
        for (var i = 0; i < targets.Length; i++)
        {
            if (NullItem(targets[i], $"$.targets[{i}]"))
            {
                continue;
            }

            if (targets[i].Min < 0 || targets[i].Max < targets[i].Min)
            {
                Bad($"$.targets[{i}]", "a target needs 0 ≤ min ≤ max");
            }

            if (targets.Take(i).Any(t => t?.Year == targets[i].Year))
            {
                Bad($"$.targets[{i}].year", $"a second target for {targets[i].Year}");
            }
        }

        var counts = cellFile.FullMemberCounts.IsDefault ? [] : cellFile.FullMemberCounts;
        for (var i = 0; i < counts.Length; i++)
        {
            if (NullItem(counts[i], $"$.fullMemberCounts[{i}]"))
            {
                continue;
            }

            if (counts[i].Count < 0)
            {
                Bad($"$.fullMemberCounts[{i}].count", "a count cannot be negative");
            }
        }

        var duties = cellFile.Duties.IsDefault ? [] : cellFile.Duties;
        for (var i = 0; i < duties.Length; i++)
        {
            if (NullItem(duties[i], $"$.duties[{i}]"))
            {
                continue;
            }

            if (duties[i].EveryMonths is not (1 or 2 or 3 or 4 or 6 or 12))
            {
                Bad($"$.duties[{i}].everyMonths", "everyMonths must be 1, 2, 3, 4, 6 or 12");
            }

            if (duties.Take(i).Any(d => d?.Kind == duties[i].Kind))
            {
                Bad($"$.duties[{i}].kind", $"a second duty of kind '{duties[i].Kind}'");
            }
        }

        var units = cellFile.UnitsWithoutMembers.IsDefault ? [] : cellFile.UnitsWithoutMembers;
        for (var i = 0; i < units.Length; i++)
        {
            NullItem(units[i], $"$.unitsWithoutMembers[{i}]");
        }

        var meetings = cellFile.Meetings.IsDefault ? [] : cellFile.Meetings;
        for (var i = 0; i < meetings.Length; i++)
        {
            NullItem(meetings[i], $"$.meetings[{i}]");
        }

        if (cellFile.Letterhead is { } letterhead)
        {
            ValidateLetterhead(letterhead, Bad);
        }

        var members = cellFile.Members.IsDefault ? [] : cellFile.Members;
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i] is null || string.IsNullOrWhiteSpace(members[i].MemberId) || string.IsNullOrWhiteSpace(members[i].FullName))
            {
                Bad($"$.members[{i}]", "a member needs a memberId and a fullName");
            }
            else if (members.Take(i).Any(m => m?.MemberId == members[i].MemberId))
            {
                Bad($"$.members[{i}].memberId", $"a second member with the id '{members[i].MemberId}'");
            }
        }

        return errors;
    }

    // The letterhead (issue 14): names not blank, one superior per date and at most one without a date, a number
    // pattern that has {number} and uses no placeholder but {number} and {kind}.
    private static void ValidateLetterhead(CellLetterhead letterhead, Action<string, string> bad)
    {
        var superiors = letterhead.Superiors.IsDefault ? [] : letterhead.Superiors;
        for (var i = 0; i < superiors.Length; i++)
        {
            if (superiors[i] is null || string.IsNullOrWhiteSpace(superiors[i].Name))
            {
                bad($"$.letterhead.superiors[{i}].name", "a superior heading needs a name");
                continue;
            }

            if (superiors.Take(i).Any(s => s is not null && s.From == superiors[i].From))
            {
                bad($"$.letterhead.superiors[{i}].from", superiors[i].From is { } from
                    ? $"a second superior heading from {from:yyyy-MM-dd}"
                    : "a second superior heading without a date (only the first may omit 'from')");
            }
        }

        if (letterhead.Place is { } place && string.IsNullOrWhiteSpace(place))
        {
            bad("$.letterhead.place", "place cannot be blank (leave it out instead)");
        }

        if (letterhead.Authority is { } authority && string.IsNullOrWhiteSpace(authority))
        {
            bad("$.letterhead.authority", "authority cannot be blank (leave it out instead)");
        }

        if (letterhead.NumberPattern is { } pattern)
        {
            if (!pattern.Contains("{number}", StringComparison.Ordinal))
            {
                bad("$.letterhead.numberPattern", "numberPattern needs the placeholder {number}, e.g. \"{number}-{kind}/CB\"");
            }

            var rest = CellLetterhead.NumberPlaceholders.Aggregate(pattern, (text, p) => text.Replace(p, string.Empty, StringComparison.Ordinal));
            if (rest.IndexOfAny(['{', '}']) >= 0)
            {
                bad("$.letterhead.numberPattern", "numberPattern may use only the placeholders {number} and {kind}");
            }
        }

        if (letterhead.Signer is { } signer && (string.IsNullOrWhiteSpace(signer.FullName) || string.IsNullOrWhiteSpace(signer.Title)))
        {
            bad("$.letterhead.signer", "a signer needs a fullName and a title");
        }

        var recipients = letterhead.RecipientsOrEmpty;
        for (var i = 0; i < recipients.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(recipients[i]))
            {
                bad($"$.letterhead.recipients[{i}]", "a recipient cannot be blank");
            }
        }
    }

    /// <summary>Writes a cell file as indented JSON.</summary>
    /// <param name="cellFile">The cell file.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cellFile"/> is null.</exception>
    public static string Write(CellFile cellFile) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(cellFile, nameof(cellFile)), WriteOptions.Value);

    // ChiBoJson.Options, leaving out the optional arrays a file did not have (a default ImmutableArray, which
    // System.Text.Json cannot write): a cell file read without "targets" writes back without it, rather than throwing.
    private static readonly Lazy<JsonSerializerOptions> WriteOptions = new(() =>
    {
        var options = new JsonSerializerOptions(ChiBoJson.Options)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaultArrays } },
        };
        options.MakeReadOnly();
        return options;
    });

    private static void OmitDefaultArrays(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>))
            {
                var isDefault = property.PropertyType.GetProperty(nameof(System.Collections.Immutable.ImmutableArray<int>.IsDefault))!;
                var inner = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) => value is not null && !(bool)isDefault.GetValue(value)! && (inner?.Invoke(owner, value) ?? true);
            }
        }
    }
}

/// <summary>The outcome of reading a cell file.</summary>
/// <param name="Value">The cell file, or null.</param>
/// <param name="Errors">The errors; empty when read.</param>
public sealed record CellFileReadResult(CellFile? Value, IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>Whether the file was read: then <see cref="Value"/> is not null, as the compiler knows.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The cell file, or an exception listing the errors.</summary>
    /// <returns>The cell file.</returns>
    /// <exception cref="Cases.CaseFileException">The file had errors.</exception>
    public CellFile GetValueOrThrow() => Value ?? throw new Cases.CaseFileException(Errors);
}
