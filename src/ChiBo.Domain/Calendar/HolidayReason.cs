namespace ChiBo.Calendar;

/// <summary>Why a day is off work (ngày nghỉ). JSON names are camelCase: <c>newYear</c>, <c>tet</c>, …</summary>
public enum HolidayReason
{
    /// <summary>1 January (Tết Dương lịch).</summary>
    NewYear,

    /// <summary>One of the five days of the lunar new year (Tết Nguyên đán / Tết Âm lịch).</summary>
    Tet,

    /// <summary>The Hùng Kings' Commemoration Day, 10th of the 3rd lunar month (Giỗ Tổ Hùng Vương).</summary>
    HungKings,

    /// <summary>30 April, Victory and Reunification Day (Ngày Chiến thắng).</summary>
    Reunification,

    /// <summary>1 May, International Labour Day (Ngày Quốc tế lao động).</summary>
    Labour,

    /// <summary>2 September, National Day (Quốc khánh), and from 2021 the day before or after it.</summary>
    NationalDay,

    /// <summary>A day off in compensation for a holiday that fell on a weekend (nghỉ bù).</summary>
    Compensatory,

    /// <summary>A working day swapped for a weekend day worked instead (nghỉ hoán đổi, with a làm bù weekend).</summary>
    Swapped,

    /// <summary>
    /// 24 November, Vietnam Culture Day (Ngày Văn hóa Việt Nam): a day off only once a law makes it one (Nghị quyết
    /// 80-NQ/TW, 07/01/2026, as policy). Shipped as an <see cref="OptionalDayOff"/>, off unless a host switches it on.
    /// </summary>
    CultureDay,
}
