using System;
using System.Numerics;

namespace ChiBo.Calendar;

/// <summary>
/// Every day of 1900–2100 as one bit (1 = working day), with the count of working days before each 64-day
/// word: rank (working days up to a day) is O(1) and select (the n-th working day) a binary search over about
/// 1,150 words. About 14 KB; immutable once built.
/// </summary>
internal sealed class WorkingDayIndex
{
    private readonly ulong[] bits;
    private readonly int[] before; // before[w]: working days in words 0..w-1; before[^1] is the total

    private WorkingDayIndex(ulong[] bits, int[] before)
    {
        this.bits = bits;
        this.before = before;
    }

    internal int Total => before[^1];

    /// <summary>Builds the index from each year's days off and working weekends.</summary>
    internal static WorkingDayIndex Build(Func<int, HolidayYear> yearOf)
    {
        var days = LunarMonthTable.MaxDay - LunarMonthTable.MinDay + 1;
        var bits = new ulong[(days + 63) / 64];
        for (var i = 0; i < days; i++)
        {
            // Day 0, 1900-01-01, was a Monday: Monday to Friday work.
            if (i % 7 < 5)
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        // Dates a year lists outside itself (a decision for Y moving a day of late December Y-1) first, so
        // that a year's own list wins for its own dates.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var year = WorkingDayCalendar.MinDate.Year; year <= WorkingDayCalendar.MaxDate.Year; year++)
            {
                var holidays = yearOf(year);
                foreach (var day in holidays.DaysOff)
                {
                    if ((day.Date.Year == year) == (pass == 1))
                    {
                        Set(bits, Index(day.Date), false);
                    }
                }

                foreach (var date in holidays.WorkingWeekends)
                {
                    if ((date.Year == year) == (pass == 1))
                    {
                        Set(bits, Index(date), true);
                    }
                }
            }
        }

        var before = new int[bits.Length + 1];
        for (var w = 0; w < bits.Length; w++)
        {
            before[w + 1] = before[w] + BitOperations.PopCount(bits[w]);
        }

        return new WorkingDayIndex(bits, before);
    }

    internal static int Index(NodaTime.LocalDate date) => LunarMonthTable.ToDay(date) - LunarMonthTable.MinDay;

    internal static NodaTime.LocalDate DateOf(int index) => LunarMonthTable.FromDay(index + LunarMonthTable.MinDay);

    internal bool IsWorkingDay(int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>The number of working days from 1900-01-01 up to and including the day.</summary>
    internal int Rank(int index) => before[index >> 6] + BitOperations.PopCount(bits[index >> 6] & (ulong.MaxValue >> (63 - (index & 63))));

    /// <summary>The index of the <paramref name="rank"/>-th working day (1-based), or -1 beyond 2100-12-31.</summary>
    internal int Select(int rank)
    {
        if (rank < 1 || rank > Total)
        {
            return -1;
        }

        // The first word whose running total reaches the rank.
        int lo = 0, hi = bits.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (before[mid + 1] >= rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var word = bits[lo];
        for (var k = rank - before[lo]; k > 1; k--)
        {
            word &= word - 1; // drop the lowest working day
        }

        return (lo << 6) + BitOperations.TrailingZeroCount(word);
    }

    private static void Set(ulong[] bits, int index, bool working)
    {
        if (working)
        {
            bits[index >> 6] |= 1UL << (index & 63);
        }
        else
        {
            bits[index >> 6] &= ~(1UL << (index & 63));
        }
    }
}
