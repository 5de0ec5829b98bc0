using System;
using System.IO;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Fuzzing;

/// <summary>
/// Fuzzing the case-file reader (docs/reliability.md): valid files from random walks, broken by
/// <see cref="JsonMutator"/>. Reading returns a value or typed errors, never throws; every error names a place;
/// a file that reads round-trips; a case that reads replays and evaluates without throwing. Seeds are fixed
/// (Replay), so a run is the same run everywhere.
/// </summary>
public class CaseFileFuzzTests
{
    private const string FileName = "fuzz.case.json";
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped);

    /// <summary>A corpus file and a mutation seed.</summary>
    private static Arbitrary<(int File, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(file => Gen.Choose(0, int.MaxValue - 1).Select(seed => (file, seed))).ToArbitrary();

    // Law: Read(bytes) gives a value or errors (never both, never neither) and never throws; each error names
    // a place; a value round-trips and replays. 3,000 mutated files.
    [Property(MaxTest = 3000, Replay = "(20260101,20260103)")]
    public Property Reading_any_mutated_case_file_gives_a_value_or_errors_that_name_a_place() =>
        Prop.ForAll(Inputs(), input =>
        {
            var original = FuzzCorpus.Pick(FuzzCorpus.Files, input.File);
            var (bytes, description) = JsonMutator.MutateRandomly(original, input.Seed);
            return true.Collect(CheckRead(bytes, description));
        });

    // Law: the same, one mutation kind at a time, so that every kind is tried on every corpus file.
    [Property(MaxTest = 1600, Replay = "(20260102,20260105)")]
    public Property Each_mutation_kind_alone_gives_a_value_or_errors_that_name_a_place() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var kind = kinds[input.Seed % kinds.Length];
            var original = FuzzCorpus.Pick(FuzzCorpus.Files, input.File);
            var (bytes, description) = JsonMutator.Mutate(original, kind, input.Seed);
            return true.Collect(CheckRead(bytes, $"{kind}: {description}"));
        });

    // Law: a valid case file round-trips: read → write → read gives an equal case, and writing twice the same bytes.
    [Property(MaxTest = 500, Replay = "(20260103,20260107)")]
    public Property Any_valid_case_file_round_trips_and_writes_the_same_bytes_twice() =>
        Prop.ForAll(Inputs(), input =>
        {
            var caseFile = FuzzCorpus.Edit(FuzzCorpus.Pick(FuzzCorpus.Cases, input.File), new Random(input.Seed), input.Seed % 4);
            CheckRoundTrip(CaseFileSerializer.Write(caseFile), caseFile.ToString());
        });

    // Law (issue 12): a member-phase value replaced by a bad one — a month 2024-13, a rating "notfullfilled", a rated
    // year 2101 — is refused naming the event and its field (or the file still reads when the value stays valid), and
    // every member case that reads evaluates, standing included. 600 mutated member files.
    [Property(MaxTest = 600, Replay = "(20261201,20261207)")]
    public Property A_bad_member_phase_value_gives_errors_that_name_the_event() =>
        Prop.ForAll(Inputs(), input =>
        {
            var original = FuzzCorpus.Pick(FuzzCorpus.MemberFiles, input.File);
            var (bytes, description) = JsonMutator.Mutate(original, JsonMutation.MemberPhaseValue, input.Seed);
            var outcome = CheckRead(bytes, description);
            var result = CaseFileSerializer.Read(bytes, FileName);
            if (!result.IsValid)
            {
                var error = result.Errors[0];
                Assert.True(error.Code is "json.wrongType" or "event.invalid", $"{error} for [{description}]");
                Assert.True(error.EventIndex is not null, $"the error '{error}' names no event, for [{description}]");
            }

            return true.Collect(outcome);
        });

    /// <summary>Reads and checks; returns the outcome for FsCheck's table: "read" or the first error's code.</summary>
    private static string CheckRead(byte[] bytes, string description)
    {
        CaseFileReadResult result;
        try
        {
            result = CaseFileSerializer.Read(bytes, FileName);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Read threw {ex.GetType().Name} for [{description}]: {ex.Message}", ex);
        }

        Assert.True(result.IsValid != result.Errors.Count > 0, $"value and errors disagree for [{description}]");
        foreach (var error in result.Errors)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Code), $"an error without a code for [{description}]");
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"an error without a message for [{description}]");
            Assert.Equal(FileName, error.File);
            Assert.True(error.Line is not null || error.Path is not null || error.EventIndex is not null,
                $"the error '{error}' names no place, for [{description}]");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        Assert.Equal(result.Errors, CaseFileSerializer.Read(stream, FileName).Errors);

        if (result.Value is { } caseFile)
        {
            CheckRoundTrip(CaseFileSerializer.Write(caseFile), description);
            return CheckReplayAndEvaluation(caseFile, description);
        }

        return result.Errors[0].Code;
    }

    private static void CheckRoundTrip(string written, string description)
    {
        var again = CaseFileSerializer.Read(written, FileName);
        Assert.True(again.IsValid, $"a written case does not read back for [{description}]: {string.Join("; ", again.Errors)}");
        Assert.Equal(written, CaseFileSerializer.Write(again.Value!));
        Assert.Equal(CaseFileSerializer.Read(written).Value, again.Value);
    }

    private static string CheckReplayAndEvaluation(CaseFile caseFile, string description)
    {
        var replay = CaseLifecycle.Replay(caseFile);
        if (replay.Rejection is { } rejection)
        {
            var e = caseFile.Events[rejection.EventIndex];
            Assert.Equal(e.Kind, rejection.Event);
            Assert.Equal(e.Date, rejection.Date);
            return "read, lifecycle.rejected";
        }

        var asOf = caseFile.Events.IsEmpty ? new LocalDate(2020, 1, 1) : caseFile.Events.Max(e => e.Date);
        try
        {
            Assert.True(Evaluator.Evaluate(caseFile, asOf).IsEvaluated);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"Evaluate threw {ex.GetType().Name} for [{description}]: {ex.Message}", ex);
        }

        return "read, evaluated";
    }
}
