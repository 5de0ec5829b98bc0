using System;
using System.Collections.Immutable;
using System.Text.Json;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// Reads a calendar file in one <see cref="Utf8JsonReader"/> pass, without System.Text.Json's serializer, whose first
/// use in a process JIT-compiles its converters for every type of the file (issue 17: about 30 ms of a cold
/// <c>chibo evaluate</c>). It takes only what the serializer takes with the same value — the exact camelCase
/// names, each once, no nulls, no comments, enum names in their camelCase spelling — and gives up (null) on anything
/// else, including every error, so that <see cref="HolidayYearSerializer.Read(ReadOnlySpan{byte}, string?)"/> reads
/// the bytes again with the serializer and reports exactly what it reported before. Equal results are held by
/// <c>HolidayYearFastReaderTests</c> (the shipped years, mutated files).
/// </summary>
internal static class HolidayYearFastReader
{
    private static readonly HolidayReason[] Reasons = Enum.GetValues<HolidayReason>();
    private static readonly string[] ReasonNames = System.Array.ConvertAll(Reasons, r => JsonNamingPolicy.CamelCase.ConvertName(r.ToString()));

    /// <summary>The file as the serializer would read it, or null to let the serializer read it.</summary>
    /// <param name="utf8Json">The bytes, after the byte-order mark.</param>
    /// <returns>The file, or null.</returns>
    public static HolidayYearFile? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, FastJson.ReaderOptions);
            var file = ReadFile(ref reader);
            return file is not null && !reader.Read() ? file : null;
        }
        catch (Exception ex) when (FastJson.GivesUp(ex))
        {
            return null;
        }
    }

    private static HolidayYearFile? ReadFile(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? schema = null;
        int? year = null;
        ImmutableArray<HolidayDecision>? decisions = null;
        ImmutableArray<DayOffEntry>? daysOff = null;
        ImmutableArray<LocalDate>? weekends = null;
        ImmutableArray<OptionalDayOffEntry>? optional = null;
        var seenSchema = false;
        while (Next(ref reader) is { } name)
        {
            switch (name)
            {
                case "$schema" when !seenSchema:
                    seenSchema = true;
                    schema = String(ref reader);
                    if (schema is null)
                    {
                        return null;
                    }

                    break;
                case "year" when year is null:
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var y))
                    {
                        return null;
                    }

                    year = y;
                    break;
                case "decisions" when decisions is null:
                    decisions = Array(ref reader, Decision);
                    if (decisions is null)
                    {
                        return null;
                    }

                    break;
                case "daysOff" when daysOff is null:
                    daysOff = Array(ref reader, DayOff);
                    if (daysOff is null)
                    {
                        return null;
                    }

                    break;
                case "workingWeekends" when weekends is null:
                    weekends = Dates(ref reader);
                    if (weekends is null)
                    {
                        return null;
                    }

                    break;
                case "optionalDaysOff" when optional is null:
                    optional = Array(ref reader, OptionalDayOff);
                    if (optional is null)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || year is null || decisions is null || daysOff is null || weekends is null)
        {
            return null;
        }

        return new HolidayYearFile
        {
            Schema = schema,
            Year = year.Value,
            Decisions = decisions.Value,
            DaysOff = daysOff.Value,
            WorkingWeekends = weekends.Value,
            OptionalDaysOff = optional ?? default,
        };
    }

    private delegate T? ElementReader<T>(ref Utf8JsonReader reader)
        where T : class;

    /// <summary>The dates of an array, or null to give up; the reader is left on the array's end.</summary>
    private static ImmutableArray<LocalDate>? Dates(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<LocalDate>();
        while (true)
        {
            var start = reader;
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items.ToImmutable();
            }

            reader = start;
            items.Add(Date(ref reader));
        }
    }

    /// <summary>An array of elements (none null), or null to give up; the reader is left on the array's end.</summary>
    private static ImmutableArray<T>? Array<T>(ref Utf8JsonReader reader, ElementReader<T> element)
        where T : class
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<T>();
        while (true)
        {
            var start = reader;
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items.ToImmutable();
            }

            reader = start;
            if (element(ref reader) is not { } item)
            {
                return null;
            }

            items.Add(item);
        }
    }

    private static HolidayDecision? Decision(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? number = null, summary = null;
        LocalDate? date = null;
        var seenSummary = false;
        while (Next(ref reader) is { } name)
        {
            switch (name)
            {
                case "number" when number is null:
                    number = String(ref reader) ?? throw new FormatException();
                    break;
                case "date" when date is null:
                    date = Date(ref reader);
                    break;
                case "summary" when !seenSummary:
                    seenSummary = true;
                    summary = String(ref reader) ?? throw new FormatException();
                    break;
                default:
                    return null;
            }
        }

        return number is null || date is null ? null : new HolidayDecision(number, date.Value, summary);
    }

    private static DayOffEntry? DayOff(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? date = null;
        HolidayReason? reason = null;
        LocalizedText? text = null;
        string? source = null;
        var (seenName, seenSource) = (false, false);
        while (Next(ref reader) is { } name)
        {
            switch (name)
            {
                case "date" when date is null:
                    date = Date(ref reader);
                    break;
                case "reason" when reason is null:
                    reason = Reason(ref reader);
                    break;
                case "name" when !seenName:
                    seenName = true;
                    text = Text(ref reader);
                    break;
                case "source" when !seenSource:
                    seenSource = true;
                    source = String(ref reader) ?? throw new FormatException();
                    break;
                default:
                    return null;
            }
        }

        return date is null || reason is null ? null : new DayOffEntry(date.Value, reason.Value, text, source);
    }

    private static OptionalDayOffEntry? OptionalDayOff(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null;
        LocalDate? date = null;
        HolidayReason? reason = null;
        LocalizedText? text = null, basis = null;
        var seenName = false;
        while (Next(ref reader) is { } name)
        {
            switch (name)
            {
                case "id" when id is null:
                    id = String(ref reader) ?? throw new FormatException();
                    break;
                case "date" when date is null:
                    date = Date(ref reader);
                    break;
                case "reason" when reason is null:
                    reason = Reason(ref reader);
                    break;
                case "name" when !seenName:
                    seenName = true;
                    text = Text(ref reader);
                    break;
                case "basis" when basis is null:
                    basis = Text(ref reader);
                    break;
                default:
                    return null;
            }
        }

        return id is null || date is null || reason is null || basis is null ? null : new OptionalDayOffEntry(id, date.Value, reason.Value, text, basis.Value);
    }

    /// <summary>A <c>{ "vi": …, "en": … }</c> text with both, each once; anything else gives up.</summary>
    private static LocalizedText Text(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException();
        }

        string? vi = null, en = null;
        while (Next(ref reader) is { } name)
        {
            switch (name)
            {
                case "vi" when vi is null:
                    vi = String(ref reader) ?? throw new FormatException();
                    break;
                case "en" when en is null:
                    en = String(ref reader) ?? throw new FormatException();
                    break;
                default:
                    throw new FormatException();
            }
        }

        return vi is null || en is null ? throw new FormatException() : new LocalizedText(vi, en);
    }

    /// <summary>The next property's name (the reader then on it), or null at the object's end.</summary>
    private static string? Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException();
        }

        return reader.TokenType switch
        {
            JsonTokenType.EndObject => null,
            JsonTokenType.PropertyName when !reader.ValueIsEscaped => reader.GetString(),
            _ => throw new FormatException(),
        };
    }

    /// <summary>The next value as a string, or null when it is not a string (null included).</summary>
    private static string? String(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static LocalDate Date(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            throw new FormatException();
        }

        return IsoLocalDateConverter.Instance.Read(ref reader, typeof(LocalDate), ChiBoJson.Options);
    }

    private static HolidayReason Reason(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            throw new FormatException();
        }

        var index = System.Array.IndexOf(ReasonNames, reader.GetString());
        return index >= 0 ? Reasons[index] : throw new FormatException();
    }
}
