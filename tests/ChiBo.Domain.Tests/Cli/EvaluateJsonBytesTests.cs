using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Rules;
using ChiBo.Serialization;
using ChiBo.Testing;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue 17, the cold start: <c>chibo evaluate --json</c> writes its answer by hand (the sweep's AnswerWriter on an
/// indented writer) instead of through System.Text.Json's reflection serializer, and what it prints is still, byte for
/// byte, <c>JsonSerializer.Serialize(answer, ChiBoJson.Options)</c> — for one case and for a folder.
/// </summary>
public class EvaluateJsonBytesTests
{
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped, ChiBo.Calendar.WorkingDayCalendar.Default);

    private static string Expected(CaseFile file, LocalDate asOf) =>
        JsonSerializer.Serialize(Evaluator.Evaluate(file, asOf).Value!, ChiBoJson.Options) + Environment.NewLine;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // Every sample case at each date of its file (the day of each event, the day before and after) and today.
    [Fact]
    public void Evaluate_json_of_every_sample_at_each_of_its_dates_is_System_Text_Json_s_bytes()
    {
        var compared = 0;
        foreach (var path in TestData.SampleFiles)
        {
            var file = CaseFileSerializer.ReadFile(path).Value!;
            var dates = file.Events.Select(e => e.Date).SelectMany(d => new[] { d.PlusDays(-1), d, d.PlusDays(1) })
                .Append(new LocalDate(2026, 12, 1)).Distinct().Order();
            foreach (var date in dates)
            {
                if (Evaluator.Evaluate(file, date).Value is null)
                {
                    continue;
                }

                var (exit, output, error) = EvaluateCommandTests.Run("evaluate", path, "--as-of", Iso(date), "--json");
                Assert.True(exit == 0, $"{path} {Iso(date)}: {error}");
                Assert.Equal(Expected(file, date), output);
                compared++;
            }
        }

        Assert.True(compared > 100, $"only {compared} answers compared");
    }

    // Generated cases (tests/Shared/CaseGenerator.cs) at several dates: the parts the samples do not hold.
    [Fact]
    public void Evaluate_json_of_generated_cases_is_System_Text_Json_s_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("chibo-json-bytes-");
        try
        {
            var cases = CaseGenerator.Generate(17_0150, 24).Select(c => c.File).ToArray();
            for (var i = 0; i < cases.Length; i++)
            {
                var path = Path.Combine(dir.FullName, $"{i:00}.case.json");
                File.WriteAllText(path, CaseFileSerializer.Write(cases[i]));
                var file = CaseFileSerializer.ReadFile(path).Value!;
                foreach (var date in new[] { new LocalDate(2019, 6, 10), new LocalDate(2024, 2, 29), new LocalDate(2026, 12, 1) })
                {
                    if (Evaluator.Evaluate(file, date).Value is null)
                    {
                        continue;
                    }

                    var (exit, output, error) = EvaluateCommandTests.Run("evaluate", path, "--as-of", Iso(date), "--json");
                    Assert.True(exit == 0, error);
                    Assert.Equal(Expected(file, date), output);
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The folder form: one array of { file, answer } and { file, errors }, as System.Text.Json wrote the records.
    [Fact]
    public void Evaluate_json_of_a_folder_is_System_Text_Json_s_bytes_with_answers_and_errors()
    {
        var dir = Directory.CreateTempSubdirectory("chibo-json-folder-");
        try
        {
            foreach (var path in TestData.SampleFiles)
            {
                File.Copy(path, Path.Combine(dir.FullName, Path.GetFileName(path)));
            }

            // Read, but not an answer: a ceremony straight after being identified as a source.
            File.WriteAllText(Path.Combine(dir.FullName, "00-bad.case.json"), File.ReadAllText(Path.Combine(TestData.SamplesDir, "removed-from-list.case.json"))
                .Replace("\"addedToSympathizerList\", \"date\": \"2018-10-05\"", "\"ceremonyHeld\", \"date\": \"2018-10-05\"", StringComparison.Ordinal));
            foreach (var date in new[] { new LocalDate(2019, 6, 10), new LocalDate(2026, 12, 1) })
            {
                var (exit, output, _) = EvaluateCommandTests.Run("evaluate", dir.FullName, "--as-of", Iso(date), "--json");
                Assert.Equal(ChiBo.Cli.Program.Findings, exit);
                var expected = new List<object>();
                foreach (var rosterCase in ChiBo.Planning.Roster.LoadDirectory(dir.FullName).Cases)
                {
                    var result = Evaluator.Evaluate(rosterCase.Case, date);
                    var name = Path.GetFileName(rosterCase.FileName);
                    expected.Add(result.Value is { } answer
                        ? new FolderAnswer(name, answer)
                        : new FolderError(name, result.Rejection is { } rejection ? [rejection.ToError(rosterCase.FileName).ToString()] : [.. result.Errors.Select(e => (e with { File = rosterCase.FileName }).ToString())]));
                }

                Assert.Contains(expected, e => e is FolderError);
                Assert.Contains(expected, e => e is FolderAnswer);
                Assert.Equal(JsonSerializer.Serialize(expected, ChiBoJson.Options) + Environment.NewLine, output);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // An empty answer list (every file unreadable as a case) is "[]", as System.Text.Json writes it.
    [Fact]
    public void The_folder_form_with_no_answer_is_an_empty_array()
    {
        Assert.Equal(JsonSerializer.Serialize(new List<object>(), ChiBoJson.Options), ChiBo.Cli.AnswerJson.Of([]));
    }

    // The records the command serialized before it wrote its answers by hand: the bytes it must still print.
    private sealed record FolderAnswer(string File, CaseEvaluation Answer);

    private sealed record FolderError(string File, IReadOnlyList<string> Errors);
}
