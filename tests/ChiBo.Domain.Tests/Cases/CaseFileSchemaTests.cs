using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChiBo.Cases;
using Json.Schema;
using Xunit;

namespace ChiBo.Tests.Cases;

/// <summary>
/// Issue "For host developers" (item 6): a JSON Schema for case files, shipped as rules/schema/case.schema.json and named
/// by the samples' $schema; every sample and generated case is valid against it, and it refuses what the reader refuses
/// that a schema can say.
/// </summary>
public class CaseFileSchemaTests
{
    private static string SchemaPath => Path.Combine(TestData.RepoRoot, "rules", "schema", "case.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static bool Valid(string json) =>
        Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    // The shipped file is the generated one: regenerate with scripts/update-case-schema.sh after changing a type.
    [Fact]
    public void The_shipped_schema_is_the_one_made_from_the_types()
    {
        if (Environment.GetEnvironmentVariable("CHIBO_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, CaseFileSchema.Text, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(SchemaPath), "rules/schema/case.schema.json is missing: run scripts/update-case-schema.sh");
        Assert.True(CaseFileSchema.Text == File.ReadAllText(SchemaPath), "rules/schema/case.schema.json is out of date: run scripts/update-case-schema.sh");
    }

    [Fact]
    public void Every_sample_names_the_schema_and_is_valid_against_it()
    {
        var samples = Directory.GetFiles(Path.Combine(TestData.RepoRoot, "samples"), "*.case.json", SearchOption.AllDirectories);
        Assert.NotEmpty(samples);
        foreach (var file in samples)
        {
            var text = File.ReadAllText(file);
            Assert.True(Valid(text), file);
            var named = JsonNode.Parse(text)!["$schema"]?.GetValue<string>();
            Assert.True(named is not null, $"{file} names no $schema");
            Assert.Equal(Path.GetFullPath(SchemaPath), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, named)));
            Assert.True(CaseFileSerializer.Read(text, file).IsValid, file);
        }
    }

    [Fact]
    public void Every_generated_case_written_by_the_library_is_valid()
    {
        foreach (var generated in ChiBo.Testing.CaseGenerator.Generate(20261201, 300))
        {
            var json = CaseFileSerializer.Write(generated.File);
            Assert.True(Valid(json), json);
        }
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "an unknown property", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university", "nickname": "x" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "an unknown event type", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [ { "type": "partyHeld", "date": "2019-01-01" } ] }""" },
        { "a date in another form", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "01/01/2000", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "a date after 2100", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2101-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "a value outside an enumeration", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "farmer", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "a required field missing", """{ "formatVersion": 1, "person": { "id": "a", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "an event field missing", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [ { "type": "cellVoted", "date": "2019-01-01", "purpose": "admission", "inFavour": 9 } ] }""" },
        { "a vote of no members", """{ "formatVersion": 1, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [ { "type": "cellVoted", "date": "2019-01-01", "purpose": "admission", "inFavour": 0, "fullMembers": 0 } ] }""" },
        { "another format version", """{ "formatVersion": 2, "person": { "id": "a", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
        { "an empty id", """{ "formatVersion": 1, "person": { "id": "", "fullName": "A", "birthDate": "2000-01-01", "sex": "female", "occupation": "teacher", "educationLevel": "university" }, "cell": { "id": "c", "name": "C", "kind": "grassrootsCell" }, "events": [] }""" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_schema_refuses_what_the_reader_refuses(string what, string json)
    {
        Assert.False(CaseFileSerializer.Read(json).IsValid, $"the reader accepts {what}");
        Assert.False(Valid(json), $"the schema accepts {what}");
    }

    [Fact]
    public void The_schema_knows_every_event_type()
    {
        var text = File.ReadAllText(SchemaPath);
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            Assert.Contains($"\"{EventKinds.JsonName(kind)}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_schema_named_by_a_case_file_round_trips()
    {
        var file = TestData.LoadSample("student-turned-18.case.json");
        Assert.NotNull(file.Schema);
        var again = CaseFileSerializer.Read(CaseFileSerializer.Write(file)).GetValueOrThrow();
        Assert.Equal(file, again);
        Assert.Equal(file.Schema, again.WithEvent(new CommentsCollected(new NodaTime.LocalDate(2019, 5, 1))).Schema);
        Assert.StartsWith("{\n  \"$schema\"", CaseFileSerializer.Write(file), StringComparison.Ordinal);
    }

    // Found by the schema: every event was also written with a "kind" property (the override of CaseEvent.Kind lacked
    // [JsonIgnore]), and the reader silently accepted one. The contract's events have "type" only.
    [Fact]
    public void Events_are_written_with_their_type_only_and_a_kind_property_is_refused()
    {
        var written = CaseFileSerializer.Write(TestData.LoadSample("student-turned-18.case.json"));
        Assert.DoesNotContain("\"kind\": \"identifiedAsSource\"", written, StringComparison.Ordinal);
        var withKind = written.Replace("\"type\": \"identifiedAsSource\",", "\"type\": \"identifiedAsSource\", \"kind\": \"identifiedAsSource\",", StringComparison.Ordinal);
        Assert.NotEqual(written, withKind);
        Assert.Equal("json.unknownProperty", Assert.Single(CaseFileSerializer.Read(withKind).Errors).Code);
    }
}
