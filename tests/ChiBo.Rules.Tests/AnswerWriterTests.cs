using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Rules.Batch;
using ChiBo.Serialization;
using ChiBo.Testing;
using ChiBo.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17, the sweep's speed without a byte changed: the sweep's hand-written <see cref="AnswerWriter"/> writes every
/// answer exactly as <c>JsonSerializer.Serialize(answer, ChiBoJson.CompactOptions)</c> does (the answers are a contract),
/// also for the parts the generated cases rarely or never hold; and it knows the shape of every answer type today, so
/// that it is not silently falling back to System.Text.Json.
/// </summary>
public class AnswerWriterTests
{
    private static readonly LocalDate AsOf = new(2026, 12, 1);
    private static readonly CaseEvaluator Evaluator = new(RuleCatalog.Shipped);

    private static string Written(CaseEvaluation answer) =>
        Written(answer, new JsonWriterOptions { Encoder = ChiBoJson.CompactOptions.Encoder, SkipValidation = true });

    private static string Written(CaseEvaluation answer, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            AnswerWriter.Write(json, answer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Issue 17, the cold start: what <c>chibo evaluate --json</c> prints, the indented writer's bytes.</summary>
    private static string Indented(CaseEvaluation answer) => Written(answer, AnswerWriter.IndentedWriterOptions);

    // The writer does not check the answer types' shapes at run time (that built System.Text.Json's reflection metadata
    // of eight types on every cold start): this pins them instead. A property added to, renamed in or moved within an
    // answer type fails here, under both options, so that the writer is taught the new shape before it writes wrong bytes.
    [Fact]
    public void The_writer_knows_the_shape_of_every_answer_type()
    {
        Assert.True(AnswerWriter.KnownShapes(ChiBoJson.CompactOptions));
        Assert.True(AnswerWriter.KnownShapes(ChiBoJson.Options));
    }

    // The check itself can fail: a shape with a property left out, or two swapped, is not the one System.Text.Json writes.
    [Fact]
    public void A_changed_shape_is_not_known()
    {
        Assert.True(AnswerWriter.KnownShape(ChiBoJson.Options, typeof(LocalizedText), ["vi", "en"]));
        Assert.False(AnswerWriter.KnownShape(ChiBoJson.Options, typeof(LocalizedText), ["en", "vi"]));
        Assert.False(AnswerWriter.KnownShape(ChiBoJson.CompactOptions, typeof(LocalizedText), ["vi"]));
        Assert.False(AnswerWriter.KnownShape(ChiBoJson.CompactOptions, typeof(string), ["length"]));
    }

    // The enums' JSON is made from their names (not by System.Text.Json, whose metadata a cold start would pay for):
    // every value of every enum of an answer is the bytes System.Text.Json writes for it.
    [Fact]
    public void Every_enum_value_of_an_answer_is_System_Text_Json_s()
    {
        AssertEnum<Lifecycle.Stage>();
        AssertEnum<Lifecycle.Gate>();
        AssertEnum<DeadlineAction>();
        AssertEnum<DeadlineStatus>();
        AssertEnum<EventKind>();
        AssertEnum<RuleSetOrigin>();
        AssertEnum<CellKind>();

        static void AssertEnum<T>()
            where T : struct, System.Enum
        {
            foreach (var value in System.Enum.GetValues<T>())
            {
                Assert.Equal(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, ChiBoJson.CompactOptions)), Encoding.UTF8.GetString(AnswerWriter.EnumJson<T>.Of(value)));
            }
        }
    }

    [Fact]
    public void Generated_answers_at_several_dates_are_byte_for_byte_System_Text_Json()
    {
        var cases = CaseGenerator.Generate(17_2028, 600).Select(c => c.File).ToArray();
        foreach (var date in new[] { AsOf, new LocalDate(2019, 6, 10), new LocalDate(2024, 2, 29) })
        {
            foreach (var file in cases)
            {
                if (Evaluator.Evaluate(file, date).Value is { } answer)
                {
                    Assert.Equal(JsonSerializer.Serialize(answer, ChiBoJson.CompactOptions), Written(answer));
                    Assert.Equal(JsonSerializer.Serialize(answer, ChiBoJson.Options), Indented(answer));
                }
            }
        }
    }

