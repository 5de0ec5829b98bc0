using System;
using ChiBo.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    // Tết in Vietnam (UTC+7). Where Vietnam differs from China (UTC+8) the Chinese date is in the comment.
    [Theory]
    [InlineData(1900, "1900-01-31")]
    [InlineData(1968, "1968-01-29")] // China 1968-01-30: Tết Mậu Thân, the first year Vietnam reckoned in UTC+7
    [InlineData(1975, "1975-02-11")]
    [InlineData(1985, "1985-01-21")] // China 1985-02-20
    [InlineData(2000, "2000-02-05")]
    [InlineData(2001, "2001-01-24")]
    [InlineData(2002, "2002-02-12")]
    [InlineData(2003, "2003-02-01")]
    [InlineData(2004, "2004-01-22")]
    [InlineData(2005, "2005-02-09")]
    [InlineData(2006, "2006-01-29")]
    [InlineData(2007, "2007-02-17")] // China 2007-02-18
    [InlineData(2008, "2008-02-07")]
    [InlineData(2009, "2009-01-26")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2011, "2011-02-03")]
    [InlineData(2012, "2012-01-23")]
    [InlineData(2013, "2013-02-10")]
    [InlineData(2014, "2014-01-31")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")] // China 2030-02-03: the new moon is at 23:07 on 2 February in UTC+7
    public void LunarNewYear_is_Tet_in_Vietnam(int year, string expected)
    {
        Assert.Equal(Date(expected), VietnameseLunarCalendar.LunarNewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.ToLunar(Date(expected)));
    }

    // Giỗ Tổ Hùng Vương, 10th of the 3rd lunar month (Bộ luật Lao động 2019, Art. 112.1.c).
    [Theory]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")] // 2023 has a leap 2nd month: the 3rd month comes late
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    public void Hung_Kings_day_is_the_10th_of_the_3rd_lunar_month(int year, string expected) =>
        Assert.Equal(Date(expected), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)));

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2024, 0)]
    public void LeapMonthOf_names_the_repeated_month(int year, int leap) =>
        Assert.Equal(leap, VietnameseLunarCalendar.LeapMonthOf(year));

    [Fact]
    public void ToLunar_reads_a_leap_month_day()
    {
        // 2023 repeats the 2nd month (tháng 2 nhuận): 2023-03-22 is its first day.
        Assert.Equal(new LunarDate(2023, 2, 1, isLeapMonth: true), VietnameseLunarCalendar.ToLunar(Date("2023-03-22")));
    }

    [Fact]
    public void ToSolar_refuses_a_day_past_the_months_end_and_a_false_leap_flag()
    {
        // Tháng Chạp of Giáp Thìn (2024) has 29 days: Tết Ất Tỵ is 2025-01-29, so there is no 30 Tết.
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2024, 12, 30), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 12, 30)));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2024, 3, 1, isLeapMonth: true), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(default, out _));
        Assert.Equal(Date("2025-01-28"), VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 12, 29)));
    }

    [Fact]
    public void Conversions_refuse_dates_outside_1900_to_2100()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(Date("1899-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(Date("2101-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.LunarNewYear(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LunarDate(2025, 13, 1));
        Assert.Equal(1899, VietnameseLunarCalendar.ToLunar(Date("1900-01-01")).Year);
        Assert.Equal(2100, VietnameseLunarCalendar.ToLunar(Date("2100-12-31")).Year);
    }

    [Property(MaxTest = 500)]
    public Property Solar_to_lunar_to_solar_is_the_identity_from_1900_to_2100() =>
        Prop.ForAll(Gen.Choose(0, Days1900To2100 - 1).ToArbitrary(), offset =>
        {
            var date = VietnameseLunarCalendar.MinDate.PlusDays(offset);
            return VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.ToLunar(date)) == date;
        });

    [Fact]
    public void Every_day_from_1900_to_2100_round_trips_and_months_have_29_or_30_days()
    {
        var previous = VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.MinDate);
        for (var date = VietnameseLunarCalendar.MinDate.PlusDays(1); date <= VietnameseLunarCalendar.MaxDate; date = date.PlusDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
            }
            else
            {
                Assert.Equal(previous.Day + 1, lunar.Day);
            }

            previous = lunar;
        }
    }

    internal static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    private const int Days1900To2100 = 73414;
}
