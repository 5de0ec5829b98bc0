using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChiBo.Evaluation;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Rules.Batch;

/// <summary>
/// Writes an answer (<see cref="CaseEvaluation"/>) as compact JSON, byte for byte what
/// <c>JsonSerializer.Serialize(answer, ChiBoJson.CompactOptions)</c> writes, for the sweep (issue 17) — or, given an
/// indented writer (<see cref="IndentedWriterOptions"/>), byte for byte what <c>ChiBoJson.Options</c> writes, for
/// <c>chibo evaluate --json</c>, whose cold start it spares System.Text.Json's reflection metadata: the answers of a
/// sweep are a contract, so this writer is only a faster road to the same bytes. The hot parts (checks, deadlines,
/// violations, their texts and facts) are written by hand, and the texts that are the same for every case (a rule's id,
/// message, title and source, a deadline's source) are encoded to UTF-8 once per worker thread and copied thereafter;
/// the rare parts (a cell with changes, warnings, a fact of another type) go through System.Text.Json. The shape of
/// every answer type this writer knows (<see cref="Shapes"/>) is pinned by a test against System.Text.Json's metadata
/// (<see cref="KnownShapes"/>), which fails when a property is added, renamed or moved, rather than checked at start-up:
/// that check built the reflection metadata of eight types, the very cost a cold <c>chibo evaluate</c> is spared.
/// </summary>
internal static class AnswerWriter
{
    private static readonly JsonSerializerOptions Options = ChiBoJson.CompactOptions;

    /// <summary>The JSON property names, in order, of each type this writer writes by hand, as it writes them.</summary>
    private static readonly (Type Type, string[] Names)[] Shapes =
    [
        (typeof(CaseEvaluation), ["asOf", "stage", "ruleSet", "nextGate", "checks", "deadlines", "violations", "dates", "exempt", "cell", "partyAge", "warnings", "standing", "ruleSetDigest", "ruleSetOrigin", "overlays"]),
        (typeof(RuleCheck), ["rule", "passed", "message", "source", "pending", "error", "detail", "title", "finding", "facts"]),
        (typeof(RuleViolation), ["rule", "event", "message", "source", "ruleSet", "detail", "title", "finding", "facts", "eventKind", "eventDate"]),
        (typeof(Deadline), ["action", "start", "due", "status", "source", "done", "startEvent", "workingDaysLate", "finding"]),
        (typeof(LocalizedText), ["vi", "en"]),
        (typeof(KeyDates), ["partyEntry", "probationEnds", "fullMembershipEffective", "partyAgeFrom"]),
        (typeof(PartyAge), ["years", "months", "totalMonths", "source"]),
        (typeof(Cases.Cell), ["id", "name", "kind", "superior", "hasYouthUnion", "hasTradeUnion", "changes"]),
    ];

    // Per worker thread: the UTF-8 JSON of the constant texts, keyed by the string instance (a rule's texts are the
    // same instances in every answer); bounded, so that texts made per case (were any passed here) cannot pile up.
    [ThreadStatic]
    private static Dictionary<object, byte[]>? constants;

    [ThreadStatic]
    private static Dictionary<string, (string En, byte[] Json)>? texts;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratchBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? scratch;

    /// <summary>
    /// The options of a writer that writes what <c>JsonSerializer.Serialize(answer, ChiBoJson.Options)</c> writes
    /// (indented by two spaces, the same encoder and new line): the options System.Text.Json gives its own writer.
    /// </summary>
    public static JsonWriterOptions IndentedWriterOptions { get; } = new()
    {
        Encoder = ChiBoJson.Options.Encoder,
        Indented = ChiBoJson.Options.WriteIndented,
        IndentCharacter = ChiBoJson.Options.IndentCharacter,
        IndentSize = ChiBoJson.Options.IndentSize,
        NewLine = ChiBoJson.Options.NewLine,
        MaxDepth = ChiBoJson.Options.MaxDepth,
        SkipValidation = true,
    };

    /// <summary>
    /// Whether every answer type has, under <paramref name="options"/>, the shape this writer knows (<see cref="Shapes"/>):
    /// for the test that pins them. It builds System.Text.Json's reflection metadata, so nothing calls it at run time.
    /// </summary>
    internal static bool KnownShapes(JsonSerializerOptions options) => Shapes.All(s => KnownShape(options, s.Type, s.Names));

