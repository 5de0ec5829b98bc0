using System;
using System.Text.Json;
using NodaTime;

namespace ChiBo.Serialization;

/// <summary>
/// The token steps that the hand-written fast readers share (<c>CaseFileFastReader</c>, <c>RuleSetFastReader</c>): each
/// takes one token as the System.Text.Json path would take it with the same value, or throws <see cref="GiveUp"/> so
/// that the reader hands the bytes to that path, which decides and reports.
/// </summary>
internal static class FastJson
{
    /// <summary>
    /// The reader's options: the serializer's depth and no trailing comma, and comments refused — the serializer skips
    /// them, so a fast reader gives up on them rather than decide.
    /// </summary>
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Whether an exception thrown inside a fast reader means "give up": its own, or the reader's on bad JSON.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True when the System.Text.Json path must read the bytes.</returns>
    internal static bool GivesUp(Exception exception) =>
        exception is GiveUp or JsonException or InvalidOperationException or ArgumentException or FormatException;

    /// <summary>Moves to the next token, or gives up at the end of the input.</summary>
    internal static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new GiveUp();
        }
    }

    /// <summary>Gives up unless the current token is of the given type.</summary>
    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new GiveUp();
        }
    }

    /// <summary>Reads one item of an array; the reader is on the item's first token and is left on its last.</summary>
    internal delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    /// <summary>Reads an array (the reader on its start, left on its end) into a list, each item by <paramref name="item"/>.</summary>
    internal static System.Collections.Generic.List<T> List<T>(ref Utf8JsonReader reader, ItemReader<T> item)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var items = new System.Collections.Generic.List<T>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }

            items.Add(item(ref reader));
        }
    }

    /// <summary>Moves to the next property name of the object being read (true), or past its end (false). An escaped name gives up.</summary>
    internal static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
        {
            throw new GiveUp();
        }

        return true;
    }

    /// <summary>Records that the property of the given bit was read; a second time gives up (the serializer refuses duplicates).</summary>
    internal static void Mark(ref int seen, int bit)
    {
        if ((seen & (1 << bit)) != 0)
        {
            throw new GiveUp();
        }

        seen |= 1 << bit;
    }

    /// <summary>Gives up unless every required bit was marked.</summary>
    internal static void Require(int seen, int required)
    {
        if ((seen & required) != required)
        {
            throw new GiveUp();
        }
    }

    /// <summary>A string (a null gives up).</summary>
    internal static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new GiveUp();

    /// <summary>A string or null.</summary>
    internal static string? NullableString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>A number that fits an <see cref="int"/>.</summary>
    internal static int Int(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw new GiveUp();

    /// <summary>True or false.</summary>
    internal static bool Bool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new GiveUp(),
    };

    /// <summary>An unescaped ISO date, as <see cref="IsoLocalDateConverter"/> reads it.</summary>
    internal static LocalDate Date(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
        && IsoLocalDateConverter.TryParse(reader.ValueSpan, out var date)
            ? date
            : throw new GiveUp();

    /// <summary>Thrown inside a fast reader to hand the bytes to the System.Text.Json path; never escapes it.</summary>
    internal sealed class GiveUp : Exception
    {
    }
}
