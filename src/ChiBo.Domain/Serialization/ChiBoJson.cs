using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace ChiBo.Serialization;

/// <summary>
/// The one System.Text.Json configuration of ChiBo: camelCase names, enums as camelCase strings,
/// NodaTime <see cref="LocalDate"/> as ISO <c>yyyy-MM-dd</c> and <see cref="YearMonth"/> as <c>yyyy-MM</c>, unknown properties rejected, a property written
/// twice in one object rejected (also under <c>extensions</c>, and also when the two differ only in case),
/// Vietnamese text written unescaped (UTF-8).
/// </summary>
public static class ChiBoJson
{
    /// <summary>The shared, read-only serializer options. Do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true, GeneratedMetadata.Resolver);

    /// <summary>The same options, writing compact JSON (one line).</summary>
    public static JsonSerializerOptions CompactOptions { get; } = Create(writeIndented: false, GeneratedMetadata.Resolver);

    /// <summary>
    /// Where the metadata comes from when the runtime cannot make it by reflection (a Native AOT build of the tool,
    /// docs/packaging.md): the build-time metadata an application registers before its first use of JSON. In every
    /// other build it is not used, and the metadata is made by reflection as always.
    /// </summary>
    internal static class GeneratedMetadata
    {
        private static IJsonTypeInfoResolver? resolver;

        /// <summary>The registered metadata, or null (reflection).</summary>
        public static IJsonTypeInfoResolver? Resolver => resolver;

        /// <summary>
        /// Registers the application's build-time metadata (a <see cref="JsonSerializerContext"/> naming every type it
        /// reads or writes) — before <see cref="ChiBoJson"/> is first used; afterwards it would not be seen.
        /// </summary>
        public static void Use(IJsonTypeInfoResolver generated) => resolver = generated;
    }

    /// <summary>
    /// The options with build-time metadata instead of reflection: what a Native AOT build uses (and the tests, to
    /// compare it with reflection's on the same values).
    /// </summary>
    internal static JsonSerializerOptions CreateWithGeneratedMetadata(bool writeIndented, IJsonTypeInfoResolver generated) =>
        Create(writeIndented, generated);

    private static void WithoutComputedEventMembers(JsonTypeInfo info)
    {
        if (typeof(Cases.CaseEvent).IsAssignableFrom(info.Type) && info.Kind == JsonTypeInfoKind.Object)
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name is "kind" or "typeName")
                {
                    info.Properties.RemoveAt(i);
                }
            }
        }
    }

    private static JsonSerializerOptions Create(bool writeIndented, IJsonTypeInfoResolver? generated)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

            // A duplicate key is an error, not "the last one wins": a typo or a bad merge must not pass silently.
            AllowDuplicateProperties = false,
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = 64,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // An event's kind is its "type": the computed Kind and TypeName are left out of the contract entirely, so
            // that a "kind" written into a file is an unknown property (an ignored member would still be accepted).
            TypeInfoResolver = generated is null
                ? new DefaultJsonTypeInfoResolver { Modifiers = { WithoutComputedEventMembers } }
                : generated.WithAddedModifier(WithoutComputedEventMembers),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // LocalDate and YearMonth are the only NodaTime types in ChiBo's documents (see IsoLocalDateConverter for why they are ChiBo's own).
        options.Converters.Add(IsoLocalDateConverter.Instance);
        // YearMonth: the month of meetingMissed and duesUnpaid (yyyy-MM).
        options.Converters.Add(IsoYearMonthConverter.Instance);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
