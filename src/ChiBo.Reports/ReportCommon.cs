using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Reports;

public static partial class ReportDocuments
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Date(LocalDate? date, Language lang) => date is { } d ? ReportDates.Short(d, lang) : "—";

    private static string Upper(string text) => text.ToUpperInvariant();

    /// <summary>The plain heading (always shown by the table and Markdown): the cell, the date, the supervisor.</summary>
    private static void Header(ReportDocument doc, Cell? cell, Supervisor? supervisor, LocalDate asOf, Language lang)
    {
        string T(string vi, string en) => lang == Language.English ? en : vi;
        doc.Subtitle.Add(cell is null
            ? T("(chưa có tệp thông tin chi bộ)", "(no cell file cell.json)")
            : cell.Name + (cell.Superior is null ? string.Empty : $" — {T("trực thuộc", "under")} {cell.Superior}"));
        doc.Subtitle.Add(T("Tính đến ", "As of ") + ReportDates.Long(asOf, lang));
        if (supervisor is not null)
        {
            doc.Subtitle.Add(T("Người giám sát: ", "Supervisor: ") + supervisor.FullName + (supervisor.Role is null ? string.Empty : $" ({supervisor.Role})"));
        }
    }

    /// <summary>
    /// The party document's letterhead from the cell file (Hướng dẫn 36-HD/VPTW), in Vietnamese only, or null when the
    /// roster or its cell file has none: the report then keeps its plain headings.
    /// </summary>
    private static ReportLetterhead? Letterhead(Cell? cell, ReportOptions options, LocalDate date, string kind, string symbol, string summary, Language lang)
    {
        if (lang == Language.English || cell is null || options.Roster?.CellFile?.Letterhead is not { } head)
        {
            return null;
        }

        var onDate = cell.On(date);
        var letterhead = new ReportLetterhead
        {
            Superior = head.SuperiorOn(date) is { } superior ? Upper(superior) : null,
            Issuer = Upper(onDate.Name),
            Number = head.FormatNumber(options.Number, symbol) is { } number ? "Số " + number : null,
            DateLine = head.Place is { } place ? place + ", " + ReportDates.Long(date, lang) : "N" + ReportDates.Long(date, lang)[1..],
            Kind = kind,
            Summary = summary,
            Authority = head.Authority,
            SignerTitle = head.Signer is { } signer ? Upper(signer.Title) : null,
            SignerName = head.Signer?.FullName,
        };
        letterhead.Recipients.AddRange(head.RecipientsOrEmpty);
        return letterhead;
    }

    private static string WarningLine(PlanWarning w, Language lang, ReportOptions options)
    {
        var message = w.Message.In(lang);
        var others = w.People.Where(p => !message.Contains(p.FullName, System.StringComparison.Ordinal)).ToList();
        var people = others.Count == 0 ? string.Empty : ": " + string.Join(", ", others.Select(p => p.FullName));
        return $"{message}{people}" + (options.ShowCodes ? $" [{w.Code}]" : string.Empty);
    }

    private static string MonthNote(Language lang) => lang == Language.English
        ? "Months are calendar months, clamped to the month's end (2020-02-29 + 12 months = 2021-02-28)."
        : "Tháng tính theo lịch, lấy ngày cuối tháng khi tháng thiếu ngày (29/02/2020 + 12 tháng = 28/02/2021).";

    private static void Errors(ReportDocument doc, IReadOnlyList<CaseFileError> errors, Language lang)
    {
        if (errors.Count == 0)
        {
            return;
        }

        string T(string vi, string en) => lang == Language.English ? en : vi;
        var section = doc.Section(T($"Tệp không đọc được ({errors.Count}) — không tính vào báo cáo", $"Files not read ({errors.Count}) — left out of the report"));
        foreach (var e in errors)
        {
            section.Bullets.Add((e.ToString(), Emphasis.Bad));
        }
    }

    /// <summary>The case of a person in the roster of the options, or null.</summary>
    private static CaseFile? CaseOf(PersonRef person, ReportOptions options) =>
        options.Roster?.Cases.FirstOrDefault(c => c.FileName == person.File && c.Case.Person.Id == person.Id)?.Case;

    /// <summary>An event by its kind and date, the 1-based number after it: "Chi bộ biểu quyết ngày 05/07/2019 (sự kiện thứ 10)".</summary>
    private static string EventText(PersonRef person, int index, LocalDate date, Language lang, ReportOptions options)
    {
        var events = CaseOf(person, options)?.Events;
        var kind = events is { } list && index >= 0 && index < list.Length ? Capitalised(Labels.Event(list[index].Kind).In(lang)) : null;
        var number = (index + 1).ToString(Inv);
        return lang == Language.English
            ? (kind is null ? string.Empty : kind + " ") + $"on {Date(date, lang)} (event {number})"
            : (kind is null ? "Ngày " : kind + " ngày ") + $"{Date(date, lang)} (sự kiện thứ {number})";
    }
}
