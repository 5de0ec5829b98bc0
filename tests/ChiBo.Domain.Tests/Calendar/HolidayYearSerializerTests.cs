using ChiBo.Calendar;
using Xunit;

namespace ChiBo.Tests.Calendar;

public class HolidayYearSerializerTests
{
    private const string Valid = """
        {
          "$schema": "../schema/calendar.schema.json",
          "year": 2026,
          "decisions": [ { "number": "12729/VPCP-KGVX", "date": "2025-12-25" } ],
          "daysOff": [
            { "date": "2026-01-01", "reason": "newYear" },
            { "date": "2026-01-02", "reason": "swapped" }
          ],
          "workingWeekends": [ "2026-01-10" ]
        }
        """;

    [Fact]
    public void A_host_year_reads_with_default_names()
    {
        var result = HolidayYearSerializer.Read(Valid, "2026.json");
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("Tết Dương lịch", result.Value!.DaysOff[0].Name.Vi);
        Assert.Equal(HolidaySource.Official, result.Value.Source);
        Assert.Equal(HolidayReason.Swapped, result.Value.DaysOff[1].Reason);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var result = HolidayYearSerializer.Read("{\n  \"year\": 2026,\n  \"decisions\": [,]\n}", "2026.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("json.syntax", error.Code);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("2026.json:3:", error.ToString());
    }

    [Fact]
    public void Unknown_reason_names_the_file_line_and_path()
    {
        var result = HolidayYearSerializer.Read(Valid.Replace("\"swapped\"", "\"bridge\""), "2026.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("json.wrongType", error.Code);
        Assert.Equal(7, error.Line);
        Assert.Equal("$.daysOff[1].reason", error.Path);
    }

    [Fact]
    public void A_working_weekend_on_a_Friday_is_refused_with_its_line()
    {
        // A làm bù day replaces a weekly rest day (Bộ luật Lao động 2019, Art. 111): it must be a Saturday or Sunday.
        var result = HolidayYearSerializer.Read(Valid.Replace("2026-01-10", "2026-01-09"), "rules/calendar/2026.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("calendar.invalid", error.Code);
        Assert.Equal("$.workingWeekends[0]", error.Path);
        Assert.Equal(9, error.Line);
        Assert.StartsWith("rules/calendar/2026.json:9:", error.ToString());
        Assert.Contains("not a Saturday or Sunday", error.Message);
    }

    [Fact]
    public void A_duplicate_day_and_a_date_outside_the_year_are_each_reported()
    {
        var json = Valid.Replace("\"2026-01-02\", \"reason\": \"swapped\"", "\"2026-01-01\", \"reason\": \"swapped\"")
            .Replace("\"workingWeekends\": [ \"2026-01-10\" ]", "\"workingWeekends\": [ \"2027-03-06\" ]");
        var result = HolidayYearSerializer.Read(json, "2026.json");
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Path == "$.daysOff[1].date" && e.Line == 7 && e.Message.Contains("twice"));
        Assert.Contains(result.Errors, e => e.Path == "$.workingWeekends[0]" && e.Line == 9);
    }

    [Fact]
    public void A_file_named_for_another_year_is_refused()
    {
        var result = HolidayYearSerializer.Read(Valid, "2025.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("calendar.year", error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_year_without_a_decision_is_refused()
    {
        var result = HolidayYearSerializer.Read(Valid.Replace("{ \"number\": \"12729/VPCP-KGVX\", \"date\": \"2025-12-25\" }", string.Empty), "2026.json");
        Assert.Equal("$.decisions", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Unknown_property_is_refused()
    {
        var result = HolidayYearSerializer.Read(Valid.Replace("\"year\": 2026,", "\"year\": 2026, \"yeer\": 1,"), "2026.json");
        Assert.Equal("json.unknownProperty", Assert.Single(result.Errors).Code);
    }
}
