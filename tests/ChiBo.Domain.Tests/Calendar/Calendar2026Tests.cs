using System.Linq;
using ChiBo.Calendar;
using NodaTime;
using Xunit;
using static ChiBo.Tests.Calendar.VietnameseLunarCalendarTests;

namespace ChiBo.Tests.Calendar;

/// <summary>
/// The 2026 calendar (rules/calendar/2026.json; issue 11 item 7; legal-2026.md §4.1): 12729/VPCP-KGVX for New Year,
/// the VPCP announcement of 13/10/2025 for Tết and National Day, the Labour Code for the rest; 24 November optional.
/// </summary>
public class Calendar2026Tests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Year_2026_is_official_and_2027_stays_computed()
    {
        Assert.Equal(HolidaySource.Official, Calendar.YearOf(2026).Source);
        Assert.Equal(HolidaySource.Computed, Calendar.YearOf(2027).Source);
        Assert.Contains(Calendar.YearOf(2026).Decisions, d => d.Number == "12729/VPCP-KGVX");
    }

    [Theory]
    [InlineData("2026-01-01", false)] // Tết Dương lịch
    [InlineData("2026-01-02", false)] // swapped (12729/VPCP-KGVX)
    [InlineData("2026-01-10", true)]  // Saturday worked instead
    [InlineData("2026-02-13", true)]  // Friday before Tết
    [InlineData("2026-02-16", false)] // the last day of Ất Tỵ (a 29-day month), first of the 5 Tết days
    [InlineData("2026-02-20", false)] // mùng 4
    [InlineData("2026-02-23", true)]  // Monday after the 9 days
    [InlineData("2026-04-27", false)] // compensatory day for Giỗ Tổ on Sunday 26/4
    [InlineData("2026-04-28", true)]
    [InlineData("2026-04-30", false)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-08-22", true)]  // Saturday worked instead of Monday 31/8
    [InlineData("2026-08-28", true)]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-02", false)]
    [InlineData("2026-09-03", true)]
    [InlineData("2026-11-24", true)]  // Ngày Văn hóa Việt Nam: off by default, not yet a holiday by law
    public void Working_days_of_2026_follow_the_announced_decisions(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void One_working_day_after_Friday_2026_08_28_is_Thursday_2026_09_03()
    {
        Assert.Equal(new LocalDate(2026, 9, 3), Calendar.AddWorkingDays(new LocalDate(2026, 8, 28), 1));
    }

    [Fact]
    public void Every_day_off_of_2026_cites_its_document()
    {
        Assert.All(Calendar.YearOf(2026).DaysOff, d => Assert.False(string.IsNullOrWhiteSpace(d.Source), d.Date.ToString()));
    }

    [Fact]
    public void The_24_November_entry_is_off_by_default_and_a_host_can_switch_it_on()
    {
        var year = Calendar.YearOf(2026);
        var culture = Assert.Single(year.OptionalDaysOff);
        Assert.Equal(("vietnamCultureDay", new LocalDate(2026, 11, 24), HolidayReason.CultureDay, false), (culture.Id, culture.Date, culture.Reason, culture.Enabled));
        Assert.DoesNotContain(year.DaysOff, d => d.Date == culture.Date);

        var switchedOn = Calendar.WithOptionalDaysOff(["vietnamCultureDay"]);
        Assert.False(switchedOn.IsWorkingDay(new LocalDate(2026, 11, 24)));
        Assert.True(switchedOn.YearOf(2026).OptionalDaysOff.Single().Enabled);
        Assert.Contains(switchedOn.YearOf(2026).DaysOff, d => d.Date == new LocalDate(2026, 11, 24) && d.Reason == HolidayReason.CultureDay);
        Assert.Equal(new LocalDate(2026, 11, 25), switchedOn.AddWorkingDays(new LocalDate(2026, 11, 23), 1));
        Assert.Equal(new LocalDate(2026, 11, 24), Calendar.AddWorkingDays(new LocalDate(2026, 11, 23), 1));

        // Unknown ids are ignored; the shipped calendar is unchanged.
        Assert.True(Calendar.WithOptionalDaysOff(["noSuchDay"]).IsWorkingDay(new LocalDate(2026, 11, 24)));
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2026, 11, 24)));
    }

    [Fact]
    public void A_switched_on_year_writes_back_with_the_entry_still_optional()
    {
        var on = Calendar.YearOf(2026).WithOptionalDaysOff(["vietnamCultureDay"]);
        var again = HolidayYearSerializer.Read(HolidayYearSerializer.Write(on), "2026.json").Value!;
        Assert.False(again.OptionalDaysOff.Single().Enabled);
        Assert.DoesNotContain(again.DaysOff, d => d.Reason == HolidayReason.CultureDay);
    }
}
