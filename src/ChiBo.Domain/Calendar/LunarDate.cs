using System;
using System.Text.Json.Serialization;
using ChiBo.Utility;

namespace ChiBo.Calendar;

/// <summary>
/// A date in the Vietnamese lunisolar calendar (âm lịch), as computed for Vietnam's time zone (UTC+7) by
/// <see cref="VietnameseLunarCalendar"/>: the day of a lunar month, the month (1–12, with a leap month —
/// tháng nhuận — repeating the number of the month before it), and the lunar year, which starts at Tết.
/// </summary>
/// <remarks>
/// <para>The constructor checks only the ranges (day 1–30, month 1–12, year 1899–2100); whether the date
/// exists — a 30th in a 29-day month, a leap flag on a month that is not leap that year — is for
/// <see cref="VietnameseLunarCalendar.ToSolar"/> and <see cref="VietnameseLunarCalendar.TryToSolar"/> to say.</para>
/// <para>Equality compares all four fields. The default value (day 0 of month 0 of year 0) is not a valid
/// date. Serialised with <see cref="Serialization.ChiBoJson.Options"/> it is
/// <c>{ "day": 1, "month": 1, "year": 2025, "leapMonth": false }</c>.</para>
/// </remarks>
public readonly record struct LunarDate
{
    /// <summary>The earliest lunar year a date can belong to (1 January 1900 is in lunar year 1899).</summary>
    public const int MinYear = 1899;

    /// <summary>The latest lunar year a date can belong to.</summary>
    public const int MaxYear = 2100;

    /// <summary>Creates a lunar date.</summary>
    /// <param name="year">The lunar year (năm âm lịch), <see cref="MinYear"/>–<see cref="MaxYear"/>; it starts at Tết.</param>
    /// <param name="month">The month, 1–12 (tháng Giêng is 1, tháng Chạp is 12).</param>
    /// <param name="day">The day of the month, 1–30.</param>
    /// <param name="isLeapMonth">Whether the month is the leap month (tháng nhuận) following the regular month of the same number.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
    public LunarDate(int year, int month, int day, bool isLeapMonth = false)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(nameof(month), month, 1, 12);
        Preconditions.CheckArgumentRange(nameof(day), day, 1, 30);
        Year = year;
        Month = month;
        Day = day;
        IsLeapMonth = isLeapMonth;
    }

    /// <summary>The day of the lunar month, 1–30 (mùng 1 is the new moon).</summary>
    public int Day { get; }

    /// <summary>The lunar month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The lunar year (which begins at Tết, the first day of month 1).</summary>
    public int Year { get; }

    /// <summary>Whether this is the leap month (tháng nhuận) that repeats <see cref="Month"/>.</summary>
    [JsonPropertyName("leapMonth")]
    public bool IsLeapMonth { get; }

    /// <summary>
    /// Formats the date as <c>yyyy-MM-dd</c> of the lunar year, month and day, with an <c>L</c> after a leap
    /// month: <c>2025-01-01</c>, <c>2023-02L-15</c>.
    /// </summary>
    /// <returns>The formatted date.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}{(IsLeapMonth ? "L" : string.Empty)}-{Day:00}");
}
