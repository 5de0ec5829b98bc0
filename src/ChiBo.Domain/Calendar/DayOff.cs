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
/// <remarks>Equality compares all three values. The default value is not a meaningful day off.</remarks>
public readonly record struct DayOff(LocalDate Date, HolidayReason Reason, LocalizedText Name);