    internal static bool KnownShape(JsonSerializerOptions options, Type type, string[] names)
    {
        try
        {
            var info = options.GetTypeInfo(type);
            return info.Kind == JsonTypeInfoKind.Object && info.Converter.GetType().Assembly == typeof(JsonSerializer).Assembly
                && info.Properties.Select(p => p.Name).SequenceEqual(names, StringComparer.Ordinal);
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the answer: the same bytes as <c>JsonSerializer.Serialize(json, answer, ChiBoJson.CompactOptions)</c>, or,
    /// on a writer with <see cref="IndentedWriterOptions"/>, as <c>JsonSerializer.Serialize(json, answer, ChiBoJson.Options)</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter json, CaseEvaluation answer)
    {
        json.WriteStartObject();
        json.WritePropertyName("asOf"u8);
        Date(json, answer.AsOf);
        json.WritePropertyName("stage"u8);
        Enum(json, answer.Stage);
        json.WritePropertyName("ruleSet"u8);
        ConstantOrNull(json, answer.RuleSet);
        json.WritePropertyName("nextGate"u8);
        Enum(json, answer.NextGate);
        json.WritePropertyName("checks"u8);
        Checks(json, answer.Checks);
        json.WritePropertyName("deadlines"u8);
        json.WriteStartArray();
        foreach (var deadline in answer.Deadlines)
        {
            Deadline(json, deadline);
        }

        json.WriteEndArray();
        json.WritePropertyName("violations"u8);
        json.WriteStartArray();
        foreach (var violation in answer.Violations)
        {
            Violation(json, violation);
        }

        json.WriteEndArray();
        json.WritePropertyName("dates"u8);
        json.WriteStartObject();
        json.WritePropertyName("partyEntry"u8);
        DateOrNull(json, answer.Dates.PartyEntry);
        json.WritePropertyName("probationEnds"u8);
        DateOrNull(json, answer.Dates.ProbationEnds);
        json.WritePropertyName("fullMembershipEffective"u8);
        DateOrNull(json, answer.Dates.FullMembershipEffective);
        json.WritePropertyName("partyAgeFrom"u8);
        DateOrNull(json, answer.Dates.PartyAgeFrom);
        json.WriteEndObject();
        json.WriteBoolean("exempt"u8, answer.Exempt);
        json.WritePropertyName("cell"u8);
        if (answer.Cell is { Changes: null } cell)
        {
            json.WriteStartObject();
            json.WriteString("id"u8, cell.Id);
            json.WriteString("name"u8, cell.Name);
            json.WritePropertyName("kind"u8);
            Enum(json, cell.Kind);
            json.WriteString("superior"u8, cell.Superior);
            json.WriteBoolean("hasYouthUnion"u8, cell.HasYouthUnion);
            json.WriteBoolean("hasTradeUnion"u8, cell.HasTradeUnion);
            json.WriteEndObject();
        }
        else
        {
            JsonSerializer.Serialize(json, answer.Cell, Options);
        }

        json.WritePropertyName("partyAge"u8);
        if (answer.PartyAge is { } age)
        {
            json.WriteStartObject();
            json.WriteNumber("years"u8, age.Years);
            json.WriteNumber("months"u8, age.Months);
            json.WriteNumber("totalMonths"u8, age.TotalMonths);
            json.WritePropertyName("source"u8);
            Constant(json, age.Source);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName("warnings"u8);
        if (answer.Warnings.Count == 0)
        {
            json.WriteStartArray();
            json.WriteEndArray();
        }
        else
        {
            JsonSerializer.Serialize(json, answer.Warnings, Options);
        }

        if (answer.Standing is { } standing)
        {
            json.WritePropertyName("standing"u8);
            Checks(json, standing);
        }

        json.WritePropertyName("ruleSetDigest"u8);
        ConstantOrNull(json, answer.RuleSetDigest);
        json.WritePropertyName("ruleSetOrigin"u8);
        if (answer.RuleSetOrigin is { } origin)
        {
            Enum(json, origin);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WritePropertyName("overlays"u8);
        json.WriteStartArray();
        foreach (var overlay in answer.Overlays)
        {
            // Not a copied constant: in an array, an indented writer puts the new line before a value itself.
            json.WriteStringValue(overlay);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Checks(Utf8JsonWriter json, IReadOnlyList<RuleCheck> checks)
    {
        json.WriteStartArray();
        foreach (var check in checks)
        {
            json.WriteStartObject();
            json.WritePropertyName("rule"u8);
            Constant(json, check.Rule);
            json.WriteBoolean("passed"u8, check.Passed);
            json.WritePropertyName("message"u8);
            Constant(json, check.Message);
            json.WritePropertyName("source"u8);
            Constant(json, check.Source);
            json.WriteBoolean("pending"u8, check.Pending);
            if (check.Error is { } error)
            {
                json.WritePropertyName("error"u8);
                Text(json, error);
            }

            if (check.Detail is { } detail)
            {
                json.WritePropertyName("detail"u8);
                Text(json, detail);
            }

            if (check.Title is { } title)
            {
                json.WritePropertyName("title"u8);
                Constant(json, title);
            }

            if (check.UnmadeFinding is RuleFinding unmade)
            {
                Finding(json, unmade);
            }
            else
            {
                if (check.Finding is { } finding)
                {
                    json.WritePropertyName("finding"u8);
                    Text(json, finding);
                }

                if (check.Facts is { } facts)
                {
                    json.WritePropertyName("facts"u8);
                    Facts(json, facts);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Violation(Utf8JsonWriter json, RuleViolation violation)
    {
        json.WriteStartObject();
        json.WritePropertyName("rule"u8);
        Constant(json, violation.Rule);
        json.WriteNumber("event"u8, violation.Event);
        json.WritePropertyName("message"u8);
        Constant(json, violation.Message);
        json.WritePropertyName("source"u8);
        Constant(json, violation.Source);
        json.WritePropertyName("ruleSet"u8);
        Constant(json, violation.RuleSet);
        if (violation.Detail is { } detail)
        {
            json.WritePropertyName("detail"u8);
            Text(json, detail);
        }

        if (violation.Title is { } title)
        {
            json.WritePropertyName("title"u8);
            Constant(json, title);
        }

        if (violation.UnmadeFinding is RuleFinding unmade)
        {
            Finding(json, unmade);
        }
        else
        {
            if (violation.Finding is { } finding)
            {
                json.WritePropertyName("finding"u8);
                Text(json, finding);
            }

            if (violation.Facts is { } facts)
            {
                json.WritePropertyName("facts"u8);
                Facts(json, facts);
            }
        }

        if (violation.EventKind is { } kind)
        {
            json.WritePropertyName("eventKind"u8);
            Enum(json, kind);
        }

        if (violation.EventDate is { } date)
        {
            json.WritePropertyName("eventDate"u8);
            Date(json, date);
        }

        json.WriteEndObject();
    }

    private static void Deadline(Utf8JsonWriter json, Deadline deadline)
    {
        json.WriteStartObject();
        json.WritePropertyName("action"u8);
        Enum(json, deadline.Action);
        json.WritePropertyName("start"u8);
        Date(json, deadline.Start);
        json.WritePropertyName("due"u8);
        Date(json, deadline.Due);
        json.WritePropertyName("status"u8);
        Enum(json, deadline.Status);
        json.WritePropertyName("source"u8);
        Constant(json, deadline.Source);
        json.WritePropertyName("done"u8);
        if (deadline.Done is { } done)
        {
            Date(json, done);
        }
        else
        {
            json.WriteNullValue();
        }

        if (deadline.StartEvent is { } start)
        {
            json.WritePropertyName("startEvent"u8);
            Enum(json, start);
        }

        if (deadline.WorkingDaysLate is { } late)
        {
            json.WriteNumber("workingDaysLate"u8, late);
        }

        if (deadline.UnmadeFinding is DeadlineFinding unmade)
        {
            json.WritePropertyName("finding"u8);
            unmade.WriteTo(json);
        }
        else if (deadline.Finding is { } finding)
        {
            json.WritePropertyName("finding"u8);
            Text(json, finding);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// A finding not made yet, written straight from its rule and facts: <c>"finding"</c> then <c>"facts"</c>, the bytes
    /// of <see cref="Text"/> and <see cref="Facts(Utf8JsonWriter, FactValues)"/> over what <see cref="RuleFinding.Make"/>
    /// would make (the template filled, then the values <see cref="RuleDefinition.FactsOf"/> keeps: each fact name
    /// whose value is a number, a yes/no or a date, in order), without their strings, list and boxes.
    /// </summary>
    private static void Finding(Utf8JsonWriter json, RuleFinding unmade)
    {
        var rule = unmade.Rule;
        json.WritePropertyName("finding"u8);
        rule.Template!.WriteTo(json, unmade.Facts, rule.Expression);
        json.WritePropertyName("facts"u8);
        json.WriteStartObject();
        foreach (var name in rule.FactNames)
        {
            switch (Loading.FindingTemplate.Value(name, unmade.Facts, rule.Expression))
            {
                case int number:
                    json.WritePropertyName(name);
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WritePropertyName(name);
                    json.WriteBooleanValue(flag);
                    break;
                case LocalDate date:
                    json.WritePropertyName(name);
                    Date(json, date);
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void Facts(Utf8JsonWriter json, FactValues facts)
    {
        json.WriteStartObject();
        foreach (var (name, value) in facts)
        {
            json.WritePropertyName(name);
            switch (value)
            {
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case LocalDate date:
                    Date(json, date);
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                default:
                    JsonSerializer.Serialize(json, value, Options);
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, LocalizedText text)
    {
        json.WriteStartObject();
        json.WriteString("vi"u8, text.Vi);
        json.WriteString("en"u8, text.En);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, LocalDate date) => IsoLocalDateConverter.Instance.Write(json, date, Options);

    private static void DateOrNull(Utf8JsonWriter json, LocalDate? date)
    {
        if (date is { } value)
        {
            Date(json, value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void ConstantOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            Constant(json, value);
        }
    }

    /// <summary>A string the same in many answers: its JSON encoded once per thread, then copied.</summary>
    private static void Constant(Utf8JsonWriter json, string value) =>
        json.WriteRawValue(Encoded(value, static (w, s) => w.WriteStringValue((string)s)), skipInputValidation: true);

    /// <summary>A text the same in many answers (a rule's message or title): keyed by its Vietnamese string and checked by its English one.</summary>
    private static void Constant(Utf8JsonWriter json, LocalizedText text)
    {
        if (json.Options.Indented)
        {
            // An object copied whole would keep its compact form; indented, it is written member by member.
            Text(json, text);
            return;
        }

        var cache = texts ??= new Dictionary<string, (string En, byte[] Json)>(ReferenceEqualityComparer.Instance);
        if (!cache.TryGetValue(text.Vi, out var known) || !ReferenceEquals(known.En, text.En))
        {
            if (cache.Count >= 16_384)
            {
                cache.Clear();
            }

            cache[text.Vi] = known = (text.En, Encode(text, static (w, t) => Text(w, (LocalizedText)t)));
        }

        json.WriteRawValue(known.Json, skipInputValidation: true);
    }

    private static void Enum<T>(Utf8JsonWriter json, T value)
        where T : struct, System.Enum =>
        json.WriteRawValue(EnumJson<T>.Of(value), skipInputValidation: true);

    private static byte[] Encoded(object key, Action<Utf8JsonWriter, object> write)
    {
        var cache = constants ??= new Dictionary<object, byte[]>(ReferenceEqualityComparer.Instance);
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        var encoded = Encode(key, write);
        Remember(cache, key, encoded);
        return encoded;
    }

    private static void Remember(Dictionary<object, byte[]> cache, object key, byte[] encoded)
    {
        if (cache.Count >= 16_384)
        {
            cache.Clear();
        }

        cache[key] = encoded;
    }

    private static byte[] Encode(object value, Action<Utf8JsonWriter, object> write)
    {
        var buffer = scratchBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = scratch ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        write(writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Each value of an enum as System.Text.Json writes it with the shared options (its name in camelCase, quoted):
    /// made from the names rather than by System.Text.Json, whose enum metadata would be built at start-up; a test pins
    /// every value of every answer enum to <c>JsonSerializer.SerializeToUtf8Bytes(value, ChiBoJson.CompactOptions)</c>.
    /// A value with no name of its own goes through System.Text.Json (which refuses it).
    /// </summary>
    internal static class EnumJson<T>
        where T : struct, System.Enum
    {
        private static readonly Dictionary<T, byte[]> Values = System.Enum.GetValues<T>().Distinct()
            .ToDictionary(v => v, v => System.Text.Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), Options.Encoder) + "\""));

        public static byte[] Of(T value) => Values.TryGetValue(value, out var json) ? json : JsonSerializer.SerializeToUtf8Bytes(value, Options);
    }
}
