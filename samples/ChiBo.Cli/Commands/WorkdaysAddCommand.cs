using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo workdays add DATE N [--json] [--lang vi|en]</c>: the N-th working day after a date.</summary>
internal sealed class WorkdaysAddCommand : ICliCommand
{
    public string Name => "workdays add";

    public CliSpec Spec { get; } = new(
        new("ngày cuối của N ngày làm việc kể từ một ngày (ngày hôm sau là ngày thứ nhất)", "the last day of N working days from a date (the day after it counts as the first)"),
        [new CliArgumentSpec("DATE", new("ngày bắt đầu (năm-tháng-ngày)", "the start date (yyyy-MM-dd)")), new CliArgumentSpec("N", new("số ngày làm việc", "the number of working days"))],
        []);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var from = CalendarLabels.ParseCalendarDate(args.RequirePositional(0, "the start date (yyyy-MM-dd)"), "the start date");
        var count = CliArguments.ParseInt(args.RequirePositional(1, "the number of working days (N)"), "the number of working days");
        var language = args.Language;
        if (count < 0)
        {
            throw new CliInputException($"the number of working days must be 0 or more, not {count}");
        }

        var calendar = CliServices.Calendar;
        if (!calendar.TryAddWorkingDays(from, count, out var date))
        {
            throw new CliInputException($"{count} working days from {CalendarLabels.Iso(from)} end after 2100-12-31, the calendar's last day");
        }

        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new Answer(from, count, date), ChiBoJson.Options));
            return Program.Ok;
        }

        var en = language == Language.English;
        stdout.WriteLine($"{(en ? "From" : "Từ ngày"),-24}{CalendarLabels.DateWithWeekday(from, language)}");
        stdout.WriteLine($"{(en ? "Working days" : "Số ngày làm việc"),-24}{count} {(en ? "(the next day is the first)" : "(tính từ ngày hôm sau)")}");
        stdout.WriteLine($"{(en ? "Last day" : "Đến hết ngày"),-24}{CalendarLabels.DateWithWeekday(date, language)}");
        WriteDaysOffBetween(stdout, calendar, from, date, language);
        return Program.Ok;
    }

    /// <summary>Lists the days off and worked weekends in (from, to], so that the count can be checked by hand.</summary>
    internal static void WriteDaysOffBetween(TextWriter o, WorkingDayCalendar calendar, LocalDate from, LocalDate to, Language language)
    {
        if (to <= from)
        {
            return;
        }

        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(calendar.YearOf).ToList();
        var off = years.SelectMany(y => y.DaysOff).Where(d => d.Date > from && d.Date <= to && !calendar.IsWorkingDay(d.Date))
            .DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();
        var worked = years.SelectMany(y => y.WorkingWeekends).Where(d => d > from && d <= to && calendar.IsWorkingDay(d)).Distinct().Order().ToList();
        if (off.Count == 0 && worked.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine(language == Language.English ? "Days off in the period (weekends aside):" : "Ngày nghỉ trong khoảng (ngoài thứ Bảy, Chủ nhật):");
        foreach (var day in off)
        {
            o.WriteLine($"  {CalendarLabels.DateWithWeekday(day.Date, language),-24}{day.Name.In(language)}");
        }

        foreach (var day in worked)
        {
            o.WriteLine($"  {CalendarLabels.DateWithWeekday(day, language),-24}{(language == Language.English ? "worked (a swapped weekend day)" : "đi làm bù")}");
        }
    }

    /// <summary>The contract's JSON: <c>{ "from": …, "workingDays": …, "date": … }</c>.</summary>
    internal sealed record Answer(LocalDate From, int WorkingDays, LocalDate Date);
}
