using System.Text.Json.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// One day off work (ngày nghỉ lễ, tết) in a <see cref="HolidayYear"/>: its date, why, and its name in both
/// languages. A holiday that falls on a weekend is listed too (with its compensatory day after it).
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it is off.</param>
/// <param name="Name">Its name, e.g. <c>{ "vi": "Tết Dương lịch", "en": "New Year's Day" }</c>.</param>
/// <remarks>Equality compares every value. The default value is not a meaningful day off.</remarks>
public readonly record struct DayOff(LocalDate Date, HolidayReason Reason, LocalizedText Name)
{
    /// <summary>The document the day rests on (a law's article, a government dispatch, or the announcement found), or null when the year's decisions say it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}

/// <summary>
/// A dated day off that is not (yet) one by law, shipped in an official year and off by default — e.g. 24 November
/// 2026, Vietnam Culture Day, decided as party policy but not found enacted. A host switches it on with
/// <see cref="WorkingDayCalendar.WithOptionalDaysOff"/> (or <c>ChiBoOptions.OptionalDaysOff</c>) once the law is in force.
/// </summary>
/// <param name="Id">Its stable id, e.g. <c>vietnamCultureDay</c>.</param>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it would be off.</param>
/// <param name="Name">Its name in both languages.</param>
/// <param name="Basis">What it rests on and why it is off by default, in both languages.</param>
public sealed record OptionalDayOff(string Id, LocalDate Date, HolidayReason Reason, LocalizedText Name, LocalizedText Basis)
{
    /// <summary>Whether a host switched it on: then it is also one of the year's <see cref="HolidayYear.DaysOff"/>.</summary>
    public bool Enabled { get; init; }
}
