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

    /// <summary>Dated days off that are off by default (a host switches them on); optional.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ImmutableArray<OptionalDayOffEntry> OptionalDaysOff { get; init; }
}

/// <summary>An optional day off in a calendar file.</summary>
/// <param name="Id">Its stable id.</param>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it would be off.</param>
/// <param name="Name">Its name, or null for the reason's default.</param>
/// <param name="Basis">What it rests on, in both languages.</param>
internal sealed record OptionalDayOffEntry(string Id, LocalDate Date, HolidayReason Reason, LocalizedText? Name, LocalizedText Basis);

/// <summary>A day off in a calendar file; without a name, the reason's default name is used.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it is off.</param>
/// <param name="Name">Its name, or null for the default.</param>
/// <param name="Source">The document the day rests on, or null.</param>
internal sealed record DayOffEntry(
    LocalDate Date,
    HolidayReason Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocalizedText? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null);

/// <summary>The build-time metadata of the calendar file's types; the options are <see cref="ChiBo.Serialization.ChiBoJson.Options"/>'s.</summary>
[JsonSerializable(typeof(HolidayYearFile))]
internal sealed partial class HolidayYearFileContext : JsonSerializerContext;
