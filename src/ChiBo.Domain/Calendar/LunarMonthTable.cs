using System;
using System.Collections.Generic;
using System.Threading;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// Every lunar month that overlaps 1900-01-01..2100-12-31, computed once (lazily, thread-safe) from the new
/// moons and solar terms at UTC+7: its first day and its (year, month, leap) key, in two parallel arrays
/// (about 2,500 entries each) searched in O(log n) without allocation.
/// </summary>
internal sealed class LunarMonthTable
{
    private static readonly Lazy<LunarMonthTable> Shared = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    // starts[i]: Julian day number of the first day of month i; keys[i]: year * 32 + month * 2 + (leap ? 1 : 0).
    // Both ascend. The last entry is a sentinel: the month after the one holding 2100-12-31.
    private readonly int[] starts;
    private readonly int[] keys;

    private LunarMonthTable(int[] starts, int[] keys)
    {
        this.starts = starts;
        this.keys = keys;
    }

    internal static LunarMonthTable Instance => Shared.Value;

    internal static int MinDay { get; } = ToDay(new LocalDate(1900, 1, 1));

    internal static int MaxDay { get; } = ToDay(new LocalDate(2100, 12, 31));

    internal static int ToDay(LocalDate date) => date.ToDateOnly().DayNumber + LunarAstronomy.DayNumberToJulian;

    internal static LocalDate FromDay(int julianDayNumber) =>
        LocalDate.FromDateOnly(DateOnly.FromDayNumber(julianDayNumber - LunarAstronomy.DayNumberToJulian));

    internal static int Key(int year, int month, bool leap) => (year * 32) + (month * 2) + (leap ? 1 : 0);

    /// <summary>The lunar date of a day in range (the caller checks the range).</summary>
    internal LunarDate ToLunar(int day)
    {
        var i = Array.BinarySearch(starts, day);
        if (i < 0)
        {
            i = ~i - 1; // the last month starting before the day
        }

        var key = keys[i];
        return new LunarDate(key >> 5, (key >> 1) & 15, day - starts[i] + 1, (key & 1) == 1);
    }

    /// <summary>The day of a lunar date, or -1 when no such date exists in the table.</summary>
    internal int ToDay(int year, int month, int day, bool leap)
    {
        var i = Array.BinarySearch(keys, 0, keys.Length - 1, Key(year, month, leap));
        if (i < 0 || day < 1 || day > starts[i + 1] - starts[i])
        {
            return -1;
        }

        return starts[i] + day - 1;
    }

    /// <summary>Whether the lunar year has a leap month, and which.</summary>
    internal int LeapMonthOf(int year)
    {
        var i = Array.BinarySearch(keys, 0, keys.Length - 1, Key(year, 1, false));
        for (i = Math.Max(i, 0); i < keys.Length - 1 && keys[i] >> 5 <= year; i++)
        {
            if (keys[i] >> 5 == year && (keys[i] & 1) == 1)
            {
                return (keys[i] >> 1) & 15;
            }
        }

        return 0;
    }

    private static LunarMonthTable Build()
    {
        var starts = new List<int>(2600);
        var keys = new List<int>(2600);
        var previous11 = LunarAstronomy.LunarMonth11(1898);
        for (var year = 1899; year <= 2101; year++)
        {
            // The months from month 11 of the year before to the next month 11: 12, or 13 with a leap month —
            // the first month without a major solar term (trung khí).
            var next11 = LunarAstronomy.LunarMonth11(year);
            var k = LunarAstronomy.NewMoonIndex(previous11);
            var count = next11 - previous11 > 365 ? 13 : 12;
            var leapOffset = count == 13 ? LunarAstronomy.LeapMonthOffset(previous11) : -1;
            for (var i = 0; i < count; i++)
            {
                var start = LunarAstronomy.NewMoonDay(k + i);
                var leap = false;
                var month = 11 + i;
                if (leapOffset >= 0 && i >= leapOffset)
                {
                    month = 10 + i;
                    leap = i == leapOffset;
                }

                if (month > 12)
                {
                    month -= 12;
                }

                var lunarYear = month >= 11 && i < 4 ? year - 1 : year;
                starts.Add(start);
                keys.Add(Key(lunarYear, month, leap));
            }

            previous11 = next11;
        }

        // Keep the month holding 1900-01-01 through the month after the one holding 2100-12-31 (a sentinel).
        var first = starts.FindLastIndex(s => s <= MinDay);
        var last = starts.FindIndex(s => s > MaxDay);
        return new LunarMonthTable(
            starts.GetRange(first, last - first + 1).ToArray(),
            keys.GetRange(first, last - first + 1).ToArray());
    }
}
