using ChiBo.Planning;
using NodaTime;

namespace ChiBo.Reports;

/// <summary>
/// How a report document is built: whether codes are shown, the roster it came from (for the cell's letterhead, the
/// candidates and the events by kind), the document's number and date.
/// </summary>
public sealed class ReportOptions
{
    /// <summary>The defaults: no codes, no roster, no number, dated on the as-of date.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// Whether rule ids, warning codes and JSON names are shown beside the text (<c>--show-codes</c>). Off by default:
    /// Vietnamese prose and columns carry no ids (they stay in the JSON).
    /// </summary>
    public bool ShowCodes { get; init; }

    /// <summary>
    /// The roster the report was made from, or null. With it the document has the cell's letterhead (when
    /// <c>cell.json</c> has one), the candidates with their helpers and introducers, and each violation's event by kind.
    /// </summary>
    public Roster? Roster { get; init; }

    /// <summary>The document's number (the <c>{number}</c> of the cell's number pattern), or null to leave a blank for it.</summary>
    public int? Number { get; init; }

    /// <summary>The document's date (the date line, the superior's name on that day), or null for the report's as-of date.</summary>
    public LocalDate? Date { get; init; }
}
