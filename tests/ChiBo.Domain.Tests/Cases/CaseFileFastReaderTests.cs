using System;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Testing;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Tests.Cases;

/// <summary>
/// Issue 17: the fast case-file reader (<c>CaseFileFastReader</c>, a hand-written Utf8JsonReader pass) must agree with
/// the System.Text.Json path it stands in front of — on every file, the same value or the very same errors (code,
/// message, line, column, path, event). It may only give up, never accept more or read differently.
/// </summary>
public class CaseFileFastReaderTests
{
    private const string FileName = "fast.case.json";

    private static Arbitrary<(int File, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(file => Gen.Choose(0, int.MaxValue - 1).Select(seed => (file, seed))).ToArbitrary();

    // Law: Read (fast path first) and the System.Text.Json path give equal outcomes on any mutated file.
    [Property(MaxTest = 3000, Replay = "(20261701,20261703)")]
    public Property Read_agrees_with_the_serializer_path_on_any_mutated_file() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var corpus = input.Seed % 3 == 0 ? FuzzCorpus.MemberFiles : FuzzCorpus.Files;
            var original = FuzzCorpus.Pick(corpus, input.File);
            var (bytes, description) = input.Seed % 2 == 0
                ? JsonMutator.MutateRandomly(original, input.Seed)
                : JsonMutator.Mutate(original, kinds[(input.Seed / 2) % kinds.Length], input.Seed);
            AssertAgree(bytes, description);
        });

    // The fast path is the usual path: every generated case, corpus file and sample takes it (else the benchmark measures
    // nothing), host data under extensions included.
    [Fact]
    public void Every_generated_corpus_and_sample_case_takes_the_fast_path()
    {
        var generated = CaseGenerator.Generate(20_250_101, 500).Select((c, i) => ($"generated {i}", Encoding.UTF8.GetBytes(CaseFileSerializer.Write(c.File))));
        var samples = System.IO.Directory.GetFiles(System.IO.Path.Combine(TestData.RepoRoot, "samples"), "*.case.json", System.IO.SearchOption.AllDirectories)
            .Select(f => (f, System.IO.File.ReadAllBytes(f)));
        var corpus = FuzzCorpus.Files.Concat(FuzzCorpus.MemberFiles).Select((b, i) => ($"corpus {i}", b));
        foreach (var (name, bytes) in generated.Concat(corpus).Concat(samples))
        {
            var body = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
            var fast = CaseFileFastReader.TryRead(body);
            var reference = CaseFileSerializer.ReadWithSerializer(bytes).Value!;
            // Host data under extensions too (the roster's "hoSoSo"): parsed on its own with the serializer's rules.
            Assert.True(fast is not null, $"{name} does not take the fast path:\n{Encoding.UTF8.GetString(bytes)}");
            Assert.Equal(reference, fast);
            AssertAgree(bytes, "unchanged");
        }
    }

    // Spellings the System.Text.Json path accepts or refuses in its own way: the fast path must give up on each, so that
    // the answer (value or error with its position) is the serializer's.
    [Theory]
    [InlineData("\"person\"", "\"Person\"")] // a property name in another case (the serializer matches case-insensitively)
    [InlineData("\"fullName\": \"", "\"fullname\": \"")]
    [InlineData("\"type\": \"identifiedAsSource\"", "\"type\": \"IdentifiedAsSource\"")] // an unknown discriminator
    [InlineData("\"sex\": \"male\"", "\"sex\": \"Male\"")] // an enum in another case
    [InlineData("\"sex\": \"male\"", "\"sex\": 0")] // an enum as a number
    [InlineData("\"sex\": \"male\"", "\"sex\": \"male\", \"sex\": \"male\"")] // a duplicate key
    [InlineData("\"sex\": \"male\"", "\"sex\": \"male\", \"Sex\": \"male\"")] // a duplicate differing in case
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1, \"extensions\": {\"a\": 1, \"a\": 2}")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1, \"extensions\": {\"host\": {\"b\": 1, \"b\": 2}}")] // a duplicate deeper in host data
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1, \"extensions\": {\"host\": [1, 2] /* a note */}")] // a comment the serializer skips
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1 /* a comment */")]
    [InlineData("\"formatVersion\": 1", "\"\\u0066ormatVersion\": 1")] // an escaped name
    [InlineData("\"birthDate\": \"", "\"birthDate\": \"\\u0032")] // an escaped date
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1.0")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": \"1\"")]
    [InlineData("\"hasYouthUnion\": true", "\"hasYouthUnion\": \"true\"")]
    [InlineData("\"hasYouthUnion\": true", "\"hasYouthUnion\": null")]
    [InlineData("\"fullName\": \"", "\"fullName\": null, \"x\": \"")]
    [InlineData("\"workUnit\": null", "\"workUnit\": 3")]
    public void A_spelling_the_fast_path_does_not_take_gives_the_serializers_answer(string find, string replace)
    {
        var json = CaseFileSerializer.Write(FuzzCorpus.Cases.First(c => c.Person.WorkUnit is null && c.Cell.HasYouthUnion));
        Assert.Contains(find, json, StringComparison.Ordinal);
        var index = json.IndexOf(find, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json[..index] + replace + json[(index + find.Length)..]);
        AssertAgree(bytes, replace);
    }

    // An event whose "type" is not its first property (the serializer allows it) is read the same.
    [Fact]
    public void An_event_with_type_after_its_fields_reads_as_the_serializer_reads_it()
    {
        var json = CaseFileSerializer.Write(FuzzCorpus.Cases.First(c => c.Events.Any(e => e is ApplicationSubmitted)));
        var at = json.IndexOf("\"type\": \"applicationSubmitted\",", StringComparison.Ordinal);
        var end = json.IndexOf('}', at);
        var eventBody = json[at..end];
        var moved = eventBody.Replace("\"type\": \"applicationSubmitted\",", string.Empty, StringComparison.Ordinal).TrimEnd() + ", \"type\": \"applicationSubmitted\"\n";
        var bytes = Encoding.UTF8.GetBytes(json[..at] + moved + json[end..]);
        Assert.True(CaseFileSerializer.Read(bytes).IsValid);
        AssertAgree(bytes, "type last");
    }

    private static void AssertAgree(byte[] bytes, string description)
    {
        var read = CaseFileSerializer.Read(bytes, FileName);
        var reference = CaseFileSerializer.ReadWithSerializer(bytes, FileName);
        Assert.True(read.IsValid == reference.IsValid, $"[{description}] fast: {Describe(read)}; serializer: {Describe(reference)}");
        if (read.IsValid)
        {
            Assert.Equal(reference.Value, read.Value);
            Assert.Equal(CaseFileSerializer.Write(reference.Value!), CaseFileSerializer.Write(read.Value));
        }
        else
        {
            Assert.Equal(reference.Errors, read.Errors);
        }
    }

    private static string Describe(CaseFileReadResult result) =>
        result.IsValid ? "valid" : string.Join("; ", result.Errors.Select(e => e.ToString()));
}
