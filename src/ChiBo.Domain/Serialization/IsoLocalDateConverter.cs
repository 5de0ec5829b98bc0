using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace ChiBo.Serialization;

/// <summary>
/// <see cref="LocalDate"/> as the ISO text <c>yyyy-MM-dd</c> (NodaTime's <c>LocalDatePattern.Iso</c>,
/// <c>uuuu'-'MM'-'dd</c>: a four-digit year, '-' before a negative one, two-digit month and day), in the ISO
/// calendar. Written by hand rather than taken from NodaTime.Serialization, whose converters build every NodaTime
/// pattern and the time-zone database on first use — about a tenth of a second before ChiBo reads its first file.
/// A text that is not such a date fails with a <see cref="JsonException"/> (System.Text.Json adds the value's
/// path) whose inner <see cref="FormatException"/> says why, as NodaTime's converter does.
/// </summary>
internal sealed class IsoLocalDateConverter : JsonConverter<LocalDate>
{
    private const int MaxLength = 11; // "-yyyy-MM-dd"

    public static IsoLocalDateConverter Instance { get; } = new();

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a date must be a string (yyyy-MM-dd), not {reader.TokenType}");
        }

        return Parse(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WriteStringValue(text[..Format(value, text)]);
    }

    public override LocalDate ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WritePropertyName(text[..Format(value, text)]);
    }

    private static LocalDate Parse(ref Utf8JsonReader reader)
    {
        // Room for a date written with every character escaped (\uXXXX); anything longer is not a date.
        Span<byte> text = stackalloc byte[MaxLength * 6];
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var length = raw > text.Length ? -1 : reader.CopyString(text);
        if (length >= 0 && TryParse(text[..length], out var date))
        {
            return date;
        }

        var message = $"'{reader.GetString()}' is not a date in the form yyyy-MM-dd";
        throw new JsonException(message, new FormatException(message));
    }

    /// <summary>Parses <c>uuuu-MM-dd</c> (with '-' before a negative year) into an ISO date that exists.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        var negative = text.Length == MaxLength && text[0] == (byte)'-';
        var s = negative ? text[1..] : text;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        year = negative ? -year : year;
        if (year < -9998 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Writes the date as <c>uuuu-MM-dd</c>; returns the number of bytes written.</summary>
    internal static int Format(LocalDate date, Span<byte> text)
    {
        var year = date.Year;
        var at = 0;
        if (year < 0)
        {
            text[at++] = (byte)'-';
            year = -year;
        }

        at = Write(text, at, year, 4);
        text[at++] = (byte)'-';
        at = Write(text, at, date.Month, 2);
        text[at++] = (byte)'-';
        return Write(text, at, date.Day, 2);
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int Write(Span<byte> text, int at, int value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            text[at + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return at + digits;
    }
}
