using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChiBo.Rules.Facts;
using ChiBo.Rules.Loading;
using ChiBo.Serialization;
using ChiBo.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17, the sweep's CPU (branch utf8tmpl): a finding is written from its template's literal parts pre-encoded to
/// UTF-8 and escaped once (<see cref="FindingTemplate.WriteTo"/>), the filled values transcoded and checked against the
/// encoder, the whole copied as a raw value. The bytes must stay System.Text.Json's writing the rendered text, with the
/// shared options' encoder (which leaves Vietnamese as UTF-8 and escapes quotes, backslashes, control characters and a
/// few others), for every shipped template and for templates and values full of characters to escape.
/// </summary>
public class FindingTemplateUtf8Tests
{
    private static readonly JavaScriptEncoder Encoder = ChiBoJson.CompactOptions.Encoder!;

    private static readonly RuleParameters Parameters = RuleCatalog.Shipped.RuleSets[^1].Parameters;

    /// <summary>Facts over an empty gate: zeros, no on the flags, the gate's date, and the dates not on record as unknown.</summary>
    private static FindingFacts Facts(LocalDate gateDate) => FindingFacts.OfExemption(default(GateFacts), gateDate, Parameters);

    private static readonly LocalDate[] Dates = [new(2026, 12, 1), new(2019, 1, 9), new(1, 1, 1), new(9999, 12, 31)];

    private static string Written(FindingTemplate template, FindingFacts facts, string expression, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            template.WriteTo(json, facts, expression);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly JsonWriterOptions Compact = new() { Encoder = Encoder, SkipValidation = true };

    /// <summary>The bytes of the writer, or System.Text.Json's exception, for a comparison of outcomes.</summary>
    private static string Outcome(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return "throws " + ex.GetType().Name;
        }
    }

    private static IEnumerable<RuleDefinition> ShippedRulesWithTemplates() =>
        RuleCatalog.Shipped.RuleSets.SelectMany(s => s.Workflows).SelectMany(w => w.Rules).Where(r => r.Template is not null);

    // Every template of every shipped era takes the UTF-8 road with the shared encoder (none of their literals begins or
    // ends with half a surrogate pair), so the byte-for-byte tests of the sweep's answers exercise it; and its bytes are
    // System.Text.Json's writing the rendered text, compact and indented, at ordinary and extreme dates.
    [Fact]
    public void Every_shipped_template_is_written_from_UTF_8_as_System_Text_Json_writes_its_text()
    {
        var rules = ShippedRulesWithTemplates().ToArray();
        Assert.True(rules.Length > 50, $"only {rules.Length} shipped rules with a finding");
        foreach (var rule in rules)
        {
            Assert.True(rule.Template!.Utf8For(Encoder) is not null, $"{rule.Id}: no UTF-8 form");
            foreach (var date in Dates)
            {
                var facts = Facts(date);
                var text = rule.Template.Render(facts, rule.Expression);
                Assert.Equal(JsonSerializer.Serialize(text, ChiBoJson.CompactOptions), Written(rule.Template, facts, rule.Expression, Compact));
                Assert.Equal(JsonSerializer.Serialize(text, ChiBoJson.Options), Written(rule.Template, facts, rule.Expression, Batch.AnswerWriter.IndentedWriterOptions));
            }
        }
    }

    // The facts' names of every shipped rule are written from their JSON made once: none needs escaping.
    [Fact]
    public void Every_shipped_fact_name_is_encoded_once()
    {
        foreach (var rule in ShippedRulesWithTemplates())
        {
            var names = rule.FactNamesJson(Encoder)!;
            Assert.Equal(rule.FactNames.Length, names.Length);
            Assert.All(rule.FactNames.Zip(names), p => Assert.Equal(p.First, p.Second?.Value));
            Assert.Same(names, rule.FactNamesJson(Encoder));
        }

        Assert.Null(ShippedRulesWithTemplates().First().FactNamesJson(null));
    }

    // Characters the shared encoder escapes or that are hard to split: quotes, backslashes, control characters, the
    // line and paragraph separators, a byte-order mark, HTML's characters (left alone by the relaxed encoder),
    // Vietnamese (left alone), an astral character (a surrogate pair, which the relaxed encoder escapes), lone halves of
    // pairs, a private-use and an unassigned code point.
    private static readonly string[] Odd =
    [
        "a", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "\u007f", "<", ">", "&", "'", "+", "`", "/", "ệ", "ữ", "Đ", "ngày ",
        "\u2028", "\u2029", "\ufeff", "\ud83d\ude00", "\ud800", "\udc00", "\ue000", "\u0378", "€", "\u00a0", "\u200b",
    ];

    private static readonly string[] Placeholders = PlaceholdersThatParse().ToArray();

    private static IEnumerable<string> PlaceholdersThatParse()
    {
        foreach (var name in FindingTemplate.KnownNames())
        {
            foreach (var candidate in new[] { $"{{{name}}}", $"{{{name}:years}}", $"{{{name}?có \"x\" \\ ệ|không\n\ud83d\ude00}}" })
            {
                if (FindingTemplate.Parse(new LocalizedText(candidate, candidate), out _) is not null)
                {
                    yield return candidate;
                }
            }
        }
    }

    private static Gen<string> Texts() =>
        Gen.OneOf(Gen.Elements(Odd), Gen.Elements(Odd), Gen.Elements(Placeholders)).ListOf().Select(parts => string.Concat(parts));

    // Templates made of those characters and of every kind of placeholder (numbers, dates, ages in years, education
    // levels, yes/no choices whose branches hold odd characters too, texts, unknown dates): the writer's bytes are
    // System.Text.Json's for the rendered text (or it throws as System.Text.Json throws), compact and indented, whether
    // the template takes the UTF-8 road or the characters' (a literal that begins or ends with half a surrogate pair).
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Odd_templates_are_written_as_System_Text_Json_writes_their_text()
    {
        var templates = Texts().SelectMany(vi => Texts().Select(en => new LocalizedText(vi, en)));
        return Prop.ForAll(templates.ToArbitrary(), Gen.Elements(Dates).ToArbitrary(), (text, date) =>
        {
            var template = FindingTemplate.Parse(text, out var problem);
            Assert.True(template is not null, problem?.ToString());
            var facts = Facts(date);
            const string expression = "vote.inFavour > 0";
            var rendered = template!.Render(facts, expression);
            Assert.Equal(Outcome(() => JsonSerializer.Serialize(rendered, ChiBoJson.CompactOptions)), Outcome(() => Written(template, facts, expression, Compact)));
            Assert.Equal(Outcome(() => JsonSerializer.Serialize(rendered, ChiBoJson.Options)), Outcome(() => Written(template, facts, expression, Batch.AnswerWriter.IndentedWriterOptions)));
        });
    }

    // A template whose literal begins or ends with half a surrogate pair keeps the characters' road (escaping the parts
    // apart could differ from escaping the whole); without an encoder there is no UTF-8 form either.
    [Fact]
    public void A_literal_with_half_a_pair_at_an_edge_has_no_UTF_8_form()
    {
        var edge = FindingTemplate.Parse(new LocalizedText("\ud83d{vote.inFavour}", "x"), out _)!;
        var inside = FindingTemplate.Parse(new LocalizedText("a\ud83d\ude00b {vote.inFavour}", "x \"y\""), out _)!;
        Assert.Null(edge.Utf8For(Encoder));
        Assert.NotNull(inside.Utf8For(Encoder));
        Assert.Null(inside.Utf8For(null));
    }
}
