using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Planning;
using ChiBo.Serialization;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// Issue 17: <c>cell.json</c> is read with metadata generated at build time (<c>CellFileContext</c>) instead of the
/// reflection metadata of <see cref="ChiBoJson.Options"/>, which the first read of <c>chibo plan|due|audit</c> used to
/// build. The two must read every file alike: the same value, or the same error (code, message, line, column, path).
/// </summary>
public class CellFileMetadataTests
{
    private static readonly byte[] Sample = File.ReadAllBytes(Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "cell.json"));

    [Fact]
    public void The_sample_cell_file_reads_as_with_reflection_metadata()
    {
        var read = CellFileSerializer.Read(Sample, "cell.json");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(Reflection(Sample), Outcome(read));
    }

    // Found by the law below: an array item written as null ("duties": [null]) crashed chibo plan with a
    // NullReferenceException (exit 70) instead of being refused by name.
    [Theory]
    [InlineData("duties")]
    [InlineData("targets")]
    [InlineData("fullMemberCounts")]
    [InlineData("meetings")]
    [InlineData("unitsWithoutMembers")]
    public void A_null_array_item_is_refused_by_its_path(string array)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Sample)!.AsObject();
        node[array] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        var read = CellFileSerializer.Read(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), "cell.json");
        var error = Assert.Single(read.Errors);
        Assert.Equal(("field.invalid", $"$.{array}[0]"), (error.Code, error.Path));
    }

    // Found with the law below: a cell file read without an optional array (targets, duties, members, the letterhead's
    // recipients…) holds a default ImmutableArray, and CellFileSerializer.Write threw on it (InvalidOperationException);
    // it now writes the file without the array, and the text reads back to an equal file.
    [Fact]
    public void A_cell_file_without_its_optional_arrays_writes_and_reads_back()
    {
        const string minimal = """
            {"formatVersion": 1, "cell": {"id": "cb-x", "name": "Chi bộ X", "kind": "grassrootsCell", "superior": "Đảng ủy phường Y", "hasYouthUnion": true, "hasTradeUnion": true},
             "letterhead": {"superiors": [{"name": "Đảng bộ Phường Y"}], "place": "Đà Nẵng"}}
            """;
        var read = CellFileSerializer.Read(minimal, "cell.json");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var written = CellFileSerializer.Write(read.Value);
        Assert.DoesNotContain("\"targets\"", written, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\"recipients\"", written, System.StringComparison.Ordinal);
        var again = CellFileSerializer.Read(written, "cell.json");
        Assert.True(again.IsValid, string.Join("; ", again.Errors));
        Assert.Equal(written, CellFileSerializer.Write(again.Value));
        Assert.Equal(Dump(read.Value), Dump(again.Value));
    }

    // A file with every array written comes out as System.Text.Json wrote it before (the modifier leaves it alone).
    [Fact]
    public void A_full_cell_file_writes_as_before()
    {
        var read = CellFileSerializer.Read(Sample, "cell.json");
        Assert.Equal(JsonSerializer.Serialize(read.Value, ChiBoJson.Options), CellFileSerializer.Write(read.Value!));
    }

    private static Arbitrary<int> Seeds() => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    // Law: on any mutated cell file, the reader (build-time metadata) and System.Text.Json's reflection metadata on the
    // same options give the same value or the same error, and then the same validation.
    [Property(MaxTest = 1000, Replay = "(20261201,20261203)")]
    public Property Reads_every_mutated_file_as_reflection_metadata_does() =>
        Prop.ForAll(Seeds(), seed =>
        {
            var kinds = System.Enum.GetValues<JsonMutation>();
            var (bytes, description) = seed % 2 == 0
                ? JsonMutator.MutateRandomly(Sample, seed)
                : JsonMutator.Mutate(Sample, kinds[(seed / 2) % kinds.Length], seed);
            Assert.Equal(Reflection(bytes), Outcome(CellFileSerializer.Read(bytes, "cell.json")));
        });

    private static string Reflection(byte[] bytes)
    {
        var (file, error) = JsonFiles.Deserialize<CellFile>(bytes, "cell.json", CellFileSerializer.MaxFileBytes);
        return error is not null ? Errors([error])
            : CellFileSerializer.Validate(file!, "cell.json") is { Count: > 0 } errors ? Errors(errors)
            : Dump(file!);
    }

    private static string Outcome(CellFileReadResult read) =>
        read.Value is { } file ? Dump(file) : Errors(read.Errors);

    // Property by property: a file read without an optional array holds a default ImmutableArray, which
    // System.Text.Json cannot write.
    private static string Dump(CellFile file) => string.Join("\n", typeof(CellFile).GetProperties().Select(p =>
    {
        var value = p.GetValue(file);
        if (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)value.GetType().GetProperty("IsDefault")!.GetValue(value)!)
        {
            return p.Name + " = default";
        }

        try
        {
            return p.Name + " = " + JsonSerializer.Serialize(value, p.PropertyType, ChiBoJson.Options);
        }
        catch (System.InvalidOperationException)
        {
            return p.Name + " = (an item with a default array)";
        }
    }));

    private static string Errors(System.Collections.Generic.IEnumerable<ChiBo.Cases.CaseFileError> errors) =>
        string.Join(" | ", errors.Select(e => $"{e.Code} {e.Message} {e.File} {e.Line}:{e.Column} {e.Path}"));
}
