using System.Globalization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>The names of days off, in both languages, derived from the reason and the date.</summary>
internal static class HolidayNames
{
    internal static LocalizedText NewYear { get; } = new("Tết Dương lịch", "New Year's Day");

    internal static LocalizedText HungKings { get; } = new("Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hùng Kings' Commemoration Day (10th of the 3rd lunar month)");

    internal static LocalizedText Reunification { get; } = new("Ngày Chiến thắng (30/4)", "Reunification Day (30 April)");

    internal static LocalizedText Labour { get; } = new("Ngày Quốc tế lao động (1/5)", "International Labour Day (1 May)");

    internal static LocalizedText NationalDay { get; } = new("Quốc khánh (2/9)", "National Day (2 September)");

    internal static LocalizedText NationalDayAdjacent { get; } = new("Quốc khánh (ngày liền kề 2/9)", "National Day (the day next to 2 September)");

    internal static LocalizedText Compensatory { get; } = new("Nghỉ bù", "Compensatory day off");

    internal static LocalizedText Swapped { get; } = new("Nghỉ hoán đổi (đi làm bù vào ngày nghỉ hằng tuần)", "Swapped day off (a weekend day is worked instead)");

    internal static LocalizedText CultureDay { get; } = new("Ngày Văn hóa Việt Nam (24/11)", "Vietnam Culture Day (24 November)");

    /// <summary>The default name of a day off of a reason on a date.</summary>
    internal static LocalizedText For(HolidayReason reason, LocalDate date) => reason switch
    {
        HolidayReason.NewYear => NewYear,
        HolidayReason.Tet => Tet(date),
        HolidayReason.HungKings => HungKings,
        HolidayReason.Reunification => Reunification,
        HolidayReason.Labour => Labour,
        HolidayReason.NationalDay => date.Month == 9 && date.Day == 2 ? NationalDay : NationalDayAdjacent,
        HolidayReason.Compensatory => Compensatory,
        HolidayReason.CultureDay => CultureDay,
        _ => Swapped,
    };

    /// <summary>"Nghỉ bù Tết Dương lịch" / "Compensatory day off for New Year's Day".</summary>
    internal static LocalizedText CompensatoryFor(LocalizedText holiday) =>
        new($"Nghỉ bù {holiday.Vi}", $"Compensatory day off for {holiday.En}");

    /// <summary>A day of Tết named by its lunar date: "Tết Nguyên đán (mùng 2)", "Tết Nguyên đán (30 tháng Chạp)".</summary>
    internal static LocalizedText Tet(LocalDate date)
    {
        if (date < VietnameseLunarCalendar.MinDate || date > VietnameseLunarCalendar.MaxDate)
        {
            return new LocalizedText("Tết Nguyên đán", "Lunar New Year");
        }

        var lunar = VietnameseLunarCalendar.ToLunar(date);
        var day = lunar.Day.ToString(CultureInfo.InvariantCulture);
        if (lunar.Month == 1 && !lunar.IsLeapMonth)
        {
            return new LocalizedText($"Tết Nguyên đán (mùng {day})", $"Lunar New Year (day {day})");
        }

        var eve = date < VietnameseLunarCalendar.MaxDate && VietnameseLunarCalendar.ToLunar(date.PlusDays(1)) is { Month: 1, Day: 1 };
        return new LocalizedText(
            $"Tết Nguyên đán ({day} tháng Chạp{(eve ? ", giao thừa" : string.Empty)})",
            $"Lunar New Year{(eve ? "'s Eve" : " holiday")} ({Ordinal(lunar.Day)} of the 12th month)");
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });
}
