using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Cases;

public partial class CaseFileSerializerTests
{
    private const string Header = """
        {
          "formatVersion": 1,
          "person": { "id": "x", "fullName": "Nguyễn Thị An", "birthDate": "2001-03-15", "sex": "female",
                      "occupation": "student", "educationLevel": "lowerSecondary" },
          "cell": { "id": "c", "name": "Chi bộ", "kind": "grassrootsCell" },
        """;

    private static CaseFileReadResult ReadWithEvents(string events, string extra = "") =>
        CaseFileSerializer.Read(Header + $"\n  \"events\": [{events}]{extra}\n}}", "test.case.json");

    [Fact]
    public void Every_sample_case_reads_without_errors()
    {
        var files = TestData.SampleFiles.ToArray();
        Assert.True(files.Length >= 5);
        foreach (var file in files)
        {
            var result = CaseFileSerializer.Read(File.ReadAllBytes(file), file);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
        }
    }

    [Fact]
    public void Every_sample_case_round_trips_through_json_unchanged()
    {
        foreach (var file in TestData.SampleFiles)
        {
            var original = CaseFileSerializer.Read(File.ReadAllBytes(file), file).GetValueOrThrow();
            var again = CaseFileSerializer.Read(CaseFileSerializer.Write(original)).GetValueOrThrow();
            Assert.Equal(original, again);
        }
    }

    [Fact]
    public void Contract_example_reads_with_every_field()
    {
        var c = ReadWithEvents("""{ "type": "identifiedAsSource", "date": "2018-09-20" }""").GetValueOrThrow();
        Assert.Equal(new LocalDate(2001, 3, 15), c.Person.BirthDate);
        Assert.Equal(Sex.Female, c.Person.Sex);
        Assert.Equal(EducationLevel.LowerSecondary, c.Person.EducationLevel);
        Assert.True(c.Cell.HasYouthUnion); // defaults to true when absent
        Assert.IsType<IdentifiedAsSource>(Assert.Single(c.Events));
    }

    [Fact]
    public void Unknown_property_is_an_error_with_line_and_path()
    {
        var result = CaseFileSerializer.Read(Header.Replace("\"id\": \"x\",", "\"id\": \"x\", \"nickname\": \"A\",") + "\"events\": []}", "f.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("json.unknownProperty", error.Code);
        Assert.Equal("$.person.nickname", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("nickname", error.ToString());
    }

    [Fact]
    public void Unknown_event_type_is_an_error_naming_the_event_index()
    {
        var result = ReadWithEvents("""{ "type": "identifiedAsSource", "date": "2018-09-20" }, { "type": "partyAnniversary", "date": "2019-02-03" }""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("event.unknownType", error.Code);
        Assert.Equal(1, error.EventIndex);
        Assert.Contains("partyAnniversary", error.Message);
    }

    [Fact]
    public void Event_missing_a_required_field_is_an_error()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "cellVoted", "date": "2019-05-06", "purpose": "admission", "inFavour": 9 }""").Errors);
        Assert.Equal("json.missingProperty", error.Code);
        Assert.Equal(0, error.EventIndex);
        Assert.Contains("fullMembers", error.Message);
    }

    [Fact]
    public void Field_of_another_event_type_is_an_unknown_property()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "ceremonyHeld", "date": "2019-05-06", "inFavour": 9 }""").Errors);
        Assert.Equal("json.unknownProperty", error.Code);
    }

    [Fact]
    public void Vote_with_more_in_favour_than_members_names_the_event_type_and_date()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "cellVoted", "date": "2019-05-06", "purpose": "admission", "inFavour": 15, "fullMembers": 14 }""").Errors);
        Assert.Equal("event.invalid", error.Code);
        Assert.Equal("cellVoted", error.EventType);
        Assert.Equal(new LocalDate(2019, 5, 6), error.EventDate);
        Assert.Contains("event 0 (cellVoted, 2019-05-06)", error.ToString());
    }

    [Fact]
    public void Malformed_json_is_a_syntax_error_with_a_line()
    {
        var error = Assert.Single(CaseFileSerializer.Read("{\n \"formatVersion\": 1,\n \"person\": {", "x.json").Errors);
        Assert.Equal("json.syntax", error.Code);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Date_that_does_not_parse_is_an_error_at_its_path()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "ceremonyHeld", "date": "2019-02-30" }""").Errors);
        Assert.Equal("$.events[0].date", error.Path);
    }

    [Fact]
    public void Extensions_round_trip_untouched()
    {
        var text = Header + """
              "events": [],
              "extensions": { "hoSo": { "so": 12, "ghiChu": ["a", null, true], "x": 1.50 } }
            }
            """;
        var c = CaseFileSerializer.Read(text).GetValueOrThrow();
        var written = CaseFileSerializer.Write(c);
        using var doc = JsonDocument.Parse(written);
        Assert.Equal("""{"so":12,"ghiChu":["a",null,true],"x":1.50}""", doc.RootElement.GetProperty("extensions").GetProperty("hoSo").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal(c, CaseFileSerializer.Read(written).GetValueOrThrow());
    }

    [Fact]
    public void Extensions_that_are_not_an_object_are_an_error()
    {
        Assert.False(CaseFileSerializer.Read(Header + "\"events\": [], \"extensions\": [1]}").IsValid);
    }

    [Fact]
    public void Unsupported_format_version_is_an_error()
    {
        Assert.False(CaseFileSerializer.Read(Header.Replace("\"formatVersion\": 1", "\"formatVersion\": 2") + "\"events\": []}").IsValid);
    }

    [Fact]
    public void Vietnamese_text_is_written_unescaped()
    {
        var c = TestData.LoadSample("student-turned-18.case.json");
        Assert.Contains("Nguyễn Thị An", CaseFileSerializer.Write(c));
    }

    // Law: serialisation round-trips losslessly for any valid history.
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public bool Any_valid_case_round_trips_through_json(CaseFile caseFile) =>
        caseFile.Equals(CaseFileSerializer.Read(CaseFileSerializer.Write(caseFile)).Value);
}
