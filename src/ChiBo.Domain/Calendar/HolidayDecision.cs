using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// A government document that fixed a year's days off (văn bản của Chính phủ): usually the Government Office's
/// dispatch conveying the Prime Minister's decision (công văn …/VPCP-KGVX) or the Ministry's notice (thông báo).
/// </summary>
/// <param name="Number">The document's number and symbol, e.g. <c>8662/VPCP-KGVX</c>.</param>
/// <param name="Date">The date the document was issued.</param>
/// <param name="Summary">What it decided, in Vietnamese, or null.</param>
public sealed record HolidayDecision(string Number, LocalDate Date, string? Summary = null);
