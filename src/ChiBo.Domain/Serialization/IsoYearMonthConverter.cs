using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace ChiBo.Serialization;

/// <summary>
/// <see cref="YearMonth"/> as the ISO text <c>yyyy-MM</c>: a four-digit year and a two-digit month 01–12, in the ISO
/// calendar (the <c>month</c> of <c>meetingMissed</c> and <c>duesUnpaid</c>). A text that is not such a month
/// (<c>2024-13</c>, <c>2024-1</c>, <c>2024-02-01</c>) fails with a <see cref="JsonException"/> whose inner
/// <see cref="FormatException"/> says why, as <see cref="IsoLocalDateConverter"/> does.
/// </summary>
internal sealed class IsoYearMonthConverter : JsonConverter<YearMonth>
{
    public static IsoYearMonthConverter Instance { get; } = new();

    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var wrong = $"a month must be a string (yyyy-MM), not {reader.TokenType}";
            throw new JsonException(wrong, new FormatException(wrong));
        }

        var text = reader.GetString() ?? string.Empty;
        if (TryParse(text, out var month))
        {
            return month;
        }

        var shown = text.Length > 40 ? text[..40] + "…" : text;
        var message = $"'{shown}' is not a month in the form yyyy-MM (a four-digit year, a month 01 to 12)";
        throw new JsonException(message, new FormatException(message));
    }

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Parses <c>yyyy-MM</c> (year 0001–9999, month 01–12).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out YearMonth month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        var year = 0;
        for (var i = 0; i < 4; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }

            year = (year * 10) + (text[i] - '0');
        }

        if (text[5] is < '0' or > '9' || text[6] is < '0' or > '9')
        {
            return false;
        }

        var m = ((text[5] - '0') * 10) + (text[6] - '0');
        if (year < 1 || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    internal static string Format(YearMonth value) =>
        string.Create(7, value, static (span, v) =>
        {
            var year = v.Year;
            for (var i = 3; i >= 0; i--)
            {
                span[i] = (char)('0' + (year % 10));
                year /= 10;
            }

            span[4] = '-';
            span[5] = (char)('0' + (v.Month / 10));
            span[6] = (char)('0' + (v.Month % 10));
        });
}
