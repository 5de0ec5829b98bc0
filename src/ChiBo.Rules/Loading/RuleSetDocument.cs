using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChiBo.Serialization;
using NodaTime;

namespace ChiBo.Rules.Loading;

// The rule file as written: RulesEngine's workflow shape (WorkflowName, Rules, RuleName, Expression, …, in
// RulesEngine's PascalCase) inside ChiBo's envelope (camelCase). Every field is optional here so that the
// loader can report a missing one with the rule's name and line instead of a bare JSON error.

internal sealed class RuleSetDocument
{
    /// <summary>
    /// How a rule file is read: <see cref="ChiBoJson.Options"/> with metadata generated at build time rather than
    /// by reflection at the first load (which would cost tens of milliseconds of a cold start).
    /// </summary>
    /// <remarks>
    /// Built at its first use, not with the type: the usual load (<see cref="RuleSetFastReader"/>) never touches
    /// System.Text.Json's serializer (issue 17), so neither this nor <see cref="ChiBoJson.Options"/> is built then.
    /// </remarks>
    public static JsonTypeInfo<RuleSetDocument> TypeInfo => Serializer.TypeInfo;

    /// <summary>Reads a rule file with System.Text.Json only (the path <see cref="RuleSetFastReader"/> stands in front of).</summary>
    // Not inlined: compiling the caller must not build the metadata (a type's statics may be initialised when a method
    // that reads them is compiled).
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static (RuleSetDocument? Document, ChiBo.Cases.CaseFileError? Error) ReadWithSerializer(System.ReadOnlySpan<byte> utf8Json, string? fileName) =>
        JsonFiles.Deserialize(utf8Json, fileName, RuleSetLoader.MaxFileBytes, TypeInfo);

    private static class Serializer
    {
        internal static readonly JsonTypeInfo<RuleSetDocument> TypeInfo = CreateTypeInfo();

        private static JsonTypeInfo<RuleSetDocument> CreateTypeInfo()
        {
            var options = new JsonSerializerOptions(ChiBoJson.Options) { TypeInfoResolver = RuleSetDocumentContext.Default };
            options.MakeReadOnly();
            return (JsonTypeInfo<RuleSetDocument>)options.GetTypeInfo(typeof(RuleSetDocument));
        }
    }

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Id { get; init; }

    public TextDocument? Title { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(IsoLocalDateConverter))]
    public LocalDate? EffectiveFrom { get; init; }

    public List<string>? Sources { get; init; }

    public Dictionary<string, ParameterDocument>? Parameters { get; init; }

    public List<WorkflowDocument>? Workflows { get; init; }

    public JsonElement? Extensions { get; init; }
}

internal sealed class TextDocument
{
    public string? Vi { get; init; }

    public string? En { get; init; }
}

internal sealed class ParameterDocument
{
    public JsonElement Value { get; init; }

    public string? Unit { get; init; }

    public string? Source { get; init; }

    public TextDocument? SourceNote { get; init; }

    public string? Description { get; init; }
}

internal sealed class WorkflowDocument
{
    [JsonPropertyName("WorkflowName")]
    public string? WorkflowName { get; init; }

    [JsonPropertyName("Description")]
    public string? Description { get; init; }

    [JsonPropertyName("Rules")]
    public List<RuleDocument>? Rules { get; init; }
}

internal sealed class RuleDocument
{
    [JsonPropertyName("RuleName")]
    public string? RuleName { get; init; }

    [JsonPropertyName("Expression")]
    public string? Expression { get; init; }

    [JsonPropertyName("RuleExpressionType")]
    public string? RuleExpressionType { get; init; }

    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("SuccessEvent")]
    public string? SuccessEvent { get; init; }

    [JsonPropertyName("Enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("LocalParams")]
    public JsonElement? LocalParams { get; init; }

    [JsonPropertyName("Rules")]
    public JsonElement? Rules { get; init; }

    public string? Source { get; init; }

    public TextDocument? Messages { get; init; }

    /// <summary>The rule's title for tables, <c>{ "vi": …, "en": … }</c>; optional.</summary>
    public TextDocument? Title { get; init; }

    /// <summary>What a failure states, with placeholders over the facts (see <c>FindingTemplate</c>); optional.</summary>
    public TextDocument? Finding { get; init; }

    /// <summary>A note on the source in both languages (what was not read, what it is taken as); optional.</summary>
    public TextDocument? SourceNote { get; init; }

    /// <summary>A plain string (legacy files, one language) or <c>{ "vi": …, "en": … }</c>.</summary>
    public JsonElement? Description { get; init; }

    public string? PendingWhen { get; init; }
}

/// <summary>The build-time metadata of the rule file's types; the options are <see cref="ChiBoJson.Options"/>'s.</summary>
[JsonSerializable(typeof(RuleSetDocument))]
internal sealed partial class RuleSetDocumentContext : JsonSerializerContext;
