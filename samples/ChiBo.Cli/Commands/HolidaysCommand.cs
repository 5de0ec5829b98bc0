using System.IO;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo holidays YEAR [--json] [--lang vi|en]</c>: a year's days off and worked weekends.</summary>
internal sealed class HolidaysCommand : ICliCommand
{
    public string Name => "holidays";

    public CliSpec Spec { get; } = new(
        new("ngày lễ, ngày nghỉ và ngày làm bù cuối tuần của một năm (theo quyết định chính thức hoặc tính toán)", "a year's public holidays, days off and worked weekends (official or computed)"),
        [new CliArgumentSpec("YEAR", new("năm", "the year"))],
        []);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var text = args.RequirePositional(0, "the year (YEAR)");
        var year = CliArguments.ParseInt(text, "the year");
        if (year < WorkingDayCalendar.MinDate.Year || year > WorkingDayCalendar.MaxDate.Year)
        {
            throw new CliInputException($"the year '{text}' must be between 1900 and 2100");
        }

        var language = args.Language;
        var holidays = CliServices.Calendar.YearOf(year);
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(holidays, ChiBoJson.Options));
            return Program.Ok;
        }

        var en = language == Language.English;
        stdout.WriteLine(en ? $"Days off in {year} — {CalendarLabels.Source(holidays.Source, language)}" : $"Lịch nghỉ lễ, tết năm {year} — {CalendarLabels.Source(holidays.Source, language)}");
        foreach (var decision in holidays.Decisions)
        {
            stdout.WriteLine($"  {(en ? "Decision" : "Văn bản")} {decision.Number} {(en ? "of" : "ngày")} {CalendarLabels.Iso(decision.Date)}");
        }

        if (holidays.Source == HolidaySource.Computed)
        {
            stdout.WriteLine(en
                ? "  (no government decision shipped for this year: Tết is the last day of the lunar year and days 1–4; check the year's decision)"
                : "  (chưa có văn bản của Chính phủ cho năm này: Tết tính là ngày cuối năm âm lịch và mùng 1–4; cần đối chiếu văn bản của năm)");
        }

        stdout.WriteLine($"  {(en ? "Lunar New Year" : "Mùng 1 Tết"),-22}{CalendarLabels.DateWithWeekday(holidays.LunarNewYear, language)}");
        stdout.WriteLine($"  {(en ? "Hùng Kings' day" : "Giỗ Tổ Hùng Vương"),-22}{CalendarLabels.DateWithWeekday(holidays.HungKingsDay, language)}");
        stdout.WriteLine();
        stdout.WriteLine(en ? "Days off:" : "Ngày nghỉ:");
        foreach (var day in holidays.DaysOff)
        {
            stdout.WriteLine($"  {CalendarLabels.DateWithWeekday(day.Date, language),-24}{JsonNamingPolicy.CamelCase.ConvertName(day.Reason.ToString()),-15}{day.Name.In(language)}");
        }

        if (!holidays.OptionalDaysOff.IsEmpty)
        {
            stdout.WriteLine();
            stdout.WriteLine(en ? "Optional days off (not holidays until a law makes them so):" : "Ngày nghỉ chưa có hiệu lực (chỉ là ngày nghỉ khi luật quy định):");
            foreach (var day in holidays.OptionalDaysOff)
            {
                var state = day.Enabled
                    ? (en ? "switched on by the host: a day off" : "đã được bật: là ngày nghỉ")
                    : (en ? "off by default: counted as a working day" : "mặc định tắt: tính là ngày làm việc");
                stdout.WriteLine($"  {CalendarLabels.DateWithWeekday(day.Date, language),-24}{day.Id,-20}{day.Name.In(language)} — {state}");
                stdout.WriteLine($"    {day.Basis.In(language)}");
                stdout.WriteLine(en
                    ? $"    A host switches it on with WorkingDayCalendar.WithOptionalDaysOff([\"{day.Id}\"]) or ChiBoOptions.OptionalDaysOff."
                    : $"    Bên dùng thư viện bật bằng WorkingDayCalendar.WithOptionalDaysOff([\"{day.Id}\"]) hoặc ChiBoOptions.OptionalDaysOff.");
            }
        }

        stdout.WriteLine();
        if (holidays.WorkingWeekends.IsEmpty)
        {
            stdout.WriteLine(en ? "Worked weekends: none." : "Ngày đi làm bù: không có.");
        }
        else
        {
            stdout.WriteLine(en ? "Worked weekends (làm bù):" : "Ngày đi làm bù:");
            foreach (var day in holidays.WorkingWeekends)
            {
                stdout.WriteLine($"  {CalendarLabels.DateWithWeekday(day, language)}");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine($"{(en ? "Working days in the year" : "Số ngày làm việc trong năm")}: {WorkingDaysIn(year)}");
        return Program.Ok;
    }

    private static int WorkingDaysIn(int year)
    {
        var calendar = CliServices.Calendar;
        var first = new LocalDate(year, 1, 1);
        return calendar.CountWorkingDays(first, new LocalDate(year, 12, 31)) + (calendar.IsWorkingDay(first) ? 1 : 0);
    }
}
