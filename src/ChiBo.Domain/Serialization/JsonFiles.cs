using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using ChiBo.Cases;

namespace ChiBo.Serialization;

/// <summary>
/// Reads ChiBo's JSON files with <see cref="ChiBoJson.Options"/>, turning System.Text.Json's exceptions into
/// errors that name the file, line, column, JSON path and, under <c>events</c>, the event index.
/// </summary>
internal static partial class JsonFiles
{
    /// <summary>Deserialises a document; never throws for bad data.</summary>
    internal static (T? Value, CaseFileError? Error) Deserialize<T>(ReadOnlySpan<byte> utf8Json, string? fileName, int maxBytes)
        where T : class =>
        Deserialize(utf8Json, fileName, maxBytes, (JsonTypeInfo<T>)ChiBoJson.Options.GetTypeInfo(typeof(T)));

    /// <summary>Deserialises a document with given metadata (e.g. source-generated, for a faster first read); never throws for bad data.</summary>
    internal static (T? Value, CaseFileError? Error) Deserialize<T>(ReadOnlySpan<byte> utf8Json, string? fileName, int maxBytes, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (utf8Json.Length > maxBytes)
        {
            return (null, new CaseFileError("file.tooLarge",
                $"the file has {utf8Json.Length} bytes; at most {maxBytes} are accepted", fileName));
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8Json, typeInfo);
            return value is null
                ? (null, new CaseFileError("json.null", "the file holds null, not a document", fileName, Path: "$"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, FromJsonException(ex, fileName));
        }
        catch (ArgumentException ex)
        {
            // Thrown by constructors' argument checks (e.g. an extensions value that is not an object).
            return (null, new CaseFileError("json.invalid", FirstSentence(ex.Message), fileName));
        }
        catch (InvalidOperationException ex)
        {
            return (null, new CaseFileError("json.invalid", FirstSentence(ex.Message), fileName));
        }
    }

    internal static CaseFileError FromJsonException(JsonException ex, string? fileName)
    {
        var path = ex.Path;
        int? index = null;
        if (path is not null && EventIndexPattern().Match(path) is { Success: true } m)
        {
            index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var message = FirstSentence(ex.Message);
        var code = "json.invalid";
        if (DiscriminatorPattern().Match(message) is { Success: true } d)
        {
            code = "event.unknownType";
            message = $"unknown event type '{d.Groups[1].Value}'";
        }
        else if (UnmappedPattern().Match(message) is { Success: true } u)
        {
            code = "json.unknownProperty";
            message = $"unknown property '{u.Groups[1].Value}'";
        }
        else if (MissingPattern().Match(message) is { Success: true } r)
        {
            code = "json.missingProperty";
            message = $"missing required property {r.Groups[1].Value.Trim()}";
        }
        else if (ex.InnerException is { } reader && reader.GetType().Name == "JsonReaderException")
        {
            code = "json.syntax";
            message = $"malformed JSON: {FirstSentence(reader.Message)}";
        }
        else if (ex.InnerException is not null || message.Contains("could not be converted", StringComparison.Ordinal))
        {
            code = "json.wrongType";
            message = $"the value at {path} has the wrong type or format";
            if (ex.InnerException?.Message is { } inner)
            {
                message += $": {FirstSentence(inner)}";
            }
        }
        else if (ex.LineNumber is not null && !message.Contains("type", StringComparison.Ordinal))
        {
            code = "json.syntax";
        }

        return new CaseFileError(code, message, fileName,
            Line: ex.LineNumber is { } line ? (int)line + 1 : null,
            Column: ex.BytePositionInLine is { } col ? (int)col + 1 : null,
            Path: path,
            EventIndex: index);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = EventsNamespace().Replace(message, string.Empty);
        return message.TrimEnd(' ', '|', '.');
    }

    [GeneratedRegex(@"^\$\.events\[(\d+)\]")]
    private static partial Regex EventIndexPattern();

    [GeneratedRegex(@"type discriminator id '([^']*)'")]
    private static partial Regex DiscriminatorPattern();

    [GeneratedRegex(@"property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties including: (.*)$")]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"ChiBo\.(Cases|Planning)\.")]
    private static partial Regex EventsNamespace();
}
