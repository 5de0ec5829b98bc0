using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules.Batch;
using ChiBo.Serialization;
using ChiBo.Testing;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17, the sweep (<see cref="CaseBatch"/>): NDJSON in, one answer per non-empty line out, in input order, the
/// same answer as one evaluation of that case; unreadable lines answered with their errors and line number, never
/// stopping the sweep; the summary counts what the answers hold.
/// </summary>
public class CaseBatchTests
{
    private static readonly LocalDate AsOf = new(2026, 12, 1);
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped);

    private static string Line(CaseFile caseFile) => JsonSerializer.Serialize(caseFile, ChiBoJson.CompactOptions);

    [Fact]
    public async Task Answers_come_in_input_order_and_equal_one_evaluation_each()
    {
        var cases = CaseGenerator.Generate(17_2026, 1_200).Select(c => c.File).ToArray();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", cases.Select(Line)) + "\n"));
        var results = new List<CaseBatchResult>();
        await foreach (var result in CaseBatch.EvaluateAsync(input, Evaluator, AsOf, new CaseBatchOptions { LinesPerChunk = 7, MaxDegreeOfParallelism = 4 }))
        {
            results.Add(result);
        }

        Assert.Equal(cases.Length, results.Count);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(i + 1, results[i].Line);
            var expected = Evaluator.Evaluate(cases[i], AsOf).GetValueOrThrow();
            Assert.Equal(JsonSerializer.Serialize(expected, ChiBoJson.CompactOptions), JsonSerializer.Serialize(results[i].Answer, ChiBoJson.CompactOptions));
        }
    }

    // The written answers are byte for byte System.Text.Json's with the shared compact options, in order, each with its
    // line number, for cases at every stage.
    [Fact]
    public async Task Written_answers_are_byte_for_byte_the_compact_answer_json()
    {
        var cases = CaseGenerator.Generate(17_2027, 1_500).Select(c => c.File).ToArray();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", cases.Select(Line))));
        var output = new MemoryStream();
        await CaseBatch.WriteAnswersAsync(input, output, Evaluator, AsOf, new CaseBatchOptions { LinesPerChunk = 64 });
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, lines.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var expected = JsonSerializer.Serialize(Evaluator.Evaluate(cases[i], AsOf).GetValueOrThrow(), ChiBoJson.CompactOptions);
            Assert.Equal($"{{\"line\":{i + 1},\"answer\":{expected}}}", lines[i]);
        }
    }

    // Unreadable lines (bad JSON, a bad field, a line over the limit, a case the lifecycle rejects) are each answered with
    // their errors and their line number; the lines after them are still answered; empty lines are skipped but counted.
    [Fact]
    public async Task Bad_lines_are_reported_by_line_number_without_stopping_the_sweep()
    {
        var good = CaseGenerator.Generate(5, 3).Select(c => Line(c.File)).ToArray();
        var sample = CaseGenerator.Generate(5, 1)[0].File;

        // A ceremony before any admission: read, but rejected by the lifecycle.
        var rejected = Line(new CaseFile(sample.Person, sample.Cell, new CeremonyHeld(new LocalDate(2020, 1, 1))));
        var lines = new[]
        {
            good[0],                               // 1
            "{ not json",                          // 2
            "",                                    // 3 (skipped)
            good[1].Replace("\"formatVersion\":1", "\"formatVersion\":1,\"colour\":\"red\"", StringComparison.Ordinal), // 4
            new string('x', 5000),                 // 5 (over the limit of 4,000 bytes below)
            rejected,                              // 6
            "   \r",                               // 7 (skipped)
            good[2] + "\r",                        // 8 (CRLF)
        };
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        var output = new MemoryStream();
        var unreadable = new List<long>();
        var summary = await CaseBatch.WriteAnswersAsync(input, output, Evaluator, AsOf,
            new CaseBatchOptions { MaxLineBytes = 4_000, LinesPerChunk = 2, Unreadable = r => unreadable.Add(r.Line) });

        var written = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 8 }, written.Select(w => w.GetProperty("line").GetInt64()));
        Assert.Equal(new[] { true, false, false, false, false, true }, written.Select(w => w.TryGetProperty("answer", out _)));
        Assert.Equal(new long[] { 2, 4, 5, 6 }, unreadable);
        Assert.Equal("json.syntax", written[1].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("json.unknownProperty", written[2].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("line 4", written[2].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("file.tooLarge", written[3].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(8, summary.Lines);
        Assert.Equal(2, summary.Answers);
        Assert.Equal(4, summary.Unreadable);
    }

    // The summary's counts are those of the answers: by stage, overdue deadlines, violations.
    [Fact]
    public async Task The_summary_counts_stages_overdue_deadlines_and_violations_of_the_answers()
    {
        var cases = CaseGenerator.Generate(99, 400).Select(c => c.File).ToArray();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", cases.Select(Line))));
        var summary = await CaseBatch.WriteAnswersAsync(input, Stream.Null, Evaluator, AsOf, new CaseBatchOptions { LinesPerChunk = 33 });

        var answers = cases.Select(c => Evaluator.Evaluate(c, AsOf).GetValueOrThrow()).ToArray();
        Assert.Equal(answers.Length, summary.Answers);
        Assert.Equal(answers.GroupBy(a => a.Stage).OrderBy(g => g.Key).Select(g => new KeyValuePair<Stage, long>(g.Key, g.Count())), summary.ByStage);
        Assert.Equal(answers.Sum(a => a.Deadlines.Count(d => d.Status == DeadlineStatus.Overdue)), summary.OverdueDeadlines);
        Assert.Equal(answers.Sum(a => a.Violations.Count), summary.Violations);
        Assert.True(summary.Violations > 0 && summary.OverdueDeadlines > 0, "the generated cases have violations and overdue deadlines");
    }
}
