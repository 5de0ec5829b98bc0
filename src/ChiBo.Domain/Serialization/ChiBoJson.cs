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
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true);

    /// <summary>The same options, writing compact JSON (one line).</summary>
    public static JsonSerializerOptions CompactOptions { get; } = Create(writeIndented: false);

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

    private static JsonSerializerOptions Create(bool writeIndented)
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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutComputedEventMembers } },
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
