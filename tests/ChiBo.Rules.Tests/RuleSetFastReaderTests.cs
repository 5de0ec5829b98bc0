using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Rules.Loading;
using ChiBo.Rules.Tests.Fuzzing;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17: the fast rule-file reader (<c>RuleSetFastReader</c>, a hand-written Utf8JsonReader pass in front of
/// System.Text.Json) must agree with the System.Text.Json path — on every file, the same document and so the same rule
/// set, or the very same errors (code, message, file, line, column, path, rule, workflow). It may only give up, never
/// accept more or read differently; and the usual files (shipped, embedded, the test corpora) must take it.
/// </summary>
public class RuleSetFastReaderTests
{
    private const string FileName = "fast.json";

    private static Arbitrary<(int File, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(file => Gen.Choose(0, int.MaxValue - 1).Select(seed => (file, seed))).ToArbitrary();

    // The usual files: the shipped ones on disk, the embedded ones, and the fuzzers' small and one-rule files.
    public static IEnumerable<(string Name, byte[] Bytes)> UsualFiles()
    {
        foreach (var file in RuleFiles.Shipped)
        {
            yield return (file, File.ReadAllBytes(file));
        }

        var assembly = typeof(RuleSetLoader).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ChiBo.Rules.RuleSets.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (resource, copy.ToArray());
        }

        yield return ("small", RuleFuzz.Small);
        foreach (var expression in RuleFuzz.ShippedExpressions.Take(20))
        {
            yield return ($"one rule: {expression}", RuleFuzz.OneRule(expression));
        }
    }

    // The fast path is the usual path (else a cold start pays System.Text.Json again), with the serializer's document.
    [Fact]
    public void Every_shipped_embedded_and_corpus_rule_file_takes_the_fast_path_with_the_serializers_document()
    {
        var count = 0;
        foreach (var (name, bytes) in UsualFiles())
        {
            var fast = RuleSetFastReader.TryRead(bytes);
            Assert.True(fast is not null, $"{name} does not take the fast path");
            var (reference, error) = RuleSetDocument.ReadWithSerializer(bytes, name);
            Assert.True(error is null, $"{name}: {error}");
            Assert.Equal(Json(reference!), Json(fast));
            AssertAgree(bytes, name);
            count++;
        }

        Assert.True(count >= 8 + 20 + 1, $"only {count} files");
    }

    // The comparison itself can fail: a document that differs in one value serialises differently.
    [Fact]
    public void The_document_comparison_sees_a_changed_value()
    {
        var bytes = RuleFuzz.Small;
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"value\": 216", "\"value\": 215", StringComparison.Ordinal));
        Assert.NotEqual(bytes, changed);
        Assert.NotEqual(Json(RuleSetFastReader.TryRead(bytes)!), Json(RuleSetFastReader.TryRead(changed)!));
        Assert.NotEqual(Describe(RuleSetLoader.Load(bytes, FileName)), Describe(RuleSetLoader.Load(changed, FileName)));
    }

    // Law: the loader's answer (rule set or errors) is the same with and without the fast reader, on any mutated small file.
    [Property(MaxTest = 2500, Replay = "(20261711,20261713)")]
    public Property Load_agrees_with_the_serializer_path_on_any_mutated_small_file() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var (bytes, description) = input.Seed % 2 == 0
                ? JsonMutator.MutateRandomly(RuleFuzz.Small, input.Seed)
                : JsonMutator.Mutate(RuleFuzz.Small, kinds[(input.Seed / 2) % kinds.Length], input.Seed);
            var valid = AssertAgree(bytes, description);
            return true.Collect((RuleSetFastReader.TryRead(Body(bytes)) is null ? "gave up, " : "fast, ") + (valid ? "loaded" : "refused"));
        });

    // Law: the same on the shipped files, mutated one to three ways.
    [Property(MaxTest = 600, Replay = "(20261712,20261715)")]
    public Property Load_agrees_with_the_serializer_path_on_any_mutated_shipped_file() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var original = RuleFuzz.Shipped[input.File % RuleFuzz.Shipped.Length];
            var (bytes, description) = input.Seed % 2 == 0
                ? JsonMutator.MutateRandomly(original, input.Seed)
                : JsonMutator.Mutate(original, kinds[(input.Seed / 2) % kinds.Length], input.Seed);
            var valid = AssertAgree(bytes, description);
            return true.Collect((RuleSetFastReader.TryRead(Body(bytes)) is null ? "gave up, " : "fast, ") + (valid ? "loaded" : "refused"));
        });

    // Spellings the System.Text.Json path accepts or refuses in its own way: the fast path must give up on each, so that
    // the answer (rule set or error with its position) is the serializer's.
    [Theory]
    [InlineData("\"id\": ", "\"Id\": ")] // a property name in another case (the serializer matches case-insensitively)
    [InlineData("\"RuleName\": ", "\"ruleName\": ")]
    [InlineData("\"WorkflowName\": ", "\"workflowName\": ")]
    [InlineData("\"id\": ", "\"id\": \"x\", \"id\": ")] // a duplicate key
    [InlineData("\"id\": ", "\"id\": \"x\", \"ID\": ")] // a duplicate differing in case
    [InlineData("\"value\": 216", "\"value\": 216, \"value\": 216")]
    [InlineData("\"minAgeMonths\": {", "\"minAgeMonths\": {\"value\": 1}, \"minAgeMonths\": {")] // a duplicate parameter
    [InlineData("\"id\": ", "/* a comment */ \"id\": ")]
    [InlineData("\"id\": ", "\"\\u0069d\": ")] // an escaped name
    [InlineData("\"effectiveFrom\": \"", "\"effectiveFrom\": \"\\u0032")] // an escaped date
    [InlineData("\"effectiveFrom\": \"", "\"effectiveFrom\": null, \"x\": \"")]
    [InlineData("\"id\": ", "\"id\": null, \"description\": ")]
    [InlineData("\"id\": ", "\"extensions\": {\"a\": 1, \"a\": 2}, \"id\": ")] // a duplicate under extensions
    [InlineData("\"id\": ", "\"extensions\": {\"a\": 1, \"A\": 2}, \"id\": ")]
    [InlineData("\"id\": ", "\"extensions\": {\"host\": [1, {\"b\": null}]}, \"id\": ")]
    [InlineData("\"id\": ", "\"extensions\": {\"host\": [1, {\"b\": true}]}, \"id\": ")] // accepted by both
    [InlineData("\"value\": 216", "\"value\": \"216\"")]
    [InlineData("\"value\": 216", "\"value\": 216.0")]
    [InlineData("\"value\": 216", "\"value\": null")]
    [InlineData("\"value\": 216", "\"value\": {\"a\": 1, \"a\": 1}")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"Enabled\": false")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"Enabled\": true")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"Enabled\": \"true\"")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"LocalParams\": []")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"Rules\": []")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"SuccessEvent\": \"ok\"")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"description\": \"one language\"")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"description\": {\"vi\": \"a\", \"vi\": \"b\", \"en\": \"c\"}")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\", \"description\": 3")]
    [InlineData("\"RuleExpressionType\": \"LambdaExpression\"", "\"RuleExpressionType\": \"LambdaExpression\",")] // a trailing comma (refused)
    [InlineData("\"vi\": \"", "\"vi\": \"\\u0110\\u1ea3ng ")] // escapes in a string: read the same
    [InlineData("\"vi\": \"", "\"vi\": \"\\ud800")] // a lone surrogate escaped
    [InlineData("\"sources\": [", "\"sources\": [null, ")]
    [InlineData("\"sources\": [", "\"sources\": [1, ")]
    [InlineData("\"workflows\": [", "\"workflows\": [null, ")]
    [InlineData("\"Rules\": [", "\"Rules\": [null, ")]
    [InlineData("\"title\": {", "\"title\": {\"fr\": \"x\", ")]
    public void A_spelling_the_fast_path_does_not_take_gives_the_serializers_answer(string find, string replace)
    {
        var json = Encoding.UTF8.GetString(RuleFuzz.Small);
        Assert.Contains(find, json, StringComparison.Ordinal);
        var index = json.IndexOf(find, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json[..index] + replace + json[(index + find.Length)..]);
        AssertAgree(bytes, replace);
    }

    // Framing handled before either reader: a byte-order mark, a file over the limit, bytes that are not UTF-8, whitespace after.
    [Theory]
    [InlineData("bom")]
    [InlineData("too large")]
    [InlineData("not utf-8 in a string")]
    [InlineData("trailing whitespace")]
    [InlineData("trailing value")]
    [InlineData("empty")]
    [InlineData("null")]
    public void Framing_gives_the_serializers_answer(string kind)
    {
        var small = RuleFuzz.Small;
        var bytes = kind switch
        {
            "bom" => [0xEF, 0xBB, 0xBF, .. small],
            "too large" => [.. small, .. Enumerable.Repeat((byte)' ', RuleSetLoader.MaxFileBytes)],
            "not utf-8 in a string" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(small).Replace("\"vi\": \"", "\"vi\": \"\u0001", StringComparison.Ordinal))
                .Select(b => b == 0x01 ? (byte)0xFF : b).ToArray(),
            "trailing whitespace" => [.. small, (byte)'\n', (byte)' '],
            "trailing value" => [.. small, (byte)'1'],
            "empty" => [],
            _ => "null"u8.ToArray(),
        };
        var result = AssertAgree(bytes, kind);
        Assert.Equal(kind is "bom" or "trailing whitespace", result);
    }

    private static byte[] Body(byte[] bytes) => bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    // The document as text, every field and its JSON values raw (a parameter's absent value, which the serializer cannot
    // write back, included): two documents are equal when their texts are.
    private static string Json(RuleSetDocument document)
    {
        var text = new StringBuilder();
        void Line(string name, object? value) => text.Append(name).Append('=').Append(value switch
        {
            null => "<null>",
            string s => JsonSerializer.Serialize(s),
            JsonElement { ValueKind: JsonValueKind.Undefined } => "<undefined>",
            JsonElement e => $"{e.ValueKind}:{e.GetRawText()}",
            TextDocument t => $"{{vi={(t.Vi is null ? "<null>" : JsonSerializer.Serialize(t.Vi))}, en={(t.En is null ? "<null>" : JsonSerializer.Serialize(t.En))}}}",
            _ => value.ToString(),
        }).Append('\n');

        Line("$schema", document.Schema);
        Line("id", document.Id);
        Line("title", document.Title);
        Line("description", document.Description);
        Line("effectiveFrom", document.EffectiveFrom);
        Line("sources", document.Sources is null ? null : string.Join("|", document.Sources.Select(s => s is null ? "<null>" : JsonSerializer.Serialize(s))));
        Line("extensions", document.Extensions);
        Line("parameters", document.Parameters?.Count);
        foreach (var (name, parameter) in document.Parameters ?? [])
        {
            Line(" name", name);
            if (parameter is null)
            {
                Line(" parameter", null);
                continue;
            }

            Line("  value", parameter.Value);
            Line("  unit", parameter.Unit);
            Line("  source", parameter.Source);
            Line("  sourceNote", parameter.SourceNote);
            Line("  description", parameter.Description);
        }

        Line("workflows", document.Workflows?.Count);
        foreach (var workflow in document.Workflows ?? [])
        {
            if (workflow is null)
            {
                Line(" workflow", null);
                continue;
            }

            Line(" WorkflowName", workflow.WorkflowName);
            Line(" Description", workflow.Description);
            Line(" Rules", workflow.Rules?.Count);
            foreach (var rule in workflow.Rules ?? [])
            {
                if (rule is null)
                {
                    Line("  rule", null);
                    continue;
                }

                Line("  RuleName", rule.RuleName);
                Line("  Expression", rule.Expression);
                Line("  RuleExpressionType", rule.RuleExpressionType);
                Line("  ErrorMessage", rule.ErrorMessage);
                Line("  SuccessEvent", rule.SuccessEvent);
                Line("  Enabled", rule.Enabled);
                Line("  LocalParams", rule.LocalParams);
                Line("  Rules", rule.Rules);
                Line("  source", rule.Source);
                Line("  messages", rule.Messages);
                Line("  title", rule.Title);
                Line("  finding", rule.Finding);
                Line("  sourceNote", rule.SourceNote);
                Line("  description", rule.Description);
                Line("  pendingWhen", rule.PendingWhen);
            }
        }

        return text.ToString();
    }

    // Whatever the fast reader accepts, System.Text.Json reads into the same document; and Load gives the same answer.
    private static bool AssertAgree(byte[] bytes, string description)
    {
        if (bytes.Length <= RuleSetLoader.MaxFileBytes && RuleSetFastReader.TryRead(Body(bytes)) is { } fast)
        {
            var (reference, error) = RuleSetDocument.ReadWithSerializer(bytes, FileName);
            Assert.True(error is null, $"[{description}] the fast reader took a file the serializer refuses: {error}");
            Assert.Equal(Json(reference!), Json(fast));
        }

        var loaded = RuleSetLoader.Load(bytes, FileName);
        var referenceLoad = RuleSetLoader.LoadWithSerializer(bytes, FileName);
        Assert.True(loaded.IsValid == referenceLoad.IsValid, $"[{description}] fast: {Describe(loaded)}\nserializer: {Describe(referenceLoad)}");
        if (loaded.IsValid)
        {
            Assert.Equal(Describe(referenceLoad), Describe(loaded));
        }
        else
        {
            Assert.Equal(referenceLoad.Errors, loaded.Errors);
        }

        return loaded.IsValid;
    }

    // A rule set as text: every value the loader takes from the document.
    private static string Describe(RuleLoadResult<RuleSet> result)
    {
        if (result.Value is not { } set)
        {
            return string.Join("\n", result.Errors.Select(e => e.ToString()));
        }

        var text = new StringBuilder();
        text.AppendLine($"{set.Id} {set.Title} {set.Description} {set.EffectiveFrom} {string.Join("|", set.Sources)} {set.File} {set.Digest}");
        foreach (var (name, info) in set.Parameters.Info.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {name} = {info} {info.SourceNote}");
        }

        foreach (var workflow in set.Workflows)
        {
            text.AppendLine($" {workflow.Gate} {workflow.Name}");
            foreach (var rule in workflow.Rules)
            {
                text.AppendLine($"  {rule.Id} {rule.Expression} {rule.PendingWhen} {rule.Source} {rule.SourceNote} {rule.Message} {rule.Title} {rule.Finding} {rule.Description} {rule.DescriptionText} {rule.ErrorMessage}");
            }
        }

        return text.ToString();
    }
}
