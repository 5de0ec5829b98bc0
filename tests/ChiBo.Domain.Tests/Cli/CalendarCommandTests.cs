using System.Linq;
using System.Text.Json;
using Xunit;
using static ChiBo.Tests.Cli.EvaluateCommandTests;

namespace ChiBo.Tests.Cli;

public class CalendarCommandTests
{
    // The contract's example (Quy định 29-QĐ/TW: "within 30 working days"; 2/9/2019 is off, Bộ luật Lao động 2012 Art. 115).
    [Fact]
    public void Workdays_add_json_is_the_contract_example()
    {
        var (exit, output, error) = Run("workdays", "add", "2019-08-20", "30", "--json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["from", "workingDays", "date"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2019-08-20", doc.RootElement.GetProperty("from").GetString());
        Assert.Equal(30, doc.RootElement.GetProperty("workingDays").GetInt32());
        Assert.Equal("2019-10-02", doc.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public void Workdays_add_table_lists_the_days_off_it_skipped()
    {
        var (exit, output, _) = Run("workdays", "add", "2019-08-20", "30");
        Assert.Equal(0, exit);
        Assert.Contains("2019-10-02 (thứ Tư)", output);
        Assert.Contains("2019-09-02 (thứ Hai)    Quốc khánh", output);
        Assert.Contains("National Day", Run("workdays", "add", "2019-08-20", "30", "--lang", "en").Out);
    }

    [Fact]
    public void Workdays_count_json_counts_the_days_after_the_first_up_to_the_second()
    {
        var (exit, output, _) = Run("workdays", "count", "2019-08-20", "2019-10-02", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["from", "to", "workingDays"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(30, doc.RootElement.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public void Lunar_json_is_the_contract_shape()
    {
        var (exit, output, _) = Run("lunar", "2025-01-29", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2025-01-29", doc.RootElement.GetProperty("solar").GetString());
        var lunar = doc.RootElement.GetProperty("lunar");
        Assert.Equal(["day", "month", "year", "leapMonth"], lunar.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, lunar.GetProperty("day").GetInt32());
        Assert.Equal(1, lunar.GetProperty("month").GetInt32());
        Assert.Equal(2025, lunar.GetProperty("year").GetInt32());
        Assert.False(lunar.GetProperty("leapMonth").GetBoolean());
    }

    [Fact]
    public void Lunar_table_names_the_year_and_the_leap_month()
    {
        Assert.Contains("mùng 1 tháng Giêng năm Ất Tỵ (2025)", Run("lunar", "2025-01-29").Out);
        Assert.Contains("leap month 2 of the year Quý Mão", Run("lunar", "2023-03-22", "--lang", "en").Out);
    }

    [Fact]
    public void Holidays_json_of_an_official_year_is_the_contract_shape_with_its_decision()
    {
        var (exit, output, _) = Run("holidays", "2025", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
        Assert.Equal("2025-01-29", root.GetProperty("lunarNewYear").GetString());
        Assert.Equal("2025-04-07", root.GetProperty("hungKingsDay").GetString());
        Assert.Equal("official", root.GetProperty("source").GetString());
        var first = root.GetProperty("daysOff")[0];
        Assert.Equal("2025-01-01", first.GetProperty("date").GetString());
        Assert.Equal("newYear", first.GetProperty("reason").GetString());
        Assert.Equal("Tết Dương lịch", first.GetProperty("name").GetProperty("vi").GetString());
        Assert.Equal("New Year's Day", first.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("2025-04-26", root.GetProperty("workingWeekends")[0].GetString());
        Assert.Equal("8726/VPCP-KGVX", root.GetProperty("decisions")[0].GetProperty("number").GetString());
        Assert.Equal("2024-11-26", root.GetProperty("decisions")[0].GetProperty("date").GetString());
        var reasons = root.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("reason").GetString()).ToHashSet();
        Assert.Subset(new[] { "newYear", "tet", "hungKings", "reunification", "labour", "nationalDay", "compensatory", "swapped" }.ToHashSet(), reasons!);
    }

    // Issue 11 item 7: the 2026 calendar is official (12729/VPCP-KGVX; VPCP 13/10/2025), with 24/11 optional and off.
    [Fact]
    public void Holidays_2026_is_official_and_says_24_November_is_off_by_default()
    {
        var (exit, output, _) = Run("holidays", "2026", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("official", doc.RootElement.GetProperty("source").GetString());
        var optional = doc.RootElement.GetProperty("optionalDaysOff")[0];
        Assert.Equal("2026-11-24", optional.GetProperty("date").GetString());
        Assert.False(optional.GetProperty("enabled").GetBoolean());
        Assert.Contains("off by default", Run("holidays", "2026", "--lang", "en").Out);
        Assert.Contains("mặc định tắt", Run("holidays", "2026").Out);
    }

    [Fact]
    public void Workdays_add_one_from_2026_08_28_skips_the_National_Day_break()
    {
        var (exit, output, _) = Run("workdays", "add", "2026-08-28", "1", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2026-09-03", doc.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public void Holidays_of_a_year_without_decision_is_computed()
    {
        var (exit, output, _) = Run("holidays", "2100", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("computed", doc.RootElement.GetProperty("source").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("decisions").GetArrayLength());
        Assert.Contains("tính theo Bộ luật Lao động", Run("holidays", "2100").Out);
    }

    // The sample's ceremony came 38 working days after the decision arrived (Quy định 29-QĐ/TW §4.1: 30).
    [Fact]
    public void Evaluate_shows_the_late_ceremony_of_the_staff_sample_as_overdue_then_met_late()
    {
        var file = System.IO.Path.Combine(TestData.SamplesDir, "staff-past-youth-age.case.json");
        static JsonElement Ceremony(string output) =>
            JsonDocument.Parse(output).RootElement.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("action").GetString() == "holdCeremony");
        var before = Ceremony(Run("evaluate", file, "--as-of", "2019-06-10", "--json").Out);
        Assert.Equal("2019-06-04", before.GetProperty("due").GetString());
        Assert.Equal("overdue", before.GetProperty("status").GetString());
        Assert.Equal("Quy định 29-QĐ/TW (2016), 4.1", before.GetProperty("source").GetString());
        Assert.Equal("metLate", Ceremony(Run("evaluate", file, "--as-of", "2019-06-20", "--json").Out).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("workdays", "add", "2019-08-20")]
    [InlineData("workdays", "add", "20/08/2019", "30")]
    [InlineData("workdays", "add", "2019-08-20", "thirty")]
    [InlineData("workdays", "add", "2019-08-20", "-1")]
    [InlineData("workdays", "add", "2100-12-20", "30")]
    [InlineData("workdays", "count", "2019-08-20", "2101-01-01")]
    [InlineData("lunar", "1899-12-31")]
    [InlineData("lunar", "2025-02-30")]
    [InlineData("holidays", "2101")]
    [InlineData("holidays", "next")]
    [InlineData("holidays", "2025", "--lang", "fr")]
    public void Bad_calendar_input_gives_one_line_and_exit_2(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }
}
