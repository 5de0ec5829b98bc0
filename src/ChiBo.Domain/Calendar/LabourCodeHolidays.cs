using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// A year's days off computed from the Labour Code alone (Bộ luật Lao động 2012, Art. 115, until 2020;
/// Bộ luật Lao động 2019, Art. 112, from 2021), with ChiBo's defaults for the days the government picks.
/// </summary>
internal static class LabourCodeHolidays
{
    /// <summary>The first year of Bộ luật Lao động 2019 (in force 2021-01-01), which adds a day next to 2 September.</summary>
    internal const int LabourCode2019From = 2021;

    internal static HolidayYear Compute(int year)
    {
        var holidays = new List<DayOff>(16);
        var coinciding = new List<DayOff>();
        void Add(LocalDate date, HolidayReason reason)
        {
            // Two holidays on one day (the Hùng Kings' day can fall on 30 April or 1 May) give one day off
            // and, as for a holiday on a weekend, a compensatory day after it.
            var holiday = new DayOff(date, reason, HolidayNames.For(reason, date));
            (holidays.Exists(h => h.Date == date) ? coinciding : holidays).Add(holiday);
        }

        Add(new LocalDate(year, 1, 1), HolidayReason.NewYear);

        // Tết: 5 days. Default: the last day of the old lunar year and the first 4 days of the new one (the
        // government's most frequent choice; it decides each year, Art. 112.3).
        var tet = VietnameseLunarCalendar.LunarNewYear(year);
        for (var d = -1; d <= 3; d++)
        {
            Add(tet.PlusDays(d), HolidayReason.Tet);
        }

        Add(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), HolidayReason.HungKings);
        Add(new LocalDate(year, 4, 30), HolidayReason.Reunification);
        Add(new LocalDate(year, 5, 1), HolidayReason.Labour);
        var nationalDay = new LocalDate(year, 9, 2);
        Add(nationalDay, HolidayReason.NationalDay);
        if (year >= LabourCode2019From)
        {
            Add(NationalDayAdjacent(nationalDay), HolidayReason.NationalDay);
        }

        // A holiday on a weekly rest day gives a day off on the next working day (2019 code Art. 111.3;
        // 2012 code Art. 115.3), taken in date order so that two weekend holidays give two days.
        var off = holidays.Select(h => h.Date).ToHashSet();
        var compensatory = new List<DayOff>();
        foreach (var holiday in holidays.Where(h => IsWeekend(h.Date)).Concat(coinciding).OrderBy(h => h.Date))
        {
            var day = holiday.Date.PlusDays(1);
            while (IsWeekend(day) || off.Contains(day))
            {
                day = day.PlusDays(1);
            }

            off.Add(day);
            compensatory.Add(new DayOff(day, HolidayReason.Compensatory, HolidayNames.CompensatoryFor(holiday.Name)));
        }

        return new HolidayYear(year, [.. holidays, .. compensatory], [], [], HolidaySource.Computed);
    }

    /// <summary>
    /// The day next to 2 September (from 2021; the government picks 1 or 3 September). Default: the one that
    /// joins the holiday to a weekend (a Monday or a Friday); if neither does, the weekday after, else the one
    /// before. This reproduces 2021–2025: 3/9 (Fri) 2021, 1/9 (Thu) 2022, 1/9 (Fri) 2023, 3/9 (Tue) 2024, 1/9 (Mon) 2025.
    /// </summary>
    internal static LocalDate NationalDayAdjacent(LocalDate nationalDay)
    {
        var before = nationalDay.PlusDays(-1);
        var after = nationalDay.PlusDays(1);
        static bool JoinsWeekend(LocalDate d) => d.DayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Friday;
        if (JoinsWeekend(before))
        {
            return before;
        }

        if (JoinsWeekend(after) || !IsWeekend(after))
        {
            return after;
        }

        return before;
    }

    internal static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
}
