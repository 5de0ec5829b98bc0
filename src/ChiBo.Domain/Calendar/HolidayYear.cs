using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Calendar;

/// <summary>
/// The days off work of one year (lịch nghỉ lễ, tết) for people whose weekly rest is Saturday and Sunday (cán
/// bộ, công chức, viên chức): each public holiday, compensatory day (nghỉ bù) and swapped day (nghỉ hoán đổi),
/// and the weekend days worked instead (làm bù). Either the government's decisions for the year
/// (<see cref="HolidaySource.Official"/>) or computed from the Labour Code (<see cref="HolidaySource.Computed"/>).
/// Immutable.
/// </summary>
/// <remarks>
/// <para>A government decision for year Y sometimes moves a day of late December Y-1 or of January Y+1
/// (2019's New Year: Monday 2018-12-31 off, Saturday 2019-01-05 worked), so an official year may list dates
/// from 1 December of the year before to 31 January of the year after. <see cref="WorkingDayCalendar"/> applies
/// them on their dates; a year's own list wins over its neighbour's for the same date.</para>
/// <para>Serialised with <see cref="Serialization.ChiBoJson.Options"/> it is the contract's <c>chibo holidays</c>
/// document: <c>year</c>, <c>lunarNewYear</c>, <c>hungKingsDay</c>, <c>daysOff</c>, <c>workingWeekends</c>,
/// <c>source</c>, <c>decisions</c>.</para>
/// </remarks>
public sealed class HolidayYear
{
    /// <summary>Creates an official year from the government's decisions, e.g. for a year ChiBo does not ship.</summary>
    /// <param name="year">The year, 1900–2100.</param>
    /// <param name="daysOff">Every day off of the year, holidays on weekends included; order does not matter.</param>
    /// <param name="workingWeekends">The Saturdays and Sundays worked instead of a swapped day (làm bù).</param>
    /// <param name="decisions">The government documents that fixed the year (at least one).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2100.</exception>
    /// <exception cref="ArgumentException">
    /// A date is listed twice or lies outside 1 December of the year before to 31 January of the year after
    /// (or outside 1900–2100), a working weekend is not a Saturday or Sunday or is also a day off, or there is
    /// no decision or a decision without a number.
    /// </exception>
    public HolidayYear(int year, IEnumerable<DayOff> daysOff, IEnumerable<LocalDate> workingWeekends, IEnumerable<HolidayDecision> decisions)
        : this(year,
            Preconditions.CheckNotNull(daysOff, nameof(daysOff)).ToImmutableArray(),
            Preconditions.CheckNotNull(workingWeekends, nameof(workingWeekends)).ToImmutableArray(),
            Preconditions.CheckNotNull(decisions, nameof(decisions)).ToImmutableArray(),
            HolidaySource.Official)
    {
    }

