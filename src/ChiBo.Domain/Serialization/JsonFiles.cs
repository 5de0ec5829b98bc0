using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
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
            return (null, TooLarge(utf8Json.Length, maxBytes, fileName));
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // System.Text.Json checks UTF-8 only where it decodes a string; under "extensions" it would keep invalid
        // bytes raw and write them back differently. A file that is not UTF-8 is refused as a whole, at its first bad byte.
        if (FirstInvalidUtf8(utf8Json) is { } bad)
        {
            var before = utf8Json[..bad];
            var lastNewLine = before.LastIndexOf((byte)'\n');
            return (null, new CaseFileError("json.encoding",
                $"the file is not UTF-8 text: byte 0x{utf8Json[bad]:X2} at offset {bad} does not start a valid UTF-8 character",
                fileName, Line: before.Count((byte)'\n') + 1, Column: bad - lastNewLine, Path: "$"));
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
        catch (NotSupportedException ex)
        {
            // System.Text.Json throws this, not a JsonException, for an event without its "type" discriminator.
            return (null, FromNotSupportedException(ex, fileName));
        }
        catch (ArgumentException ex)
        {
            // Thrown by constructors' argument checks (a formatVersion other than 1, extensions that are not an
            // object, a null event): the parameter is named as in the JSON, so the error can point at it.
            var path = ex.ParamName is { Length: > 0 } name ? "$." + name : "$";
            var at = JsonLocations.Find(utf8Json, path);
            if (at is null)
            {
                path = "$";
            }

            return (null, new CaseFileError("json.invalid", FirstSentence(WithoutParameterName(ex)), fileName,
                Line: at?.Line, Column: at?.Column, Path: path));
        }
        catch (InvalidOperationException ex)
        {
            return (null, new CaseFileError("json.invalid", FirstSentence(ex.Message), fileName, Path: "$"));
        }
    }

    /// <summary>The error for a document longer than the limit; it concerns the whole document (<c>$</c>).</summary>
    /// <param name="length">The length, or null when only known to pass the limit (a stream read up to it).</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="fileName">The file name, or null.</param>
    internal static CaseFileError TooLarge(long? length, int maxBytes, string? fileName) =>
        new("file.tooLarge", length is { } exact
                ? $"the file has {exact} bytes; at most {maxBytes} are accepted"
                : $"the file has more than {maxBytes} bytes, the most accepted",
            fileName, Path: "$");

    /// <summary>
    /// Reads a stream into memory, at most <paramref name="maxBytes"/> bytes: a longer stream is refused after
    /// reading one byte past the limit (or at once, when it can say its length), never read whole.
    /// </summary>
    internal static (byte[]? Bytes, CaseFileError? Error) ReadBounded(Stream stream, int maxBytes, string? fileName)
    {
        var read = ReadBounded(stream, maxBytes, fileName, useAsync: false, CancellationToken.None);
        System.Diagnostics.Debug.Assert(read.IsCompleted, "the synchronous read completes synchronously");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>Reads a stream into memory as <see cref="ReadBounded(Stream, int, string?)"/> does, asynchronously.</summary>
    internal static ValueTask<(byte[]? Bytes, CaseFileError? Error)> ReadBoundedAsync(Stream stream, int maxBytes, string? fileName, CancellationToken cancellationToken) =>
        ReadBounded(stream, maxBytes, fileName, useAsync: true, cancellationToken);

    // One implementation for both: with useAsync false every await completes synchronously.
    private static async ValueTask<(byte[]? Bytes, CaseFileError? Error)> ReadBounded(
        Stream stream, int maxBytes, string? fileName, bool useAsync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            return (null, TooLarge(stream.Length - stream.Position, maxBytes, fileName));
        }

        var buffer = new byte[Math.Min(maxBytes + 1, stream.CanSeek ? (int)Math.Max(0, stream.Length - stream.Position) + 1 : 81920)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return (null, TooLarge(null, maxBytes, fileName));
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
            }

            var read = useAsync
                ? await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)
                : stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        Array.Resize(ref buffer, length);
        return (buffer, null);
    }

    /// <summary>The offset of the first byte that does not begin a valid UTF-8 scalar value, or null when all are valid.</summary>
    internal static int? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    private static CaseFileError FromNotSupportedException(NotSupportedException ex, string? fileName)
    {
        var place = PlacePattern().Match(ex.Message);
        var path = place.Success ? place.Groups["path"].Value : "$";
        int? line = place.Success ? int.Parse(place.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : null;
        int? column = place.Success ? int.Parse(place.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : null;
        int? index = EventIndexPattern().Match(path) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var message = ex.Message.Contains("type discriminator", StringComparison.Ordinal)
            ? "the event has no 'type' (it must come with the event's fields, e.g. \"type\": \"ceremonyHeld\")"
            : FirstSentence(ex.InnerException?.Message ?? ex.Message);
        var code = message.StartsWith("the event has no 'type'", StringComparison.Ordinal) ? "event.missingType" : "json.invalid";
        return new CaseFileError(code, message, fileName, Line: line, Column: column, Path: path, EventIndex: index);
    }

    private static string WithoutParameterName(ArgumentException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
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
        else if (DuplicatePattern().Match(message) is { Success: true } dup)
        {
            // Objects name the duplicate; dictionaries (a rule file's parameters) only give the path, which ends with it.
            var name = dup.Groups["name"].Success ? dup.Groups["name"].Value : LastSegment(path);
            code = "json.duplicateProperty";
            message = $"the property '{name}' is written twice in the same object; write it once";
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

    private static string LastSegment(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "?";
        }

        var cut = path.LastIndexOf('.');
        var segment = cut >= 0 ? path[(cut + 1)..] : path;
        return segment.Trim('[', ']', '\'', '$');
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

    [GeneratedRegex(@"[Dd]uplicate (property '(?<name>[^']*)'|'(?<name>[^']*)' metadata property|properties not allowed)")]
    private static partial Regex DuplicatePattern();

    [GeneratedRegex(@"property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties including: (.*)$")]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"Path: (?<path>\S+) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<column>\d+)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"ChiBo\.(Cases|Planning)\.")]
    private static partial Regex EventsNamespace();
}
