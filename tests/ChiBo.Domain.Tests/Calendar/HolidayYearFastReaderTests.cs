using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Serialization;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Tests.Calendar;

/// <summary>
/// Issue 17: the fast calendar-file reader (<c>HolidayYearFastReader</c>, a hand-written Utf8JsonReader pass) stands in
/// front of System.Text.Json when a calendar file is read. It must agree with the serializer: on any file it reads, the
/// serializer reads the same value; on anything else it gives up, so that every error (code, message, line, path) is
/// the serializer's, as before.
/// </summary>
public class HolidayYearFastReaderTests
{
    private static readonly byte[][] Shipped = [.. Directory.GetFiles(Path.Combine(TestData.RepoRoot, "rules", "calendar"), "*.json")
        .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    // The shipped years (and so a cold start's first working-day count) take the fast path, with the serializer's value.
    [Fact]
    public void Every_shipped_year_takes_the_fast_path_with_the_serializers_value()
    {
        Assert.NotEmpty(Shipped);
        foreach (var bytes in Shipped)
        {
            var fast = HolidayYearFastReader.TryRead(bytes);
            Assert.NotNull(fast);
            Assert.Equal(Serialized(WithSerializer(bytes)), Serialized(fast));
        }
    }

    // Spellings the serializer reads its own way (case-insensitive names, nulls, escapes, numbers as enums) or refuses
    // (duplicates, unknown properties, comments, a missing required field): the fast reader gives up on each.
    [Theory]
    [InlineData("\"year\":", "\"Year\":")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": \"NewYear\"")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": 0")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": \"newYear\", \"reason\": \"newYear\"")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": \"newYear\", \"source\": null")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": \"newYear\", \"extra\": 1")]
    [InlineData("\"reason\": \"newYear\"", "\"reason\": \"newYear\" /* c */")]
    [InlineData("\"date\": \"2019-01-01\"", "\"date\": \"2019-01-0\\u0031\"")]
    [InlineData("\"year\": 2019", "\"year\": 2019.0")]
    [InlineData("\"year\": 2019,", "")]
    [InlineData("\"workingWeekends\"", "\"workingweekends\"")]
    public void Gives_up_where_the_serializer_reads_or_refuses_its_own_way(string find, string replace)
    {
        var text = Encoding.UTF8.GetString(Shipped[0]);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(ReplaceFirst(text, find, replace));
        Assert.Null(HolidayYearFastReader.TryRead(bytes));
    }

    private static Arbitrary<(int File, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(file => Gen.Choose(0, int.MaxValue - 1).Select(seed => (file, seed))).ToArbitrary();

    // Law: whatever the fast reader reads from a mutated file, the serializer reads the same; the public reader
    // (fast path first) gives the very outcome of the serializer's path.
    [Property(MaxTest = 1500, Replay = "(20261717,20261719)")]
    public Property Agrees_with_the_serializer_on_any_mutated_file() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var original = Shipped[input.File % Shipped.Length];
            var (bytes, description) = input.Seed % 2 == 0
                ? JsonMutator.MutateRandomly(original, input.Seed)
                : JsonMutator.Mutate(original, kinds[(input.Seed / 2) % kinds.Length], input.Seed);
            var body = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
            // As HolidayYearSerializer.Read does: a file over the size limit never reaches the fast reader.
            if (bytes.Length <= HolidayYearSerializer.MaxFileBytes && HolidayYearFastReader.TryRead(body) is { } fast)
            {
                var (reference, error) = JsonFiles.Deserialize<HolidayYearFile>(bytes, "2019.json", HolidayYearSerializer.MaxFileBytes);
                Assert.True(error is null, $"{description}: the fast reader read a file the serializer refuses ({error})");
                Assert.Equal(Serialized(reference!), Serialized(fast));
            }
        });

    // The law above is not vacuous: mutations that keep a file readable (items shuffled, duplicated or removed, a long
    // string) still take the fast path, and are compared with the serializer there.
    [Fact]
    public void Readable_mutations_still_take_the_fast_path()
    {
        var fast = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            foreach (var kind in new[] { JsonMutation.ShuffleArray, JsonMutation.ArrayItem, JsonMutation.LongString })
            {
                var (bytes, _) = JsonMutator.Mutate(Shipped[seed % Shipped.Length], kind, seed);
                if (bytes.Length <= HolidayYearSerializer.MaxFileBytes && HolidayYearFastReader.TryRead(bytes) is not null)
                {
                    fast++;
                }
            }
        }

        Assert.True(fast >= 100, $"only {fast} of 600 readable mutations took the fast path");
    }

    private static HolidayYearFile WithSerializer(byte[] bytes)
    {
        var (file, error) = JsonFiles.Deserialize<HolidayYearFile>(bytes, null, HolidayYearSerializer.MaxFileBytes);
        Assert.Null(error);
        return file!;
    }

    private static string Serialized(HolidayYearFile file) => JsonSerializer.Serialize(file, ChiBoJson.Options);

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
