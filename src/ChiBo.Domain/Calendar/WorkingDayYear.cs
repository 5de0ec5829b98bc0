using System.Numerics;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// The working days of one year as a bitset over its days (bit i = day of year i + 1; 1 = working day), with
/// the running count of working days before each 64-day word: rank (working days up to a day) is O(1) and
/// select (the n-th working day of the year) at most six word steps. 6 words and 7 counts; immutable.
/// </summary>
internal sealed class WorkingDayYear
{
    private readonly ulong[] bits;
    private readonly int[] before; // before[w]: working days in words 0..w-1; before[^1] is the year's total

    private WorkingDayYear(int year, ulong[] bits, int[] before)
    {
        Year = year;
        this.bits = bits;
        this.before = before;
    }

    internal int Year { get; }

    /// <summary>The number of working days in the year.</summary>
    internal int Total => before[^1];

    /// <summary>
    /// Builds a year from its own list and its neighbours': a decision for year Y can move a day of late
    /// December Y-1 or of January Y+1. The neighbours' dates go first, so a year's own list wins for its dates.
    /// </summary>
    internal static WorkingDayYear Build(HolidayYear? previous, HolidayYear current, HolidayYear? next)
    {
        var year = current.Year;
        var first = new LocalDate(year, 1, 1);
        var days = CalendarSystem.Iso.GetDaysInYear(year);
        var bits = new ulong[(days + 63) / 64];
        var weekday = (int)first.DayOfWeek - 1; // Monday = 0
        for (var i = 0; i < days; i++, weekday = weekday == 6 ? 0 : weekday + 1)
        {
            if (weekday < 5)
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        foreach (var list in new[] { previous, next, current })
        {
            if (list is null)
            {
                continue;
            }

            foreach (var day in list.DaysOff)
            {
                if (day.Date.Year == year)
                {
                    bits[(day.Date.DayOfYear - 1) >> 6] &= ~(1UL << ((day.Date.DayOfYear - 1) & 63));
                }
            }

            foreach (var date in list.WorkingWeekends)
            {
                if (date.Year == year)
                {
                    bits[(date.DayOfYear - 1) >> 6] |= 1UL << ((date.DayOfYear - 1) & 63);
                }
            }
        }

        var before = new int[bits.Length + 1];
        for (var w = 0; w < bits.Length; w++)
        {
            before[w + 1] = before[w] + BitOperations.PopCount(bits[w]);
        }

        return new WorkingDayYear(year, bits, before);
    }

    internal bool IsWorkingDay(LocalDate date)
    {
        var i = date.DayOfYear - 1;
        return (bits[i >> 6] & (1UL << (i & 63))) != 0;
    }

    /// <summary>The number of working days from 1 January up to and including the day.</summary>
    internal int Rank(LocalDate date)
    {
        var i = date.DayOfYear - 1;
        return before[i >> 6] + BitOperations.PopCount(bits[i >> 6] & (ulong.MaxValue >> (63 - (i & 63))));
    }

    /// <summary>The <paramref name="rank"/>-th working day of the year (1 to <see cref="Total"/>).</summary>
    internal LocalDate Select(int rank)
    {
        var w = 0;
        while (before[w + 1] < rank)
        {
            w++;
        }

        var word = bits[w];
        for (var k = rank - before[w]; k > 1; k--)
        {
            word &= word - 1; // drop the lowest working day
        }

        return new LocalDate(Year, 1, 1).PlusDays((w << 6) + BitOperations.TrailingZeroCount(word));
    }
}
