using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// Working days (ngày làm việc) in Vietnam from 1900 to 2100, for the deadlines of the party's rules ("within 30
/// working days"). A working day is Monday to Friday, not a public holiday and not a compensatory or swapped
/// day off; a Saturday or Sunday that the government declares worked (làm bù) is one. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Each year is official when the government's decisions for it are known (<see cref="Default"/> ships
/// them: see <c>rules/calendar/</c>), and otherwise computed from the Labour Code — Bộ luật Lao động 2012,
/// Art. 115, until 2020 and Bộ luật Lao động 2019, Art. 112, from 2021: 1 January; 5 days of Tết; the Hùng Kings'
/// day (10/3 lunar); 30 April; 1 May; 2 September, and from 2021 the day before or after it. A holiday on a
/// Saturday or Sunday, or on another holiday, gives a compensatory day off on the next working day
/// (Art. 111.3 of the 2019 code).</para>
/// <para>The government picks some days each year; for a computed year ChiBo's defaults are: Tết is the last
/// day of the lunar year and the first four days of the new one; the day next to 2 September is the one that
/// joins the holiday to a weekend (1/9 when it is a Monday, 3/9 when it is a Friday), otherwise 3 September
/// when it is a weekday, otherwise 1 September. Years before 2013 are computed with the same list, an
/// approximation (the 1994 code had 4 days of Tết and no Hùng Kings' day before 2007): a host that needs them
/// exactly can supply them with <see cref="WithYears"/>.</para>
/// <para>Each year's working days are built on first use into a bitset with running counts (6 words) and kept:
/// <see cref="IsWorkingDay"/> is O(1), and <see cref="CountWorkingDays"/> and <see cref="AddWorkingDays"/> are O(1)
/// within a year plus one step per year crossed; once built, none allocates. Official years are read from their
/// embedded files only when their year (or a neighbour's) is first needed.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> DefaultCalendar =
        new(() => new WorkingDayCalendar(OfficialHolidayYears.Load()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<int, Func<HolidayYear>> official;
    private readonly HolidayYear?[] years = new HolidayYear?[MaxDate.Year - MinDate.Year + 1];
    private readonly WorkingDayYear?[] workingDays = new WorkingDayYear?[MaxDate.Year - MinDate.Year + 1];

    private WorkingDayCalendar(Dictionary<int, Func<HolidayYear>> officialYears)
    {
        official = officialYears;
    }

    /// <summary>The earliest date the calendar knows (1900-01-01).</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The latest date the calendar knows (2100-12-31).</summary>
    public static LocalDate MaxDate { get; } = new(2100, 12, 31);

    /// <summary>
    /// The calendar ChiBo ships: the official years of <c>rules/calendar/</c> (embedded in the library) and
    /// every other year from 1900 to 2100 computed from the Labour Code. Loaded on first use.
    /// </summary>
    public static WorkingDayCalendar Default => DefaultCalendar.Value;

    /// <summary>The years this calendar takes as given (shipped decisions, or years passed to <see cref="Create"/> or <see cref="WithYears"/>) rather than computing, in order.</summary>
    public IReadOnlyList<int> OfficialYears => [.. official.Keys.Order()];

    /// <summary>Creates a calendar from the given years and, for every other year, the Labour Code alone (without ChiBo's shipped years).</summary>
    /// <param name="years">The years to use, e.g. read with <see cref="HolidayYearSerializer"/>; each year at most once.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A year is given twice.</exception>
    public static WorkingDayCalendar Create(IEnumerable<HolidayYear> years) =>
        new(CheckYears(years).ToDictionary(y => y.Year, y => (Func<HolidayYear>)(() => y)));

    /// <summary>A calendar with this one's years, the given years replacing or adding to them (a host's override).</summary>
    /// <param name="years">The years to add or replace; each year at most once.</param>
    /// <returns>The new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A year is given twice.</exception>
    public WorkingDayCalendar WithYears(IEnumerable<HolidayYear> years)
    {
        var merged = new Dictionary<int, Func<HolidayYear>>(official);
        foreach (var year in CheckYears(years))
        {
            merged[year.Year] = () => year;
        }

        return new WorkingDayCalendar(merged);
    }

    /// <summary>
    /// A calendar with this one's years, the optional days off of the given ids switched on in every official year
    /// that lists them (<see cref="HolidayYear.OptionalDaysOff"/>): e.g. <c>vietnamCultureDay</c>, 24/11/2026, once a
    /// law makes it a holiday. Shipped optional days are off unless switched on here.
    /// </summary>
    /// <param name="ids">The ids of the optional days off to switch on.</param>
    /// <returns>The new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null or holds null.</exception>
    public WorkingDayCalendar WithOptionalDaysOff(IEnumerable<string> ids)
    {
        Preconditions.CheckNotNull(ids, nameof(ids));
        string[] wanted = [.. ids];
        Preconditions.CheckArgument(wanted.All(id => id is not null), nameof(ids), "ids must not contain null");
        var merged = new Dictionary<int, Func<HolidayYear>>(official.Count);
        foreach (var (year, read) in official)
        {
            merged[year] = () => read().WithOptionalDaysOff(wanted);
        }

        return new WorkingDayCalendar(merged);
    }

    /// <summary>The days off, working weekends, Tết and Hùng Kings' day of a year, official or computed.</summary>
    /// <param name="year">The year, 1900–2100.</param>
    /// <returns>The year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2100.</exception>
    public HolidayYear YearOf(int year)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, MinDate.Year, MaxDate.Year);
        var slot = year - MinDate.Year;
        return Volatile.Read(ref years[slot])
            ?? Interlocked.CompareExchange(ref years[slot], official.TryGetValue(year, out var read) ? read() : LabourCodeHolidays.Compute(year), null)
            ?? years[slot]!;
    }

    /// <summary>Whether a day is a working day.</summary>
    /// <param name="date">The day, 1900-01-01 to 2100-12-31.</param>
    /// <returns>True for a working day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1900–2100.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        CheckDate(date, nameof(date));
        return WorkingDaysOf(date.Year).IsWorkingDay(date);
    }

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days from a day: "within N working days
    /// from day D" counts D+1 as the first (so 30 working days from 2019-08-20 end on 2019-10-02). The result is
    /// always a working day, and <c>CountWorkingDays(start, result) == workingDays</c>. Zero returns
    /// <paramref name="start"/> itself.
    /// </summary>
    /// <param name="start">The day the period starts from (D), 1900-01-01 to 2100-12-31; it need not be a working day.</param>
    /// <param name="workingDays">The number of working days, 0 or more; a period never runs backwards.</param>
    /// <returns>The N-th working day after <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="start"/> is outside 1900–2100, <paramref name="workingDays"/> is negative, or the result
    /// would be after 2100-12-31.
    /// </exception>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        CheckDate(start, nameof(start));
        Preconditions.CheckArgumentRange(nameof(workingDays), workingDays, 0, int.MaxValue);
        return TryAdd(start, workingDays, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "The result would be after 2100-12-31.");
    }

    /// <summary>
    /// The number of working days after <paramref name="start"/> up to and including <paramref name="end"/>: the
    /// days in (start, end]. It is negative, -CountWorkingDays(end, start), when end is before start.
    /// </summary>
    /// <param name="start">The first day, excluded.</param>
    /// <param name="end">The last day, included.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1900–2100.</exception>
    public int CountWorkingDays(LocalDate start, LocalDate end)
    {
        CheckDate(start, nameof(start));
        CheckDate(end, nameof(end));
        if (end < start)
        {
            return -CountWorkingDays(end, start);
        }

        // Working days in (start, end]: the rest of start's year, the years between, and end's year up to end.
        var count = WorkingDaysOf(end.Year).Rank(end) - WorkingDaysOf(start.Year).Rank(start);
        for (var year = start.Year; year < end.Year; year++)
        {
            count += WorkingDaysOf(year).Total;
        }

        return count;
    }

    /// <summary>Returns e.g. <c>WorkingDayCalendar (official: 2019–2025)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => official.Count == 0
        ? "WorkingDayCalendar (computed)"
        : $"WorkingDayCalendar (official: {string.Join(", ", OfficialYears)})";

    /// <summary><see cref="AddWorkingDays"/> without throwing.</summary>
    /// <param name="start">The day the period starts from.</param>
    /// <param name="workingDays">The number of working days.</param>
    /// <param name="result">The N-th working day after <paramref name="start"/>, or the default value when the method returns false.</param>
    /// <returns>False when <paramref name="start"/> is outside 1900–2100, <paramref name="workingDays"/> is negative, or the result would be after 2100-12-31.</returns>
    public bool TryAddWorkingDays(LocalDate start, int workingDays, out LocalDate result)
    {
        result = default;
        return start >= MinDate && start <= MaxDate && workingDays >= 0
            && TryAdd(start, workingDays, out result);
    }

    /// <summary>
    /// The working days of a year, built on first use from it and its neighbours (thread-safe: a race builds
    /// the same value twice and keeps one).
    /// </summary>
    private WorkingDayYear WorkingDaysOf(int year)
    {
        var slot = year - MinDate.Year;
        return Volatile.Read(ref workingDays[slot])
            ?? Interlocked.CompareExchange(ref workingDays[slot], WorkingDayYear.Build(
                year > MinDate.Year ? YearOf(year - 1) : null,
                YearOf(year),
                year < MaxDate.Year ? YearOf(year + 1) : null), null)
            ?? workingDays[slot]!;
    }

    private bool TryAdd(LocalDate start, int count, out LocalDate result)
    {
        result = start;
        if (count == 0)
        {
            return true;
        }

        // Skip whole years, then pick the working day in the year it falls in.
        var year = WorkingDaysOf(start.Year);
        var rank = (long)year.Rank(start) + count;
        while (rank > year.Total)
        {
            rank -= year.Total;
            if (year.Year == MaxDate.Year)
            {
                result = default;
                return false;
            }

            year = WorkingDaysOf(year.Year + 1);
        }

        result = year.Select((int)rank);
        return true;
    }

    private static void CheckDate(LocalDate date, string paramName)
    {
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(paramName, date, "The date must be between 1900-01-01 and 2100-12-31.");
        }
    }

    private static List<HolidayYear> CheckYears(IEnumerable<HolidayYear> years)
    {
        var list = Preconditions.CheckNotNull(years, nameof(years)).ToList();
        Preconditions.CheckArgument(list.TrueForAll(y => y is not null), nameof(years), "A year is null.");
        var twice = list.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(twice is null, nameof(years), $"The year {twice?.Key} is given twice.");
        return list;
    }
}
