using System.Globalization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Reports;

/// <summary>Dates as a reader expects them: <c>dd/mm/yyyy</c> in Vietnamese tables, "ngày 10 tháng 6 năm 2019" in headings; ISO in English.</summary>
public static class ReportDates
{
    /// <summary>A date in a table: <c>10/06/2019</c> in Vietnamese, <c>2019-06-10</c> in English.</summary>
    /// <param name="date">The date.</param>
    /// <param name="lang">The language.</param>
    /// <returns>The text.</returns>
    public static string Short(LocalDate date, Language lang) => Labels.Date(date, lang);

    /// <summary>A date in a heading or the date line: "ngày 10 tháng 6 năm 2019" in Vietnamese, "10 June 2019" in English.</summary>
    /// <param name="date">The date.</param>
    /// <param name="lang">The language.</param>
    /// <returns>The text.</returns>
    public static string Long(LocalDate date, Language lang) =>
        lang == Language.English
            ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day} tháng {date.Month} năm {date.Year}");
}
