using System;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ChiBo.Serialization;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>
/// The JSON Schema (draft 2020-12) of a case file (lược đồ hồ sơ), made from the very types and options the reader
/// uses (<see cref="ChiBoJson.Options"/>), so that it cannot drift from them: every property and event type with its
/// name, every required field, the enumerations' names, no unknown property, ISO dates within
/// <see cref="CaseFileSerializer.MinDate"/>–<see cref="CaseFileSerializer.MaxDate"/>, at most
/// <see cref="CaseFileSerializer.MaxEvents"/> events and vote counts within the reader's bounds. The repository ships it
/// as <c>rules/schema/case.schema.json</c>, named by the samples' <c>$schema</c>, so an editor marks a mistake as one
/// types. What the schema cannot say — <c>inFavour</c> at most the members, the order of events, the lifecycle — the
/// reader (<see cref="CaseFileSerializer.Validate"/>) and the lifecycle still check.
/// </summary>
public static class CaseFileSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "https://chibo-project.github.io/schema/case.schema.json";

    /// <summary>Builds the schema.</summary>
    /// <returns>A new JSON object each call.</returns>
    public static JsonObject Create()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (context, node) =>
            {
                var type = context.TypeInfo.Type;
                if (type == typeof(LocalDate) || type == typeof(LocalDate?))
                {
                    var date = new JsonObject
                    {
                        ["type"] = type == typeof(LocalDate) ? "string" : new JsonArray("string", "null"),
                        ["format"] = "date",
                        ["pattern"] = "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$|^2100-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                        ["description"] = $"yyyy-MM-dd, {CaseFileSerializer.MinDate:yyyy-MM-dd} to {CaseFileSerializer.MaxDate:yyyy-MM-dd}",
                    };
                    return date;
                }

                if (context.PropertyInfo?.Name is "fullMembers" or "committeeMembers" && node is JsonObject members)
                {
                    members["minimum"] = 1;
                    members["maximum"] = CaseFileSerializer.MaxVoteMembers;
                }
                else if (context.PropertyInfo?.Name is "inFavour" && node is JsonObject inFavour)
                {
                    inFavour["minimum"] = 0;
                    inFavour["maximum"] = CaseFileSerializer.MaxVoteMembers;
                }
                else if (context.PropertyInfo?.Name is "events" && context.PropertyInfo.DeclaringType == typeof(CaseFile) && node is JsonObject events)
                {
                    events["maxItems"] = CaseFileSerializer.MaxEvents;
                }
                else if (context.PropertyInfo?.Name is "formatVersion" && node is JsonObject version)
                {
                    version["const"] = CaseFile.CurrentFormatVersion;
                }
                else if (context.PropertyInfo?.Name is "extensions" && node is JsonObject extensions)
                {
                    extensions.Clear();
                    extensions["type"] = new JsonArray("object", "null");
                    extensions["description"] = "host data, kept and written back untouched";
                }
                else if (context.PropertyInfo?.Name is "id" or "fullName" or "memberId" && context.PropertyInfo.PropertyType == typeof(string) && node is JsonObject text)
                {
                    text["minLength"] = 1;
                }

                return node;
            },
        };
        var schema = (JsonObject)ChiBoJson.Options.GetJsonSchemaAsNode(typeof(CaseFile), exporter);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "ChiBo case file (hồ sơ phát triển đảng viên)",
            ["description"] = "A candidate's or member's case file in the ChiBo interchange contract (docs/contract.md). Generated from ChiBo.Domain's types by CaseFileSchema.Create(); do not edit by hand.",
        };
        foreach (var (key, value) in schema)
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }

    /// <summary>The schema as indented JSON text, as shipped in <c>rules/schema/case.schema.json</c>.</summary>
    /// <returns>The text, ending with a new line.</returns>
    public static string CreateText() =>
        Create().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static readonly Lazy<string> Cached = new(CreateText);

    /// <summary>The schema text, made once.</summary>
    public static string Text => Cached.Value;
}
