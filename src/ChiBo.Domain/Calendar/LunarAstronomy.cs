using System;

namespace ChiBo.Calendar;

/// <summary>
/// The astronomy behind the Vietnamese lunar calendar: new moons and the sun's longitude, by the formulas of
/// Jean Meeus (<i>Astronomical Algorithms</i>) as used in Hồ Ngọc Đức's well-known conversion (Âm lịch Việt Nam).
/// Day numbers are Julian day numbers (whole days, noon-based as in the algorithm).
/// </summary>
internal static class LunarAstronomy
{
    /// <summary>Vietnam's time zone since 1968 (UTC+7), in hours: the calendar is computed for it.</summary>
    internal const double TimeZoneHours = 7.0;

    private const double Degree = Math.PI / 180.0;

    /// <summary>Julian day of the k-th new moon after 1900-01-01 12:00 UT (k may be negative), with ΔT.</summary>
    internal static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900 January 0.5
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * Degree); // mean new moon
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3); // sun's mean anomaly
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3); // moon's mean anomaly
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3); // moon's argument of latitude
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * Degree)) + (0.0021 * Math.Sin(2 * Degree * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * Degree)) + (0.0161 * Math.Sin(Degree * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(Degree * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(Degree * 2 * f)) - (0.0051 * Math.Sin(Degree * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(Degree * (m - mpr))) + (0.0004 * Math.Sin(Degree * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(Degree * ((2 * f) - m))) - (0.0006 * Math.Sin(Degree * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(Degree * ((2 * f) - mpr))) + (0.0005 * Math.Sin(Degree * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The Julian day number, in Vietnam's time zone, of the day of the k-th new moon.</summary>
    internal static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZoneHours / 24.0));

    /// <summary>
    /// The sector (0–11, of 30° each, 0 from the spring equinox) of the sun's apparent longitude at local
    /// midnight starting the given day: the major solar term (trung khí) in force.
    /// </summary>
    internal static int SunLongitudeSector(int julianDayNumber) =>
        (int)Math.Floor(SunLongitude(julianDayNumber - 0.5 - (TimeZoneHours / 24.0)) / Math.PI * 6.0);

    /// <summary>The day number on which lunar month 11 (the month holding the winter solstice) of a solar year starts.</summary>
    internal static int LunarMonth11(int solarYear)
    {
        var off = JulianDayNumber(solarYear, 12, 31) - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var newMoon = NewMoonDay(k);
        // A month that starts after the winter solstice (sun past 270°) is month 12: month 11 is the one before.
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>The index of the new moon that starts the month beginning on a given day.</summary>
    internal static int NewMoonIndex(int monthStartDay) => (int)Math.Floor(((monthStartDay - 2415021.076998695) / 29.530588853) + 0.5);

    /// <summary>
    /// In a lunar year of 13 months counted from month 11 (starting on <paramref name="month11Start"/>), the
    /// offset of the leap month: the first month with no major solar term.
    /// </summary>
    internal static int LeapMonthOffset(int month11Start)
    {
        var k = NewMoonIndex(month11Start);
        var i = 1; // the month following month 11
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }

    /// <summary>The Julian day number of a Gregorian date.</summary>
    internal static int JulianDayNumber(int year, int month, int day) =>
        new DateOnly(year, month, day).DayNumber + DayNumberToJulian;

    /// <summary>Add to <see cref="DateOnly.DayNumber"/> (days since 0001-01-01) to get the Julian day number.</summary>
    internal const int DayNumberToJulian = 1721426;

    /// <summary>The sun's apparent longitude, in radians (0–2π), at a Julian date.</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UT
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2); // mean anomaly, degrees
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2); // mean longitude, degrees
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(Degree * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(Degree * 2 * m)) + (0.000290 * Math.Sin(Degree * 3 * m));
        var l = (l0 + dl) * Degree; // true longitude, radians
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }
}
