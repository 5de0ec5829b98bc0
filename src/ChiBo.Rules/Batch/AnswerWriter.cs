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
        json.WritePropertyName(Names.AsOf);
        Date(json, answer.AsOf);
        json.WritePropertyName(Names.Stage);
        Enum(json, answer.Stage);
        json.WritePropertyName(Names.RuleSet);
        ConstantOrNull(json, answer.RuleSet);
        json.WritePropertyName(Names.NextGate);
        Enum(json, answer.NextGate);
        json.WritePropertyName(Names.Checks);
        Checks(json, answer.Checks);
        json.WritePropertyName(Names.Deadlines);
        json.WriteStartArray();
        foreach (var deadline in answer.Deadlines)
        {
            Deadline(json, deadline);
        }

        json.WriteEndArray();
        json.WritePropertyName(Names.Violations);
        json.WriteStartArray();
        foreach (var violation in answer.Violations)
        {
            Violation(json, violation);
        }

        json.WriteEndArray();
        json.WritePropertyName(Names.Dates);
        json.WriteStartObject();
        json.WritePropertyName(Names.PartyEntry);
        DateOrNull(json, answer.Dates.PartyEntry);
        json.WritePropertyName(Names.ProbationEnds);
        DateOrNull(json, answer.Dates.ProbationEnds);
        json.WritePropertyName(Names.FullMembershipEffective);
        DateOrNull(json, answer.Dates.FullMembershipEffective);
        json.WritePropertyName(Names.PartyAgeFrom);
        DateOrNull(json, answer.Dates.PartyAgeFrom);
        json.WriteEndObject();
        json.WriteBoolean(Names.Exempt, answer.Exempt);
        json.WritePropertyName(Names.Cell);
        if (answer.Cell is { Changes: null } cell)
        {
            json.WriteStartObject();
            json.WriteString(Names.Id, cell.Id);
            json.WriteString(Names.Name, cell.Name);
            json.WritePropertyName(Names.Kind);
            Enum(json, cell.Kind);
            json.WriteString(Names.Superior, cell.Superior);
            json.WriteBoolean(Names.HasYouthUnion, cell.HasYouthUnion);
            json.WriteBoolean(Names.HasTradeUnion, cell.HasTradeUnion);
            json.WriteEndObject();
        }
        else
        {
            JsonSerializer.Serialize(json, answer.Cell, Options);
        }

        json.WritePropertyName(Names.PartyAge);
        if (answer.PartyAge is { } age)
        {
            json.WriteStartObject();
            json.WriteNumber(Names.Years, age.Years);
            json.WriteNumber(Names.Months, age.Months);
            json.WriteNumber(Names.TotalMonths, age.TotalMonths);
            json.WritePropertyName(Names.Source);
            Constant(json, age.Source);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(Names.Warnings);
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
            json.WritePropertyName(Names.Standing);
            Checks(json, standing);
        }

        json.WritePropertyName(Names.RuleSetDigest);
        ConstantOrNull(json, answer.RuleSetDigest);
        json.WritePropertyName(Names.RuleSetOrigin);
        if (answer.RuleSetOrigin is { } origin)
        {
            Enum(json, origin);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WritePropertyName(Names.Overlays);
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
            json.WritePropertyName(Names.Rule);
            Constant(json, check.Rule);
            json.WriteBoolean(Names.Passed, check.Passed);
            json.WritePropertyName(Names.Message);
            Constant(json, check.Message);
            json.WritePropertyName(Names.Source);
            Constant(json, check.Source);
            json.WriteBoolean(Names.Pending, check.Pending);
            if (check.Error is { } error)
            {
                json.WritePropertyName(Names.Error);
                Text(json, error);
            }

            if (check.Detail is { } detail)
            {
                json.WritePropertyName(Names.Detail);
                Text(json, detail);
            }

            if (check.Title is { } title)
            {
                json.WritePropertyName(Names.Title);
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
                    json.WritePropertyName(Names.Finding);
                    Text(json, finding);
                }

                if (check.Facts is { } facts)
                {
                    json.WritePropertyName(Names.Facts);
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
        json.WritePropertyName(Names.Rule);
        Constant(json, violation.Rule);
        json.WriteNumber(Names.Event, violation.Event);
        json.WritePropertyName(Names.Message);
        Constant(json, violation.Message);
        json.WritePropertyName(Names.Source);
        Constant(json, violation.Source);
        json.WritePropertyName(Names.RuleSet);
        Constant(json, violation.RuleSet);
        if (violation.Detail is { } detail)
        {
            json.WritePropertyName(Names.Detail);
            Text(json, detail);
        }

        if (violation.Title is { } title)
        {
            json.WritePropertyName(Names.Title);
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
                json.WritePropertyName(Names.Finding);
                Text(json, finding);
            }

            if (violation.Facts is { } facts)
            {
                json.WritePropertyName(Names.Facts);
                Facts(json, facts);
            }
        }

        if (violation.EventKind is { } kind)
        {
            json.WritePropertyName(Names.EventKind);
            Enum(json, kind);
        }

        if (violation.EventDate is { } date)
        {
            json.WritePropertyName(Names.EventDate);
            Date(json, date);
        }

        json.WriteEndObject();
    }

    private static void Deadline(Utf8JsonWriter json, Deadline deadline)
    {
        json.WriteStartObject();
        json.WritePropertyName(Names.Action);
        Enum(json, deadline.Action);
        json.WritePropertyName(Names.Start);
        Date(json, deadline.Start);
        json.WritePropertyName(Names.Due);
        Date(json, deadline.Due);
        json.WritePropertyName(Names.Status);
        Enum(json, deadline.Status);
        json.WritePropertyName(Names.Source);
        Constant(json, deadline.Source);
        json.WritePropertyName(Names.Done);
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
            json.WritePropertyName(Names.StartEvent);
            Enum(json, start);
        }

        if (deadline.WorkingDaysLate is { } late)
        {
            json.WriteNumber(Names.WorkingDaysLate, late);
        }

        if (deadline.UnmadeFinding is DeadlineFinding unmade)
        {
            json.WritePropertyName(Names.Finding);
            unmade.WriteTo(json);
        }
        else if (deadline.Finding is { } finding)
        {
            json.WritePropertyName(Names.Finding);
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
        json.WritePropertyName(Names.Finding);
        rule.Template!.WriteTo(json, unmade.Facts, rule.Expression);
        json.WritePropertyName(Names.Facts);
        json.WriteStartObject();
        var names = rule.FactNames;
        var encoded = rule.FactNamesJson(json.Options.Encoder);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            switch (Loading.FindingTemplate.Value(name, unmade.Facts, rule.Expression))
            {
                case int number:
                    FactName(json, encoded, i, name);
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    FactName(json, encoded, i, name);
                    json.WriteBooleanValue(flag);
                    break;
                case LocalDate date:
                    FactName(json, encoded, i, name);
                    Date(json, date);
                    break;
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A fact's name: its JSON made once per rule (<see cref="RuleDefinition.FactNamesJson"/>), else the string.</summary>
    private static void FactName(Utf8JsonWriter json, JsonEncodedText?[]? encoded, int index, string name)
    {
        if (encoded is not null && encoded[index] is { } known)
        {
            json.WritePropertyName(known);
        }
        else
        {
            json.WritePropertyName(name);
        }
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
        json.WriteString(Names.Vi, text.Vi);
        json.WriteString(Names.En, text.En);
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

    /// <summary>
    /// The property names, encoded once: a name written from <see cref="JsonEncodedText"/> is copied, where one written
    /// from UTF-8 bytes is searched for characters to escape on every write (none of these has any).
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action", Options.Encoder);

        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf", Options.Encoder);

        public static readonly JsonEncodedText Cell = JsonEncodedText.Encode("cell", Options.Encoder);

        public static readonly JsonEncodedText Checks = JsonEncodedText.Encode("checks", Options.Encoder);

        public static readonly JsonEncodedText Dates = JsonEncodedText.Encode("dates", Options.Encoder);

        public static readonly JsonEncodedText Deadlines = JsonEncodedText.Encode("deadlines", Options.Encoder);

        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail", Options.Encoder);

        public static readonly JsonEncodedText Done = JsonEncodedText.Encode("done", Options.Encoder);

        public static readonly JsonEncodedText Due = JsonEncodedText.Encode("due", Options.Encoder);

        public static readonly JsonEncodedText En = JsonEncodedText.Encode("en", Options.Encoder);

        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error", Options.Encoder);

        public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event", Options.Encoder);

        public static readonly JsonEncodedText EventDate = JsonEncodedText.Encode("eventDate", Options.Encoder);

        public static readonly JsonEncodedText EventKind = JsonEncodedText.Encode("eventKind", Options.Encoder);

        public static readonly JsonEncodedText Exempt = JsonEncodedText.Encode("exempt", Options.Encoder);

        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts", Options.Encoder);

        public static readonly JsonEncodedText Finding = JsonEncodedText.Encode("finding", Options.Encoder);

        public static readonly JsonEncodedText FullMembershipEffective = JsonEncodedText.Encode("fullMembershipEffective", Options.Encoder);

        public static readonly JsonEncodedText HasTradeUnion = JsonEncodedText.Encode("hasTradeUnion", Options.Encoder);

        public static readonly JsonEncodedText HasYouthUnion = JsonEncodedText.Encode("hasYouthUnion", Options.Encoder);

        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id", Options.Encoder);

        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind", Options.Encoder);

        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message", Options.Encoder);

        public static readonly JsonEncodedText Months = JsonEncodedText.Encode("months", Options.Encoder);

        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name", Options.Encoder);

        public static readonly JsonEncodedText NextGate = JsonEncodedText.Encode("nextGate", Options.Encoder);

        public static readonly JsonEncodedText Overlays = JsonEncodedText.Encode("overlays", Options.Encoder);

        public static readonly JsonEncodedText PartyAge = JsonEncodedText.Encode("partyAge", Options.Encoder);

        public static readonly JsonEncodedText PartyAgeFrom = JsonEncodedText.Encode("partyAgeFrom", Options.Encoder);

        public static readonly JsonEncodedText PartyEntry = JsonEncodedText.Encode("partyEntry", Options.Encoder);

        public static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed", Options.Encoder);

        public static readonly JsonEncodedText Pending = JsonEncodedText.Encode("pending", Options.Encoder);

        public static readonly JsonEncodedText ProbationEnds = JsonEncodedText.Encode("probationEnds", Options.Encoder);

        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule", Options.Encoder);

        public static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet", Options.Encoder);

        public static readonly JsonEncodedText RuleSetDigest = JsonEncodedText.Encode("ruleSetDigest", Options.Encoder);

        public static readonly JsonEncodedText RuleSetOrigin = JsonEncodedText.Encode("ruleSetOrigin", Options.Encoder);

        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source", Options.Encoder);

        public static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage", Options.Encoder);

        public static readonly JsonEncodedText Standing = JsonEncodedText.Encode("standing", Options.Encoder);

        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start", Options.Encoder);

        public static readonly JsonEncodedText StartEvent = JsonEncodedText.Encode("startEvent", Options.Encoder);

        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status", Options.Encoder);

        public static readonly JsonEncodedText Superior = JsonEncodedText.Encode("superior", Options.Encoder);

        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title", Options.Encoder);

        public static readonly JsonEncodedText TotalMonths = JsonEncodedText.Encode("totalMonths", Options.Encoder);

        public static readonly JsonEncodedText Vi = JsonEncodedText.Encode("vi", Options.Encoder);

        public static readonly JsonEncodedText Violations = JsonEncodedText.Encode("violations", Options.Encoder);

        public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings", Options.Encoder);

        public static readonly JsonEncodedText WorkingDaysLate = JsonEncodedText.Encode("workingDaysLate", Options.Encoder);

        public static readonly JsonEncodedText Years = JsonEncodedText.Encode("years", Options.Encoder);
    }
}
