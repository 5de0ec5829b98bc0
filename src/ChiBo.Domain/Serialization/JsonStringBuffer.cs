using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChiBo.Serialization;

/// <summary>
/// A growable buffer of bytes, reused to build the UTF-8 of a JSON string value — what a <see cref="Utf8JsonWriter"/>
/// with a given encoder writes for a text — from parts: literal parts encoded and escaped once (<see cref="Escaped"/>),
/// filled values copied only when the writer would copy them unchanged (<see cref="AppendUnescaped"/>). The finding
/// texts of the sweep's answers are built so (issue 17) and copied whole with
/// <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>; the bytes are the writer's because its escaping
/// goes character by character (scalar by scalar), so the escaped parts joined are the escaped whole as long as no part
/// begins or ends with half of a surrogate pair (<see cref="Escaped"/> refuses those).
/// </summary>
internal sealed class JsonStringBuffer
{
    private byte[] bytes = new byte[512];

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> Written => bytes.AsSpan(0, Length);

    /// <summary>How many bytes are written.</summary>
    public int Length { get; private set; }

    /// <summary>How many bytes it holds without growing.</summary>
    public int Capacity => bytes.Length;

    /// <summary>Forgets what was written.</summary>
    public void Clear() => Length = 0;

    /// <summary>Appends a byte.</summary>
    public void Append(byte value)
    {
        Room(1);
        bytes[Length++] = value;
    }

    /// <summary>Appends bytes.</summary>
    public void Append(ReadOnlySpan<byte> value)
    {
        Room(value.Length);
        value.CopyTo(bytes.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>
    /// Appends a text's UTF-8 when it is valid UTF-16 and <paramref name="encoder"/> would escape none of it — the bytes
    /// a JSON writer with that encoder writes for it — and returns true; else appends nothing and returns false.
    /// </summary>
    public bool AppendUnescaped(ReadOnlySpan<char> text, JavaScriptEncoder encoder)
    {
        Room(text.Length * 3);
        var target = bytes.AsSpan(Length);

        // The short values (dates, numbers) are ASCII: copied character by character while the encoder leaves each alone.
        var safe = SafeAscii(encoder);
        var i = 0;
        while (i < text.Length && text[i] < 128 && safe[text[i]])
        {
            target[i] = (byte)text[i];
            i++;
        }

        if (i == text.Length)
        {
            Length += i;
            return true;
        }

        if (System.Text.Unicode.Utf8.FromUtf16(text, target, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done
            || encoder.FindFirstCharacterToEncodeUtf8(target[..written]) >= 0)
        {
            return false;
        }

        Length += written;
        return true;
    }

    /// <summary>For each ASCII character, whether <paramref name="encoder"/> leaves it alone (made once per encoder).</summary>
    private static bool[] SafeAscii(JavaScriptEncoder encoder)
    {
        var known = safeAscii;
        if (known is not null && ReferenceEquals(known.Encoder, encoder))
        {
            return known.Safe;
        }

        var safe = new bool[128];
        Span<byte> one = stackalloc byte[1];
        for (var c = 0; c < safe.Length; c++)
        {
            one[0] = (byte)c;
            safe[c] = encoder.FindFirstCharacterToEncodeUtf8(one) < 0;
        }

        safeAscii = new AsciiTable(encoder, safe);
        return safe;
    }

    private static AsciiTable? safeAscii;

    private sealed record AsciiTable(JavaScriptEncoder Encoder, bool[] Safe);

    /// <summary>
    /// What a JSON writer with <paramref name="encoder"/> writes for the text as a string, without the quotes; null when
    /// the text begins or ends with half of a surrogate pair (escaped apart from its neighbours it could differ) or the
    /// writer refuses it.
    /// </summary>
    public static byte[]? Escaped(string text, JavaScriptEncoder encoder)
    {
        if (text.Length > 0 && (char.IsSurrogate(text[0]) || char.IsSurrogate(text[^1])))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length * 6 + 8);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
            writer.WriteStringValue(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return buffer.WrittenSpan[1..^1].ToArray();
    }

    /// <summary>
    /// <see cref="Escaped"/> remembered per thread for texts that are the same instances at every call (the literal
    /// parts of a finding's interpolated strings, constant strings), for one encoder at a time; bounded.
    /// </summary>
    public static byte[]? EscapedConstant(string text, JavaScriptEncoder encoder)
    {
        var cache = constants;
        if (cache is null || !ReferenceEquals(constantsEncoder, encoder) || cache.Count >= 4096)
        {
            constants = cache = new Dictionary<string, byte[]?>(ReferenceEqualityComparer.Instance);
            constantsEncoder = encoder;
        }

        if (!cache.TryGetValue(text, out var escaped))
        {
            cache[text] = escaped = Escaped(text, encoder);
        }

        return escaped;
    }

    [ThreadStatic]
    private static Dictionary<string, byte[]?>? constants;

    [ThreadStatic]
    private static JavaScriptEncoder? constantsEncoder;

    private void Room(int more)
    {
        if (Length + more > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, Length + more));
        }
    }
}
