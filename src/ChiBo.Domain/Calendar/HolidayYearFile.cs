using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// The JSON shape of a holiday calendar file (<c>rules/calendar/YYYY.json</c>, schema
/// <c>rules/schema/calendar.schema.json</c>): the year, the government's decisions, the days off and the
/// working weekends. Read and written by <see cref="HolidayYearSerializer"/>.
/// </summary>
internal sealed class HolidayYearFile
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string? Schema { get; init; }

    public required int Year { get; init; }

    public required ImmutableArray<HolidayDecision> Decisions { get; init; }

    public required ImmutableArray<DayOffEntry> DaysOff { get; init; }

    public required ImmutableArray<LocalDate> WorkingWeekends { get; init; }
}

/// <summary>A day off in a calendar file; without a name, the reason's default name is used.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it is off.</param>
/// <param name="Name">Its name, or null for the default.</param>
internal sealed record DayOffEntry(
    LocalDate Date,
    HolidayReason Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocalizedText? Name = null);