    // Issue 17, the sweep's CPU: a finding nobody has read yet (a failed check's, a violation's, a deadline's) is written
    // straight from its template and facts, without its strings and FactValues; those bytes must be System.Text.Json's
    // of the same answer once its findings are made, and reading the findings afterwards must still give them. The test
    // above serialises first, which makes every finding, so it only sees the writer's path for made findings.
    [Fact]
    public void Findings_written_before_anyone_reads_them_are_byte_for_byte_System_Text_Json()
    {
        var cases = CaseGenerator.Generate(17_2029, 600).Select(c => c.File).ToArray();
        var written = 0;
        foreach (var date in new[] { AsOf, new LocalDate(2019, 6, 10), new LocalDate(2021, 3, 15) })
        {
            foreach (var file in cases)
            {
                if (Evaluator.Evaluate(file, date).Value is not { } answer)
                {
                    continue;
                }

                var unread = Written(answer);
                Assert.Equal(JsonSerializer.Serialize(answer, ChiBoJson.CompactOptions), unread);
                Assert.Equal(unread, Written(answer));
                var fresh = Evaluator.Evaluate(file, date).Value!;
                Assert.Equal(fresh.Checks.Select(c => (c.Finding, c.Facts)), answer.Checks.Select(c => (c.Finding, c.Facts)));
                Assert.Equal(fresh.Violations.Select(v => (v.Finding, v.Facts)), answer.Violations.Select(v => (v.Finding, v.Facts)));
                Assert.Equal(fresh.Deadlines.Select(d => d.Finding), answer.Deadlines.Select(d => d.Finding));
                written += answer.Checks.Count(c => c.Finding is not null) + answer.Violations.Count(v => v.Finding is not null)
                    + answer.Deadlines.Count(d => d.Finding is not null);
            }
        }

        Assert.True(written > 1000, $"only {written} findings written");
    }

    // The parts generated cases do not hold: a cell with changes or without a superior, no cell, warnings, overlays, no
    // rule set, rule errors and details, texts to escape, facts of every kind, an answer without standing.
    [Fact]
    public void Rare_parts_of_an_answer_are_byte_for_byte_System_Text_Json()
    {
        var answer = CaseGenerator.Generate(5, 40).Select(c => Evaluator.Evaluate(c.File, AsOf).Value).First(a => a is { Violations.Count: > 0, Checks.Count: > 0 })!;
        var odd = new LocalizedText("dấu \"ngoặc\" \\ và\ttab <b>&'\u2028", "quote \" backslash \\ \n newline \u0001");
        var check = answer.Checks[0] with { Error = odd, Detail = new LocalizedText("chi tiết", "detail"), Title = odd, Finding = odd, Facts = new FactValues([new("a.b", 1), new("c.d", true), new("e.f", new LocalDate(2020, 2, 29)), new("g.h", "chữ \"x\"")]) };
        var variants = new[]
        {
            answer with { Cell = new Cell("cb1", "Chi bộ \"A\"", CellKind.GrassrootsCell, Superior: null, HasYouthUnion: false) },
            answer with { Cell = new Cell("cb2", "Chi bộ B", CellKind.SubordinateCell, "Đảng ủy") { Changes = [new CellChange(new LocalDate(2020, 1, 1), CellKind.GrassrootsCell)] } },
            answer with { Cell = null, PartyAge = null, Standing = null, RuleSet = null, RuleSetDigest = null, RuleSetOrigin = null },
            answer with { Warnings = [new EvaluationWarning("ruleSet.noneInForce", odd, 3), new EvaluationWarning("x.y", odd)], Overlays = ["overlay-a", "lớp \"b\""] },
            answer with { Checks = [check, check with { Facts = null, Finding = null, Title = null }], Standing = [check], RuleSetOrigin = RuleSetOrigin.Local },
            answer with { Violations = [answer.Violations[0] with { Detail = odd, Title = null, Finding = odd, EventKind = null, EventDate = null, Facts = new FactValues([]) }] },
            answer with { Deadlines = [new Deadline(DeadlineAction.HoldCeremony, new LocalDate(2020, 1, 1), new LocalDate(2020, 2, 1), DeadlineStatus.Overdue, "nguồn \"x\"") { WorkingDaysLate = 4, Finding = odd }] },
        };
        foreach (var variant in variants)
        {
            Assert.Equal(JsonSerializer.Serialize(variant, ChiBoJson.CompactOptions), Written(variant));
            Assert.Equal(JsonSerializer.Serialize(variant, ChiBoJson.Options), Indented(variant));
        }
    }

    // The dates of the findings, written by hand for four-digit years: the same characters as NodaTime's patterns.
    [FsCheck.Xunit.Property]
    public Property Dates_in_words_are_NodaTime_s_patterns()
    {
        var dates = Gen.Choose(-9998, 9999).SelectMany(year => Gen.Choose(1, 12).SelectMany(month =>
            Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month)).Select(day => new LocalDate(year, month, day))));
        return Prop.ForAll(dates.ToArbitrary(), date =>
        {
            var words = Labels.Date(date);
            return words.Vi == LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy").Format(date)
                && words.En == LocalDatePattern.Iso.Format(date)
                && Labels.Date(date, Language.Vietnamese) == words.Vi && Labels.Date(date, Language.English) == words.En;
        });
    }

    // FactValues looks a few names up in order and only a long list by a dictionary: either way a name given twice
    // keeps its first value, in its first place, and an absent name is absent.
    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(40)]
    public void Fact_values_keep_the_first_of_a_name_given_twice(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"g.n{i}").ToArray();
        var facts = new FactValues(names.Select((n, i) => new System.Collections.Generic.KeyValuePair<string, object>(n, i))
            .Concat(names.Select(n => new System.Collections.Generic.KeyValuePair<string, object>(n, -1))));
        Assert.Equal(names, facts.Keys);
        Assert.All(names.Select((n, i) => (n, i)), p => Assert.Equal(p.i, facts[p.n]));
        Assert.False(facts.ContainsKey("g.absent"));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => facts["g.absent"]);
    }
}
