using System;
using System.Collections.Generic;
using System.Text.Json;
using ChiBo.Serialization;
using static ChiBo.Serialization.FastJson;
using NodaTime;

namespace ChiBo.Rules.Loading;

/// <summary>
/// A hand-written <see cref="Utf8JsonReader"/> pass from a rule file's bytes straight into <see cref="RuleSetDocument"/>
/// — the usual path of <see cref="RuleSetLoader"/> (issue 17: System.Text.Json's first use, its generic code over the
/// document's types JIT-compiled, was the largest share of a cold start). It accepts only a strict subset of what the
/// System.Text.Json path accepts — exact property names (that path matches them in any letter case), each at most once,
/// unescaped names, no null anywhere, no comments, no nested <c>Rules</c> or <c>LocalParams</c>, JSON values
/// (<c>value</c>, a rule's <c>description</c>, <c>extensions</c>) without a duplicate or an escaped name — and builds
/// the very same document; on anything else — an error or merely an unusual spelling — it gives up (returns null) and
/// the loader reads the bytes again with System.Text.Json, which reports every error with its file, line, column and
/// path as before. <c>RuleSetFastReaderTests</c> checks on the shipped and mutated files that the loader's answer
/// (rule set or errors) is the same with and without this reader.
/// </summary>
internal static class RuleSetFastReader
{
    /// <summary>Reads a rule file from UTF-8 JSON already checked for size (no byte-order mark), or gives up.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The document, or null when the System.Text.Json path must decide.</returns>
    internal static RuleSetDocument? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        // A file that is not UTF-8 is refused as a whole by the other path (JsonFiles), even where it is never decoded.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            var document = ReadDocument(ref reader);

