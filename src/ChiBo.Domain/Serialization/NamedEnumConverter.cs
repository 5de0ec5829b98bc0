using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChiBo.Serialization;

/// <summary>
/// An enumeration as one of its camelCase names, and nothing else: not a number, not a list of names (which
/// <see cref="JsonStringEnumConverter"/> would take for flags). A value outside the list fails with a
/// <see cref="JsonException"/> whose inner <see cref="FormatException"/> lists the names, so that the reader's
/// error says what is accepted (<c>'notfullfilled' is not one of: excellent, good, fulfilled, notFulfilled</c>).
/// Letter case is ignored on reading, as for every other enumeration of ChiBo's files.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed class NamedEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];

    /// <summary>The accepted names, comma-separated, in declaration order.</summary>
    public static string Accepted { get; } = string.Join(", ", Names);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var message = $"a {typeof(TEnum).Name} must be a string, one of: {Accepted}; not {reader.TokenType}";
            throw new JsonException(message, new FormatException(message));
        }

        var text = reader.GetString();
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return Values[i];
            }
        }

        var shown = text is { Length: > 40 } ? text[..40] + "…" : text;
        var error = $"'{shown}' is not one of: {Accepted}";
        throw new JsonException(error, new FormatException(error));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}");
        }

        writer.WriteStringValue(Names[index]);
    }
}
