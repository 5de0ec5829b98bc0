using System.Globalization;
using ChiBo.Calendar;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Cli;

/// <summary>Human labels for the calendar commands: weekdays, lunar dates, year names, date ranges.</summary>
internal static class CalendarLabels
{
    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];

    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Weekday(LocalDate date, Language lang) => (date.DayOfWeek switch
    {
        IsoDayOfWeek.Monday => new LocalizedText("thứ Hai", "Monday"),
        IsoDayOfWeek.Tuesday => new LocalizedText("thứ Ba", "Tuesday"),
        IsoDayOfWeek.Wednesday => new LocalizedText("thứ Tư", "Wednesday"),
        IsoDayOfWeek.Thursday => new LocalizedText("thứ Năm", "Thursday"),
        IsoDayOfWeek.Friday => new LocalizedText("thứ Sáu", "Friday"),
        IsoDayOfWeek.Saturday => new LocalizedText("thứ Bảy", "Saturday"),
        _ => new LocalizedText("Chủ nhật", "Sunday"),
    }).In(lang);

    /// <summary>"2025-01-29 (thứ Tư)".</summary>
    public static string DateWithWeekday(LocalDate date, Language lang) => $"{Iso(date)} ({Weekday(date, lang)})";

    /// <summary>The sexagenary name of a lunar year (can chi), e.g. "Ất Tỵ" for 2025.</summary>
    public static string YearName(int lunarYear) => $"{Stems[(lunarYear + 6) % 10]} {Branches[(lunarYear + 8) % 12]}";

    /// <summary>"mùng 1 tháng Giêng năm Ất Tỵ (2025)" / "day 1 of month 1 of the year Ất Tỵ (2025)".</summary>
    public static string Lunar(LunarDate lunar, Language lang)
    {
        var day = lunar.Day.ToString(CultureInfo.InvariantCulture);
        var month = lunar.Month.ToString(CultureInfo.InvariantCulture);
        var year = lunar.Year.ToString(CultureInfo.InvariantCulture);
        if (lang == Language.English)
        {
            return $"day {day} of {(lunar.IsLeapMonth ? "leap " : string.Empty)}month {month} of the year {YearName(lunar.Year)} ({year})";
        }

        var monthName = lunar.Month switch
        {
            1 => "Giêng",
            12 => "Chạp",
            _ => month,
        };
        return $"{(lunar.Day <= 10 ? "mùng" : "ngày")} {day} tháng {monthName}{(lunar.IsLeapMonth ? " (nhuận)" : string.Empty)} năm {YearName(lunar.Year)} ({year})";
    }

    public static string Source(HolidaySource source, Language lang) => (source == HolidaySource.Official
        ? new LocalizedText("chính thức", "official")
        : new LocalizedText("tính theo Bộ luật Lao động", "computed from the Labour Code")).In(lang);

    /// <summary>Parses a date for a calendar command and checks it lies within 1900–2100.</summary>
    public static LocalDate ParseCalendarDate(string text, string what)
    {
        var date = CliArguments.ParseDate(text, what);
        if (date < WorkingDayCalendar.MinDate || date > WorkingDayCalendar.MaxDate)
        {
            throw new CliInputException($"{what} '{text}' must be between 1900-01-01 and 2100-12-31");
        }

        return date;
    }
}
