using System.IO;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo lunar DATE [--json] [--lang vi|en]</c>: the Vietnamese lunar date of a solar date.</summary>
internal sealed class LunarCommand : ICliCommand
{
    public string Name => "lunar";

    public CliSpec Spec { get; } = new(
        new("ngày âm lịch Việt Nam (UTC+7) của một ngày dương lịch", "the Vietnamese lunar date (âm lịch, UTC+7) of a date"),
        [new CliArgumentSpec("DATE", new("ngày dương lịch (năm-tháng-ngày)", "the solar date (yyyy-MM-dd)"))],
        []);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var solar = CalendarLabels.ParseCalendarDate(args.RequirePositional(0, "the date (yyyy-MM-dd)"), "the date");
        var language = args.Language;
        var lunar = VietnameseLunarCalendar.ToLunar(solar);
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new Answer(solar, lunar), ChiBoJson.Options));
            return Program.Ok;
        }

        var en = language == Language.English;
        stdout.WriteLine($"{(en ? "Solar date" : "Dương lịch"),-14}{CalendarLabels.DateWithWeekday(solar, language)}");
        stdout.WriteLine($"{(en ? "Lunar date" : "Âm lịch"),-14}{CalendarLabels.Lunar(lunar, language)}");
        return Program.Ok;
    }

    /// <summary>The contract's JSON: <c>{ "solar": …, "lunar": { "day", "month", "year", "leapMonth" } }</c>.</summary>
    internal sealed record Answer(LocalDate Solar, LunarDate Lunar);
}
