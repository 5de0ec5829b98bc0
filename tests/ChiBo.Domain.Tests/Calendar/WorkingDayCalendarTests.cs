using System;
using System.Linq;
using ChiBo.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static ChiBo.Tests.Calendar.VietnameseLunarCalendarTests;

namespace ChiBo.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Calendar => WorkingDayCalendar.Default;

    // The contract's example: "within 30 working days from day D counts D+1 as the first"; 2019-09-02 (National
    // Day, Bộ luật Lao động 2012 Art. 115) is not counted.
    [Fact]
    public void Thirty_working_days_from_2019_08_20_end_on_2019_10_02()
    {
        Assert.Equal(Date("2019-10-02"), Calendar.AddWorkingDays(Date("2019-08-20"), 30));
        Assert.Equal(30, Calendar.CountWorkingDays(Date("2019-08-20"), Date("2019-10-02")));
    }

    [Fact]
    public void A_swapped_weekend_is_worked_and_the_swapped_Monday_is_off()
    {
        // Công văn 2450/VPCP-KGVX (2024): Monday 29/4 off, Saturday 4/5 worked.
        Assert.False(Calendar.IsWorkingDay(Date("2024-04-29")));
        Assert.True(Calendar.IsWorkingDay(Date("2024-05-04")));
        Assert.False(Calendar.IsWorkingDay(Date("2024-05-05")));
        // Công văn 6519/VPCP-KGVX (2018) for 2019's New Year moves a day of December 2018.
        Assert.False(Calendar.IsWorkingDay(Date("2018-12-31")));
        Assert.True(Calendar.IsWorkingDay(Date("2019-01-05")));
    }

    [Fact]
    public void Tet_2024_is_seven_days_off_from_8_to_14_February()
    {
        // Công văn 8662/VPCP-KGVX: 5 days of Tết and 2 compensatory days (Bộ luật Lao động 2019, Art. 111.3, 112).
        for (var d = Date("2024-02-08"); d <= Date("2024-02-14"); d = d.PlusDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(d), d.ToString());
        }

        Assert.True(Calendar.IsWorkingDay(Date("2024-02-07")));
        Assert.True(Calendar.IsWorkingDay(Date("2024-02-15")));
    }

    [Fact]
    public void AddWorkingDays_zero_is_the_start_and_negative_is_refused()
    {
        Assert.Equal(Date("2024-02-10"), Calendar.AddWorkingDays(Date("2024-02-10"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Date("2024-02-10"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Date("2100-12-20"), 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(Date("1899-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.YearOf(2101));
    }

    [Fact]
    public void CountWorkingDays_is_negative_backwards()
    {
        Assert.Equal(-30, Calendar.CountWorkingDays(Date("2019-10-02"), Date("2019-08-20")));
        Assert.Equal(0, Calendar.CountWorkingDays(Date("2019-08-20"), Date("2019-08-20")));
    }

    [Property(MaxTest = 500)]
    public Property AddWorkingDays_lands_on_a_working_day_and_Count_gives_N_back() =>
        Prop.ForAll(
            Gen.Choose(0, 73414 - 400).ToArbitrary(),
            Gen.Choose(0, 250).ToArbitrary(),
            (offset, n) =>
            {
                var start = WorkingDayCalendar.MinDate.PlusDays(offset);
                var end = Calendar.AddWorkingDays(start, n);
                return (n == 0 || Calendar.IsWorkingDay(end))
                    && Calendar.CountWorkingDays(start, end) == n
                    && end >= start
                    && (n == 0 || !Enumerable.Range(1, Period.Between(start, end, PeriodUnits.Days).Days - 1)
                        .Any(d => Calendar.CountWorkingDays(start, start.PlusDays(d)) == n));
            });

    [Fact]
    public void Every_year_from_1900_to_2100_has_its_holidays_and_a_weekend_holiday_gives_a_day_off_after_it()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var holidays = Calendar.YearOf(year);
            Assert.Equal(year, holidays.Year);
            Assert.Equal(VietnameseLunarCalendar.LunarNewYear(year), holidays.LunarNewYear);
            Assert.Equal(5, holidays.DaysOff.Count(d => d.Reason == HolidayReason.Tet));
            Assert.Contains(holidays.DaysOff, d => d.Date == holidays.HungKingsDay || d.Reason == HolidayReason.Compensatory);
            Assert.Equal(year >= 2021 ? 2 : 1, holidays.DaysOff.Count(d => d.Reason == HolidayReason.NationalDay));
            Assert.All(holidays.DaysOff.Where(d => d.Date.Year == year), d => Assert.False(Calendar.IsWorkingDay(d.Date)));
            Assert.All(holidays.DaysOff, d => Assert.False(string.IsNullOrEmpty(d.Name.Vi) || string.IsNullOrEmpty(d.Name.En)));
            if (holidays.Source == HolidaySource.Computed)
            {
                var weekendHolidays = holidays.DaysOff.Count(d => d.Reason != HolidayReason.Compensatory && d.Date.DayOfWeek >= IsoDayOfWeek.Saturday);
                Assert.True(holidays.DaysOff.Count(d => d.Reason == HolidayReason.Compensatory) >= weekendHolidays, holidays.ToString());
            }
        }
    }

    [Fact]
    public void Official_years_are_those_shipped_and_other_years_are_computed()
    {
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Calendar.OfficialYears);
        Assert.Equal(HolidaySource.Computed, Calendar.YearOf(2027).Source); // no 2027 decision found (legal-2026.md §4.2)
        Assert.Equal("8726/VPCP-KGVX", Calendar.YearOf(2025).Decisions.Single().Number);
    }

    // From 2021 (Bộ luật Lao động 2019, Art. 112.1.đ) 2 September comes with the day before or after it; the
    // computed default joins it to a weekend, which is what the government chose in 2021–2025.
    [Theory]
    [InlineData(2021, "2021-09-03")]
    [InlineData(2022, "2022-09-01")]
    [InlineData(2023, "2023-09-01")]
    [InlineData(2024, "2024-09-03")]
    [InlineData(2025, "2025-09-01")]
    [InlineData(2026, "2026-09-03")] // a Wednesday: no bridge, the day after
    [InlineData(2029, "2029-09-03")] // a Sunday: Monday 3/9, and Tuesday 4/9 in compensation
    public void National_day_adjacent_day_computed_default(int year, string expected)
    {
        var computed = HolidayYear.Compute(year);
        Assert.Contains(computed.DaysOff, d => d.Reason == HolidayReason.NationalDay && d.Date == Date(expected));
        var official = Calendar.YearOf(year);
        // 2026 is official: the government chose Tuesday 1/9 with Monday 31/8 swapped, not the computed 3/9.
        if (official.Source == HolidaySource.Official && year <= 2025)
        {
            Assert.Contains(official.DaysOff, d => d.Reason == HolidayReason.NationalDay && d.Date == Date(expected));
        }
    }

    [Fact]
    public void Before_2021_National_day_is_one_day()
    {
        // Bộ luật Lao động 2012, Art. 115.1.đ: 2 September alone.
        Assert.Single(HolidayYear.Compute(2020).DaysOff, d => d.Reason == HolidayReason.NationalDay);
    }

    [Fact]
    public void Computed_Tet_is_the_last_day_of_the_year_and_the_first_four_of_the_new_one_with_compensation()
    {
        // 2020: Tết on Saturday 25/1. Default: 24/1 (30 Tết) to 28/1 (mùng 4); Saturday and Sunday give 29 and 30/1.
        var year = HolidayYear.Compute(2020);
        Assert.Equal(
            [Date("2020-01-24"), Date("2020-01-25"), Date("2020-01-26"), Date("2020-01-27"), Date("2020-01-28")],
            year.DaysOff.Where(d => d.Reason == HolidayReason.Tet).Select(d => d.Date));
        Assert.Contains(year.DaysOff, d => d.Reason == HolidayReason.Compensatory && d.Date == Date("2020-01-29"));
        Assert.Contains(year.DaysOff, d => d.Reason == HolidayReason.Compensatory && d.Date == Date("2020-01-30"));
        Assert.Equal("Tết Nguyên đán (mùng 1)", year.DaysOff.Single(d => d.Date == Date("2020-01-25")).Name.Vi);
    }

    [Fact]
    public void WithYears_overrides_a_year_and_leaves_the_default_alone()
    {
        var custom = new HolidayYear(2027,
            [new DayOff(Date("2027-01-01"), HolidayReason.NewYear, new("Tết Dương lịch", "New Year's Day")),
             new DayOff(Date("2027-01-04"), HolidayReason.Swapped, new("Nghỉ hoán đổi", "Swapped day off"))],
            [Date("2027-01-09")],
            [new HolidayDecision("1/VPCP-KGVX", Date("2026-12-01"))]);
        var calendar = Calendar.WithYears([custom]);
        Assert.False(calendar.IsWorkingDay(Date("2027-01-04")));
        Assert.True(calendar.IsWorkingDay(Date("2027-01-09")));
        Assert.True(Calendar.IsWorkingDay(Date("2027-01-04")));
        Assert.Equal(HolidaySource.Official, calendar.YearOf(2027).Source);
        Assert.Equal(HolidaySource.Official, calendar.YearOf(2024).Source);
        Assert.Equal(HolidaySource.Computed, WorkingDayCalendar.Create([]).YearOf(2024).Source);
        Assert.Throws<ArgumentException>(() => Calendar.WithYears([custom, custom]));
    }

    [Fact]
    public void A_working_weekend_must_be_a_Saturday_or_Sunday()
    {
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [], [Date("2026-01-09")], [new HolidayDecision("1/VPCP-KGVX", Date("2025-12-25"))]));
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [], [], []));
    }
}