            // Only whitespace may follow the document (anything else throws or is read as a token).
            return reader.Read() ? null : document;
        }
        catch (Exception ex) when (FastJson.GivesUp(ex))
        {
            return null;
        }
    }

    private static RuleSetDocument ReadDocument(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartObject);
        string? schema = null, id = null, description = null;
        TextDocument? title = null;
        LocalDate? effectiveFrom = null;
        List<string>? sources = null;
        Dictionary<string, ParameterDocument>? parameters = null;
        List<WorkflowDocument>? workflows = null;
        JsonElement? extensions = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            switch (name.Length)
            {
                case 7 when name.SequenceEqual("$schema"u8):
                    Mark(ref seen, 0);
                    schema = String(ref reader);
                    break;
                case 2 when name.SequenceEqual("id"u8):
                    Mark(ref seen, 1);
                    id = String(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    Mark(ref seen, 2);
                    title = ReadText(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    Mark(ref seen, 3);
                    description = String(ref reader);
                    break;
                case 13 when name.SequenceEqual("effectiveFrom"u8):
                    Mark(ref seen, 4);
                    effectiveFrom = Date(ref reader);
                    break;
                case 7 when name.SequenceEqual("sources"u8):
                    Mark(ref seen, 5);
                    sources = List(ref reader, static (ref Utf8JsonReader r) => String(ref r));
                    break;
                case 10 when name.SequenceEqual("parameters"u8):
                    Mark(ref seen, 6);
                    parameters = ReadParameters(ref reader);
                    break;
                case 9 when name.SequenceEqual("workflows"u8):
                    Mark(ref seen, 7);
                    workflows = List(ref reader, ReadWorkflow);
                    break;
                case 10 when name.SequenceEqual("extensions"u8):
                    Mark(ref seen, 8);
                    extensions = Element(ref reader);
                    break;
                default:
                    throw new GiveUp();
            }
        }

        return new RuleSetDocument
        {
            Schema = schema,
            Id = id,
            Title = title,
            Description = description,
            EffectiveFrom = effectiveFrom,
            Sources = sources,
            Parameters = parameters,
            Workflows = workflows,
            Extensions = extensions,
        };
    }

    private static TextDocument ReadText(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? vi = null, en = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            if (name.SequenceEqual("vi"u8))
            {
                Mark(ref seen, 0);
                vi = String(ref reader);
            }
            else if (name.SequenceEqual("en"u8))
            {
                Mark(ref seen, 1);
                en = String(ref reader);
            }
            else
            {
                throw new GiveUp();
            }
        }

        return new TextDocument { Vi = vi, En = en };
    }

    private static Dictionary<string, ParameterDocument> ReadParameters(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var parameters = new Dictionary<string, ParameterDocument>();
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            Next(ref reader);
            if (!parameters.TryAdd(key, ReadParameter(ref reader)))
            {
                throw new GiveUp();
            }
        }

        return parameters;
    }

    private static ParameterDocument ReadParameter(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        JsonElement value = default;
        string? unit = null, source = null, description = null;
        TextDocument? sourceNote = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            switch (name.Length)
            {
                case 5 when name.SequenceEqual("value"u8):
                    Mark(ref seen, 0);
                    value = Element(ref reader);
                    break;
                case 4 when name.SequenceEqual("unit"u8):
                    Mark(ref seen, 1);
                    unit = String(ref reader);
                    break;
                case 6 when name.SequenceEqual("source"u8):
                    Mark(ref seen, 2);
                    source = String(ref reader);
                    break;
                case 10 when name.SequenceEqual("sourceNote"u8):
                    Mark(ref seen, 3);
                    sourceNote = ReadText(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    Mark(ref seen, 4);
                    description = String(ref reader);
                    break;
                default:
                    throw new GiveUp();
            }
        }

        return new ParameterDocument { Value = value, Unit = unit, Source = source, SourceNote = sourceNote, Description = description };
    }

    private static WorkflowDocument ReadWorkflow(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? name = null, description = null;
        List<RuleDocument>? rules = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            Next(ref reader);
            if (property.SequenceEqual("WorkflowName"u8))
            {
                Mark(ref seen, 0);
                name = String(ref reader);
            }
            else if (property.SequenceEqual("Description"u8))
            {
                Mark(ref seen, 1);
                description = String(ref reader);
            }
            else if (property.SequenceEqual("Rules"u8))
            {
                Mark(ref seen, 2);
                rules = List(ref reader, ReadRule);
            }
            else
            {
                throw new GiveUp();
            }
        }

        return new WorkflowDocument { WorkflowName = name, Description = description, Rules = rules };
    }

    private static RuleDocument ReadRule(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? ruleName = null, expression = null, expressionType = null, errorMessage = null, successEvent = null;
        string? source = null, pendingWhen = null;
        bool? enabled = null;
        TextDocument? messages = null, title = null, finding = null, sourceNote = null;
        JsonElement? description = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            switch (name.Length)
            {
                case 8 when name.SequenceEqual("RuleName"u8):
                    Mark(ref seen, 0);
                    ruleName = String(ref reader);
                    break;
                case 10 when name.SequenceEqual("Expression"u8):
                    Mark(ref seen, 1);
                    expression = String(ref reader);
                    break;
                case 18 when name.SequenceEqual("RuleExpressionType"u8):
                    Mark(ref seen, 2);
                    expressionType = String(ref reader);
                    break;
                case 12 when name.SequenceEqual("ErrorMessage"u8):
                    Mark(ref seen, 3);
                    errorMessage = String(ref reader);
                    break;
                case 12 when name.SequenceEqual("SuccessEvent"u8):
                    Mark(ref seen, 4);
                    successEvent = String(ref reader);
                    break;
                case 7 when name.SequenceEqual("Enabled"u8):
                    Mark(ref seen, 5);
                    enabled = Bool(ref reader);
                    break;
                case 6 when name.SequenceEqual("source"u8):
                    Mark(ref seen, 6);
                    source = String(ref reader);
                    break;
                case 8 when name.SequenceEqual("messages"u8):
                    Mark(ref seen, 7);
                    messages = ReadText(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    Mark(ref seen, 8);
                    title = ReadText(ref reader);
                    break;
                case 7 when name.SequenceEqual("finding"u8):
                    Mark(ref seen, 9);
                    finding = ReadText(ref reader);
                    break;
                case 10 when name.SequenceEqual("sourceNote"u8):
                    Mark(ref seen, 10);
                    sourceNote = ReadText(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    Mark(ref seen, 11);
                    description = Element(ref reader);
                    break;
                case 11 when name.SequenceEqual("pendingWhen"u8):
                    Mark(ref seen, 12);
                    pendingWhen = String(ref reader);
                    break;
                default:
                    // LocalParams and nested Rules are refused by the loader: the System.Text.Json path reads them.
                    throw new GiveUp();
            }
        }

        return new RuleDocument
        {
            RuleName = ruleName,
            Expression = expression,
            RuleExpressionType = expressionType,
            ErrorMessage = errorMessage,
            SuccessEvent = successEvent,
            Enabled = enabled,
            Source = source,
            Messages = messages,
            Title = title,
            Finding = finding,
            SourceNote = sourceNote,
            Description = description,
            PendingWhen = pendingWhen,
        };
    }

    /// <summary>
    /// A JSON value kept as a <see cref="JsonElement"/>, as System.Text.Json keeps it — once checked that it has no null
    /// (the other path may read null into an absent value), no escaped property name, and no name written twice in one
    /// object (which that path refuses, letter case aside or not).
    /// </summary>
    private static JsonElement Element(ref Utf8JsonReader reader)
    {
        var start = reader;
        Check(ref reader);
        return JsonElement.ParseValue(ref start);
    }

    // Moves past the value the reader is on, giving up on a null, an escaped name or a duplicate name.
    private static void Check(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                throw new GiveUp();
            case JsonTokenType.StartArray:
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return;
                    }

                    Check(ref reader);
                }

            case JsonTokenType.StartObject:
                List<string>? names = null;
                while (NextProperty(ref reader))
                {
                    var name = reader.GetString()!;
                    names ??= [];
                    foreach (var other in names)
                    {
                        if (string.Equals(other, name, StringComparison.OrdinalIgnoreCase))
                        {
                            throw new GiveUp();
                        }
                    }

                    names.Add(name);
                    Next(ref reader);
                    Check(ref reader);
                }

                return;
            case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return;
            default:
                throw new GiveUp();
        }
    }
}
