using ChiBo.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Cases;

/// <summary>
/// Why a case file could not be read or replayed, and where: the file, the line and JSON path (for a file
/// that does not parse or does not match the contract), or the event's index, type and date (for an event
/// that is invalid or cannot follow the case's stage). Follows FluentValidation's failure shape: a stable
/// <see cref="Code"/>, a message, and the place.
/// </summary>
/// <param name="Code">
/// A stable error code: <c>file.tooLarge</c>, <c>file.notRegular</c> (a named pipe, socket, device or folder),
/// <c>file.danglingLink</c>, <c>file.linkLoop</c>, <c>file.unreadable</c> (missing, no permission, I/O error), <c>json.encoding</c> (not UTF-8), <c>json.syntax</c>, <c>json.duplicateProperty</c>,
/// <c>json.unknownProperty</c>, <c>json.missingProperty</c>, <c>json.wrongType</c>, <c>json.invalid</c>, <c>json.null</c>,
/// <c>event.unknownType</c>, <c>event.missingType</c>, <c>event.invalid</c>, <c>field.invalid</c>, <c>lifecycle.rejected</c>;
/// for rosters also <c>roster.ignoredFile</c>, <c>roster.tooLarge</c>, <c>roster.unreadable</c>, <c>roster.duplicatePerson</c>,
/// <c>roster.otherCell</c>.
/// </param>
/// <param name="Message">What is wrong, in English.</param>
/// <param name="File">The file name, or null when read from a string.</param>
/// <param name="Line">The 1-based line, or null.</param>
/// <param name="Column">The 1-based column (in bytes), or null.</param>
/// <param name="Path">The JSON path, e.g. <c>$.events[3].date</c>, or null.</param>
/// <param name="EventIndex">The 0-based index of the event in the file's <c>events</c>, or null.</param>
/// <param name="EventType">The event's type name, or null.</param>
/// <param name="EventDate">The event's date, or null.</param>
public sealed record CaseFileError(
    string Code,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null,
    string? Path = null,
    int? EventIndex = null,
    string? EventType = null,
    LocalDate? EventDate = null)
{
    /// <summary>
    /// One line naming the place and the problem, e.g.
    /// <c>case.json:12:7 ($.events[3]): event 3 (ceremonyHeld, 2019-05-20): …</c>.
    /// </summary>
    /// <returns>The formatted error.</returns>
    public override string ToString()
    {
        var text = FileLocation.Start(File, "<input>", Line, Column, Path);
        if (EventIndex is { } index)
        {
            text.Append("event ").Append(index);
            if (EventType is not null || EventDate is not null)
            {
                text.Append(" (").Append(EventType ?? "?");
                if (EventDate is { } date)
                {
                    text.Append(", ").Append(LocalDatePattern.Iso.Format(date));
                }

                text.Append(')');
            }

            text.Append(": ");
        }

        text.Append(Message);
        return text.ToString();
    }
}
