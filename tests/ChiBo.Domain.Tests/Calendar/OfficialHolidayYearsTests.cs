using System.IO;
using System.Linq;
using ChiBo.Calendar;
using Xunit;
using static ChiBo.Tests.Calendar.VietnameseLunarCalendarTests;

namespace ChiBo.Tests.Calendar;

/// <summary>The shipped official years (rules/calendar/YYYY.json), each from the government's decision.</summary>
public class OfficialHolidayYearsTests
{
    // Bộ luật Lao động 2012 Art. 115 (2019–2020) and 2019 Art. 112 (from 2021): Tết (5 days) and the Hùng Kings' day
    // (10/3 lunar) are holidays; the decision in each file fixes the Tết days.
    [Theory]
    [InlineData(2019, "2019-02-05", "2019-04-14", "6519/VPCP-KGVX")]
    [InlineData(2020, "2020-01-25", "2020-04-02", "4544/TB-LĐTBXH")]
    [InlineData(2021, "2021-02-12", "2021-04-21", "9895/VPCP-KGVX")]
    [InlineData(2022, "2022-02-01", "2022-04-10", "245/VPCP-KGVX")]
    [InlineData(2023, "2023-01-22", "2023-04-29", "8056/VPCP-KGVX")]
    [InlineData(2024, "2024-02-10", "2024-04-18", "8662/VPCP-KGVX")]
    [InlineData(2025, "2025-01-29", "2025-04-07", "8726/VPCP-KGVX")]
    public void Official_year_lists_Tet_and_the_Hung_Kings_day_from_its_decision(int year, string tet, string hungKings, string decision)
    {
        var holidays = WorkingDayCalendar.Default.YearOf(year);
        Assert.Equal(HolidaySource.Official, holidays.Source);
        Assert.Equal(Date(tet), holidays.LunarNewYear);
        Assert.Equal(Date(hungKings), holidays.HungKingsDay);
        Assert.Contains(holidays.DaysOff, d => d.Date == Date(tet) && d.Reason == HolidayReason.Tet);
        Assert.Contains(holidays.DaysOff, d => d.Date == Date(hungKings) && d.Reason == HolidayReason.HungKings);
        Assert.Equal(decision, holidays.Decisions[0].Number);
        Assert.Equal(5, holidays.DaysOff.Count(d => d.Reason == HolidayReason.Tet));
    }

    [Fact]
    public void Every_shipped_file_reads_with_its_schema_and_round_trips()
    {
        var dir = Path.Combine(TestData.RepoRoot, "rules", "calendar");
        var files = Directory.GetFiles(dir, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var result = HolidayYearSerializer.Read(File.ReadAllBytes(file), file);
            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Value!.Year.ToString());
            Assert.Contains("\"$schema\": \"../schema/calendar.schema.json\"", File.ReadAllText(file));
            var again = HolidayYearSerializer.Read(HolidayYearSerializer.Write(result.Value), file).Value!;
            Assert.Equal(result.Value.DaysOff.ToArray(), again.DaysOff.ToArray());
            Assert.Equal(result.Value.WorkingWeekends.ToArray(), again.WorkingWeekends.ToArray());
            Assert.Equal(result.Value.Decisions.ToArray(), again.Decisions.ToArray());
        }

        Assert.True(File.Exists(Path.Combine(TestData.RepoRoot, "rules", "schema", "calendar.schema.json")));
    }

    [Fact]
    public void Tet_days_are_named_by_their_lunar_date()
    {
        var tet = WorkingDayCalendar.Default.YearOf(2025).DaysOff.Where(d => d.Reason == HolidayReason.Tet).ToList();
        Assert.Equal("Tết Nguyên đán (28 tháng Chạp)", tet[0].Name.Vi);
        Assert.Equal("Tết Nguyên đán (29 tháng Chạp, giao thừa)", tet[1].Name.Vi);
        Assert.Equal("Lunar New Year's Eve (29th of the 12th month)", tet[1].Name.En);
        Assert.Equal("Tết Nguyên đán (mùng 1)", tet[2].Name.Vi);
        Assert.Equal("Lunar New Year (day 3)", tet[4].Name.En);
    }
}
