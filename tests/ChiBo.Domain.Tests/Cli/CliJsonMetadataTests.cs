using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Cli;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Rules;
using ChiBo.Serialization;
using ChiBo.Testing;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue 17, the Native AOT build of the tool (docs/packaging.md): it cannot make JSON metadata by reflection, so it
/// reads and writes with the build-time metadata of <see cref="CliJsonContext"/> on <see cref="ChiBoJson"/>'s options.
/// Every other build uses reflection. The two must write the same bytes for everything the tool writes, and read every
/// file alike (the same value, or the same error: code, message, line, column, path) — checked here, with the JIT, on
/// the same values, so that a difference shows in CI although CI never compiles the native tool.
/// </summary>
public class CliJsonMetadataTests
{
    private static readonly JsonSerializerOptions Generated = ChiBoJson.CreateWithGeneratedMetadata(writeIndented: true, CliJsonContext.Default);
    private static readonly JsonSerializerOptions GeneratedCompact = ChiBoJson.CreateWithGeneratedMetadata(writeIndented: false, CliJsonContext.Default);
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped, WorkingDayCalendar.Default);
    private static readonly string Roster2019 = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private static void Same<T>(T value, string what)
    {
        Assert.True(JsonSerializer.Serialize(value, ChiBoJson.Options) == JsonSerializer.Serialize(value, Generated), $"{what}: indented JSON differs");
        Assert.True(JsonSerializer.Serialize(value, ChiBoJson.CompactOptions) == JsonSerializer.Serialize(value, GeneratedCompact), $"{what}: compact JSON differs");
    }

    [Fact]
    public void The_answers_of_every_sample_and_of_generated_cases_write_the_same_bytes()
    {
        var compared = 0;
        foreach (var path in TestData.SampleFiles)
        {
            var file = CaseFileSerializer.ReadFile(path).Value!;
            foreach (var date in file.Events.Select(e => e.Date).Append(new LocalDate(2026, 12, 1)).Distinct())
            {
                if (Evaluator.Evaluate(file, date).Value is { } answer)
                {
                    Same(answer, $"{Path.GetFileName(path)} {date}");
                    compared++;
                }
            }
        }

        foreach (var generated in CaseGenerator.Generate(20261201, 400))
        {
            Same(Evaluator.Evaluate(generated.File, generated.AsOf).Value!, $"generated case at {generated.AsOf}");
            Same(generated.File, "generated case file");
            compared++;
        }

        Assert.True(compared > 500, $"only {compared} compared");
    }

    [Fact]
    public void The_reports_write_the_same_bytes()
    {
        var roster = Roster.LoadDirectory(Roster2019);
        var planner = CliServices.PlannerFor(null);
        foreach (var year in new[] { 2018, 2019, 2020, 2026 })
        {
            Same(planner.Plan(roster, year), $"plan {year}");
            Same(planner.Audit(roster, year), $"audit {year}");
            Same(planner.Due(roster, new LocalDate(year, 12, 31)), $"due {year}");
        }

        Same(roster.CellFile, "the cell file");
    }

    [Fact]
    public void The_calendar_the_rules_and_the_small_answers_write_the_same_bytes()
    {
        for (var year = 2010; year <= 2035; year++)
        {
            Same(WorkingDayCalendar.Default.YearOf(year), $"holidays {year}");
        }

        Same(RulesJson.Model(RuleCatalog.Shipped.RuleSets), "rules show --format json");
        Same(new ChiBo.Cli.Commands.LunarCommand.Answer(new LocalDate(2025, 1, 29), VietnameseLunarCalendar.ToLunar(new LocalDate(2025, 1, 29))), "lunar");
        Same(new ChiBo.Cli.Commands.WorkdaysAddCommand.Answer(new LocalDate(2025, 1, 20), 10, new LocalDate(2025, 2, 12)), "workdays add");
        Same(new ChiBo.Cli.Commands.WorkdaysCountCommand.Answer(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28), 35), "workdays count");
        foreach (var value in new object[] { 3, 12L, 2.5m, 0.5d, true, "một", new LocalDate(2019, 6, 10), new YearMonth(2019, 6) })
        {
            Same(value, $"a fact's value {value}");
        }
    }

    private static Arbitrary<int> Seeds() => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    // Law: any mutated case file reads alike with either metadata — the same case file, or refused by both with an
    // error at a line. Which error may differ: reflection's metadata reads an object with a constructor to its end
    // before it builds it, the build-time metadata may stop earlier, so on a file with two faults each may report
    // another one, and on one fault the build-time metadata often points at the bad property itself where reflection's
    // points at the end of its object (another line, column and JSON path); docs/packaging.md says so for the native tool.
    [Property(MaxTest = 600, Replay = "(20261201,20261203)")]
    public Property A_mutated_case_file_reads_alike_with_either_metadata() =>
        Prop.ForAll(Seeds(), seed =>
        {
            var source = FuzzCorpus.Pick(FuzzCorpus.Files, seed);
            var kinds = Enum.GetValues<JsonMutation>();
            var (bytes, _) = seed % 2 == 0 ? JsonMutator.MutateRandomly(source, seed) : JsonMutator.Mutate(source, kinds[(seed / 2) % kinds.Length], seed);
            Assert.Equal(Read<CaseFile>(bytes, ChiBoJson.Options, withPosition: false), Read<CaseFile>(bytes, Generated, withPosition: false));
        });

    // Law: the same for any mutated cell file. (CellFileSerializer reads with build-time metadata of its own and
    // reports an error from the reflection metadata; the native tool has only build-time metadata.)
    [Property(MaxTest = 600, Replay = "(20261202,20261205)")]
    public Property A_mutated_cell_file_reads_alike_with_either_metadata() =>
        Prop.ForAll(Seeds(), seed =>
        {
            var source = File.ReadAllBytes(Path.Combine(Roster2019, "cell.json"));
            var kinds = Enum.GetValues<JsonMutation>();
            var (bytes, _) = seed % 2 == 0 ? JsonMutator.MutateRandomly(source, seed) : JsonMutator.Mutate(source, kinds[(seed / 2) % kinds.Length], seed);
            Assert.Equal(Read<CellFile>(bytes, ChiBoJson.Options, withPosition: false), Read<CellFile>(bytes, Generated, withPosition: false));
        });

    private static string Read<T>(byte[] bytes, JsonSerializerOptions options, bool withPosition = true)
        where T : class
    {
        var (value, error) = JsonFiles.Deserialize(bytes, "x.json", 4 << 20, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        return error is not null ? (withPosition ? $"{error.Code} {error.Message} {error.Line}:{error.Column} {error.Path}" : $"refused, at a line: {error.Line is not null}")
            : value is CellFile cell ? CellFileSerializer.Write(cell) // leaves out the arrays a file did not have
            : JsonSerializer.Serialize(value, ChiBoJson.Options);
    }
}
