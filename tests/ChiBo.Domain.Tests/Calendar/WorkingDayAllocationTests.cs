using System;
using ChiBo.Calendar;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Calendar;

/// <summary>Working-day arithmetic runs for every evaluated case (deadlines, facts): once a year is built it allocates nothing.</summary>
public class WorkingDayAllocationTests
{
    [Fact]
    public void Counting_and_adding_working_days_allocate_nothing_once_the_years_are_built()
    {
        var calendar = WorkingDayCalendar.Default;
        var from = new LocalDate(2016, 1, 1);
        var total = Run(calendar, from); // builds the years 2015–2027 on first use

        var before = GC.GetAllocatedBytesForCurrentThread();
        total += Run(calendar, from);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, total);
    }

    private static long Run(WorkingDayCalendar calendar, LocalDate from)
    {
        long total = 0;
        for (var d = 0; d < 3_000; d += 7)
        {
            var start = from.PlusDays(d);
            total += calendar.CountWorkingDays(start, start.PlusDays(400));
            total += calendar.IsWorkingDay(start) ? 1 : 0;
            total += calendar.AddWorkingDays(start, 30).Day;
            total += calendar.TryAddWorkingDays(start, 5, out var soon) ? soon.Day : 0;
        }

        return total;
    }
}
