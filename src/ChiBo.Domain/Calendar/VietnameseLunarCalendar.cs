using System;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// Converts between solar (Gregorian) dates and the Vietnamese lunar calendar (âm lịch) for 1900-01-01 to
/// 2100-12-31. Months begin on the day of the new moon and the leap month is the first without a major solar
/// term, both computed astronomically (Meeus's formulas, Hồ Ngọc Đức's algorithm) for Vietnam's time zone,
/// UTC+7 — never taken from a Chinese (UTC+8) calendar, which differs in some years: Tết 1968 is 1968-01-29
/// in Vietnam (1968-01-30 in China), Tết 1985 is 1985-01-21 (1985-02-20), Tết 2007 is 2007-02-17 (2007-02-18).
/// </summary>
/// <remarks>
/// The month starts are computed once, on first use (thread-safe), into a table of about 2,500 months; each
/// conversion is then a binary search that allocates nothing. Before 1968 Vietnam's calendars were reckoned
/// in UTC+8; this class uses UTC+7 throughout, as the contract asks.
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>The earliest solar date converted (1900-01-01).</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The latest solar date converted (2100-12-31).</summary>
    public static LocalDate MaxDate { get; } = new(2100, 12, 31);

    /// <summary>The lunar date of a solar date.</summary>
    /// <param name="date">The solar date, between <see cref="MinDate"/> and <see cref="MaxDate"/>.</param>
    /// <returns>The lunar date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1900–2100.</exception>
    public static LunarDate ToLunar(LocalDate date)
    {
        var day = CheckInRange(date, nameof(date));
        return LunarMonthTable.Instance.ToLunar(day);
    }

    /// <summary>The solar date of a lunar date.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>The solar date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="date"/> does not exist — its day is past the month's length (29 or 30 days), or it is
    /// flagged leap in a year whose leap month is another (or none) — or it falls outside 1900–2100.
    /// </exception>
    public static LocalDate ToSolar(LunarDate date) =>
        TryToSolar(date, out var solar)
            ? solar
            : throw new ArgumentOutOfRangeException(nameof(date), date,
                "No such lunar date between 1900-01-01 and 2100-12-31 (check the day against the month's length and the leap flag).");

    /// <summary>The solar date of a lunar date, without throwing.</summary>
    /// <param name="date">The lunar date.</param>
    /// <param name="solar">The solar date, or the default value when the method returns false.</param>
    /// <returns>Whether the lunar date exists and falls within 1900–2100.</returns>
    public static bool TryToSolar(LunarDate date, out LocalDate solar)
    {
        var day = LunarMonthTable.Instance.ToDay(date.Year, date.Month, date.Day, date.IsLeapMonth);
        if (day < LunarMonthTable.MinDay || day > LunarMonthTable.MaxDay)
        {
            solar = default;
            return false;
        }

        solar = LunarMonthTable.FromDay(day);
        return true;
    }

    /// <summary>The lunar new year's day (Tết Nguyên đán, mùng 1 tháng Giêng) of a year.</summary>
    /// <param name="year">The year, 1900–2100.</param>
    /// <returns>The solar date of the first day of the first lunar month.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2100.</exception>
    public static LocalDate LunarNewYear(int year)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, MinDate.Year, MaxDate.Year);
        return ToSolar(new LunarDate(year, 1, 1));
    }

    /// <summary>The leap month (tháng nhuận) of a lunar year, or 0 when the year has none.</summary>
    /// <param name="year">The lunar year, 1900–2100.</param>
    /// <returns>The number of the month that is repeated (1–12), or 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2100.</exception>
    public static int LeapMonthOf(int year)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, MinDate.Year, MaxDate.Year);
        return LunarMonthTable.Instance.LeapMonthOf(year);
    }

    private static int CheckInRange(LocalDate date, string paramName)
    {
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(paramName, date, "The date must be between 1900-01-01 and 2100-12-31.");
        }

        return LunarMonthTable.ToDay(date);
    }
}
