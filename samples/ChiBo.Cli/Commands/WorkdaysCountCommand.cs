using System.IO;
using System.Text.Json;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo workdays count FROM TO [--json] [--lang vi|en]</c>: working days after FROM up to TO.</summary>
internal sealed class WorkdaysCountCommand : ICliCommand
{
    public string Name => "workdays count";

    public CliSpec Spec { get; } = new(
        new("số ngày làm việc sau ngày thứ nhất, đến hết ngày thứ hai", "the working days after the first date up to and including the second"),
        [new CliArgumentSpec("FROM", new("ngày thứ nhất (năm-tháng-ngày)", "the first date (yyyy-MM-dd)")), new CliArgumentSpec("TO", new("ngày thứ hai (năm-tháng-ngày)", "the second date (yyyy-MM-dd)"))],
        []);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var from = CalendarLabels.ParseCalendarDate(args.RequirePositional(0, "the first date (yyyy-MM-dd)"), "the first date");
        var to = CalendarLabels.ParseCalendarDate(args.RequirePositional(1, "the second date (yyyy-MM-dd)"), "the second date");
        var language = args.Language;
        var count = CliServices.Calendar.CountWorkingDays(from, to);
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new Answer(from, to, count), ChiBoJson.Options));
            return Program.Ok;
        }

        var en = language == Language.English;
        stdout.WriteLine($"{(en ? "From (excluded)" : "Từ ngày (không tính)"),-24}{CalendarLabels.DateWithWeekday(from, language)}");
        stdout.WriteLine($"{(en ? "To (included)" : "Đến ngày (có tính)"),-24}{CalendarLabels.DateWithWeekday(to, language)}");
        stdout.WriteLine($"{(en ? "Working days" : "Số ngày làm việc"),-24}{count}{(count < 0 ? (en ? " (the second date is earlier)" : " (ngày thứ hai sớm hơn)") : string.Empty)}");
        WorkdaysAddCommand.WriteDaysOffBetween(stdout, CliServices.Calendar, from < to ? from : to, from < to ? to : from, language);
        return Program.Ok;
    }

    /// <summary>The JSON answer: <c>{ "from": …, "to": …, "workingDays": … }</c>.</summary>
    internal sealed record Answer(LocalDate From, LocalDate To, int WorkingDays);
}
