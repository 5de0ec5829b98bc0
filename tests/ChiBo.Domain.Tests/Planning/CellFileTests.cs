using System.IO;
using System.Linq;
using ChiBo.Planning;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

public class CellFileTests
{
    private static readonly string CellJson = File.ReadAllText(Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "cell.json"));

    [Fact]
    public void Demo_cell_file_reads_and_round_trips()
    {
        var read = CellFileSerializer.Read(CellJson, "cell.json");
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var cell = read.Value!;
        Assert.Equal("Chi bộ Trường THPT Trần Phú", cell.Cell.Name);
        Assert.Equal(new AdmissionTarget(2019, 3, 5, cell.TargetFor(2019)!.Source), cell.TargetFor(2019));
        Assert.Equal(7, cell.PriorityGroupsOrEmpty.Length);

        var again = CellFileSerializer.Read(CellFileSerializer.Write(cell));
        Assert.Equal(cell, again.Value);
    }

    [Theory]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "$.formatVersion")]
    [InlineData("\"min\": 3, \"max\": 5", "\"min\": 5, \"max\": 3", "$.targets[0]")]
    [InlineData("\"year\": 2020", "\"year\": 2019", "$.targets[1].year")]
    [InlineData("\"kind\": \"sourceSurvey\", \"everyMonths\": 3", "\"kind\": \"sourceSurvey\", \"everyMonths\": 5", "$.duties[1].everyMonths")]
    [InlineData("\"kind\": \"sourceSurvey\", \"everyMonths\": 3", "\"kind\": \"sympathizerListReview\", \"everyMonths\": 3", "$.duties[1].kind")]
    [InlineData("\"count\": 12", "\"count\": -1", "$.fullMemberCounts[0].count")]
    [InlineData("\"extensions\": {}", "\"extensions\": []", "$.extensions")]
    public void Invalid_values_are_errors_naming_their_path(string from, string to, string path)
    {
        Assert.Contains(from, CellJson);
        var read = CellFileSerializer.Read(CellJson.Replace(from, to), "cell.json");
        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Path == path && e.File == "cell.json");
    }

    [Fact]
    public void Unknown_property_is_an_error_with_its_line()
    {
        var read = CellFileSerializer.Read(CellJson.Replace("\"supervisor\"", "\"supervisr\""), "cell.json");
        var error = Assert.Single(read.Errors);
        Assert.Equal("json.unknownProperty", error.Code);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Full_members_on_a_date_is_the_latest_count_on_or_before_it()
    {
        var cell = PlanningData.CellFile(counts: [new(new LocalDate(2019, 1, 1), 10), new(new LocalDate(2019, 7, 1), 12)]);
        Assert.Null(cell.FullMembersOn(new LocalDate(2018, 12, 31)));
        Assert.Equal(10, cell.FullMembersOn(new LocalDate(2019, 6, 30)));
        Assert.Equal(12, cell.FullMembersOn(new LocalDate(2019, 7, 1)));
    }

    [Fact]
    public void Without_duties_the_seed_plan_defaults_apply()
    {
        var cell = PlanningData.CellFile();
        Assert.Equal(PeriodicDuty.Defaults, cell.EffectiveDuties);
        Assert.Equal([1, 3, 6], cell.EffectiveDuties.Select(d => d.EveryMonths));
    }

    [Theory]
    [InlineData(1, "2019-05-17", "2019-05-01", "2019-05-31")]
    [InlineData(3, "2019-05-17", "2019-04-01", "2019-06-30")]
    [InlineData(6, "2019-07-01", "2019-07-01", "2019-12-31")]
    [InlineData(12, "2020-02-29", "2020-01-01", "2020-12-31")]
    public void Periods_are_counted_from_January(int months, string date, string start, string end)
    {
        var duty = new PeriodicDuty(DutyKind.SourceSurvey, months);
        var d = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        Assert.Equal(start, NodaTime.Text.LocalDatePattern.Iso.Format(duty.PeriodStart(d)));
        Assert.Equal(end, NodaTime.Text.LocalDatePattern.Iso.Format(duty.PeriodEnd(d)));
    }
}