    internal HolidayYear(int year, ImmutableArray<DayOff> daysOff, ImmutableArray<LocalDate> workingWeekends, ImmutableArray<HolidayDecision> decisions, HolidaySource source,
        ImmutableArray<OptionalDayOff> optionalDaysOff = default)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, WorkingDayCalendar.MinDate.Year, WorkingDayCalendar.MaxDate.Year);
        foreach (var problem in Problems(year, daysOff, workingWeekends, decisions, source, optionalDaysOff))
        {
            throw new ArgumentException(problem.Message, problem.Parameter);
        }

        Year = year;
        LunarNewYear = VietnameseLunarCalendar.LunarNewYear(year);
        HungKingsDay = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10));
        DaysOff = [.. daysOff.OrderBy(d => d.Date)];
        WorkingWeekends = [.. workingWeekends.Order()];
        Source = source;
        Decisions = decisions;
        OptionalDaysOff = optionalDaysOff.IsDefault ? [] : [.. optionalDaysOff.OrderBy(d => d.Date)];
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The lunar new year's day (mùng 1 Tết) in this year, computed for UTC+7.</summary>
    public LocalDate LunarNewYear { get; }

    /// <summary>The Hùng Kings' day (Giỗ Tổ Hùng Vương, 10th of the 3rd lunar month) in this year.</summary>
    public LocalDate HungKingsDay { get; }

    /// <summary>Every day off, in date order; holidays on a weekend are listed too.</summary>
    public ImmutableArray<DayOff> DaysOff { get; }

    /// <summary>The weekend days worked instead of a swapped day (ngày làm bù), in date order.</summary>
    public ImmutableArray<LocalDate> WorkingWeekends { get; }

    /// <summary>Whether the year is the government's (official) or computed from the Labour Code.</summary>
    public HolidaySource Source { get; }

    /// <summary>The government documents behind an official year; empty for a computed one.</summary>
    public ImmutableArray<HolidayDecision> Decisions { get; }

    /// <summary>
    /// Dated days off that are not (yet) days off by law, off unless a host switched them on (then
    /// <see cref="OptionalDayOff.Enabled"/> and listed in <see cref="DaysOff"/> too): 24/11/2026, Vietnam Culture
    /// Day, is one. Empty for most years.
    /// </summary>
    public ImmutableArray<OptionalDayOff> OptionalDaysOff { get; }

    /// <summary>
    /// This year with the optional days off of the given ids switched on (each becomes a day off); ids the year does
    /// not list are ignored, so that one list of ids can be applied to every year.
    /// </summary>
    /// <param name="ids">The ids, e.g. <c>vietnamCultureDay</c>.</param>
    /// <returns>The year with those days off, or this year when none of them applies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    public HolidayYear WithOptionalDaysOff(IEnumerable<string> ids)
    {
        var wanted = Preconditions.CheckNotNull(ids, nameof(ids)).ToHashSet(StringComparer.Ordinal);
        if (!OptionalDaysOff.Any(d => !d.Enabled && wanted.Contains(d.Id)))
        {
            return this;
        }

        var optional = OptionalDaysOff.Select(d => wanted.Contains(d.Id) ? d with { Enabled = true } : d).ToImmutableArray();
        var added = optional.Where(d => d.Enabled && !DaysOff.Any(x => x.Date == d.Date))
            .Select(d => new DayOff(d.Date, d.Reason, d.Name) { Source = d.Basis.Vi });
        return new HolidayYear(Year, [.. DaysOff, .. added], WorkingWeekends, Decisions, Source, optional);
    }

    /// <summary>Computes a year from the Labour Code alone, with ChiBo's defaults for the days the government picks.</summary>
    /// <param name="year">The year, 1900–2100.</param>
    /// <returns>The computed year (<see cref="HolidaySource.Computed"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2100.</exception>
    /// <remarks>See <see cref="WorkingDayCalendar"/> for the rules and defaults used.</remarks>
    public static HolidayYear Compute(int year)
    {
        Preconditions.CheckArgumentRange(nameof(year), year, WorkingDayCalendar.MinDate.Year, WorkingDayCalendar.MaxDate.Year);
        return LabourCodeHolidays.Compute(year);
    }

    /// <summary>Returns e.g. <c>2024 (official: 8662/VPCP-KGVX, 2450/VPCP-KGVX)</c> or <c>2030 (computed)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Source == HolidaySource.Official
        ? $"{Year} (official: {string.Join(", ", Decisions.Select(d => d.Number))})"
        : $"{Year} (computed)";

    /// <summary>The first and last dates a year's lists may hold.</summary>
    internal static (LocalDate First, LocalDate Last) Window(int year)
    {
        var first = year > WorkingDayCalendar.MinDate.Year ? new LocalDate(year - 1, 12, 1) : WorkingDayCalendar.MinDate;
        var last = year < WorkingDayCalendar.MaxDate.Year ? new LocalDate(year + 1, 1, 31) : WorkingDayCalendar.MaxDate;
        return (first, last);
    }

    /// <summary>Every problem with a year's lists, each with its JSON path (for the reader) and parameter name.</summary>
    internal static IEnumerable<(string Path, string Parameter, string Message)> Problems(
        int year, ImmutableArray<DayOff> daysOff, ImmutableArray<LocalDate> workingWeekends, ImmutableArray<HolidayDecision> decisions, HolidaySource source,
        ImmutableArray<OptionalDayOff> optionalDaysOff = default)
    {
        var (first, last) = Window(year);
        string Range() => $"between {first:yyyy-MM-dd} and {last:yyyy-MM-dd} (1 December of the year before to 31 January of the year after)";

        if (source == HolidaySource.Official && decisions.IsDefaultOrEmpty)
        {
            yield return ("$.decisions", nameof(decisions), "an official year needs at least one government decision");
        }

        for (var i = 0; i < (decisions.IsDefault ? 0 : decisions.Length); i++)
        {
            if (decisions[i] is null || string.IsNullOrWhiteSpace(decisions[i].Number))
            {
                yield return ($"$.decisions[{i}].number", nameof(decisions), "a decision needs its number, e.g. 8662/VPCP-KGVX");
            }
        }

        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < (daysOff.IsDefault ? 0 : daysOff.Length); i++)
        {
            var date = daysOff[i].Date;
            if (date < first || date > last)
            {
                yield return ($"$.daysOff[{i}].date", nameof(daysOff), $"the day off {date:yyyy-MM-dd} must be {Range()}");
            }
            else if (!seen.Add(date))
            {
                yield return ($"$.daysOff[{i}].date", nameof(daysOff), $"{date:yyyy-MM-dd} is listed twice");
            }
        }

        var worked = new HashSet<LocalDate>(workingWeekends.IsDefault ? [] : workingWeekends);
        var optionalIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (optionalDaysOff.IsDefault ? 0 : optionalDaysOff.Length); i++)
        {
            var day = optionalDaysOff[i];
            if (day is null || string.IsNullOrWhiteSpace(day.Id) || !optionalIds.Add(day.Id))
            {
                yield return ($"$.optionalDaysOff[{i}].id", nameof(optionalDaysOff), "an optional day off needs an id, unique in the year");
            }
            else if (day.Date < first || day.Date > last)
            {
                yield return ($"$.optionalDaysOff[{i}].date", nameof(optionalDaysOff), $"the optional day off {day.Date:yyyy-MM-dd} must be {Range()}");
            }
            else if (!day.Enabled && seen.Contains(day.Date))
            {
                yield return ($"$.optionalDaysOff[{i}].date", nameof(optionalDaysOff), $"{day.Date:yyyy-MM-dd} is already a day off");
            }
            else if (worked.Contains(day.Date))
            {
                yield return ($"$.optionalDaysOff[{i}].date", nameof(optionalDaysOff), $"{day.Date:yyyy-MM-dd} is a working weekend day");
            }
        }

        worked.Clear();
        for (var i = 0; i < (workingWeekends.IsDefault ? 0 : workingWeekends.Length); i++)
        {
            var date = workingWeekends[i];
            if (date < first || date > last)
            {
                yield return ($"$.workingWeekends[{i}]", nameof(workingWeekends), $"the working weekend day {date:yyyy-MM-dd} must be {Range()}");
            }
            else if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                yield return ($"$.workingWeekends[{i}]", nameof(workingWeekends), $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, not a Saturday or Sunday");
            }
            else if (seen.Contains(date))
            {
                yield return ($"$.workingWeekends[{i}]", nameof(workingWeekends), $"{date:yyyy-MM-dd} is also listed as a day off");
            }
            else if (!worked.Add(date))
            {
                yield return ($"$.workingWeekends[{i}]", nameof(workingWeekends), $"{date:yyyy-MM-dd} is listed twice");
            }
        }
    }
}
