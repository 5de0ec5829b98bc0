using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Reports;
using ChiBo.Serialization;
using ChiBo.Text;

namespace ChiBo.Cli.Reports;

/// <summary>The output formats of the report commands.</summary>
internal enum ReportFormat
{
    Table,
    Markdown,
    Json,
}

/// <summary>What the report commands share: the format option, writing the report, and the files it could not read.</summary>
internal static class ReportOutput
{
    public static LocalizedText ExitCodeNote { get; } = new(
        "Mã thoát: 0 báo cáo đã in; 1 báo cáo đã in nhưng có tệp trong danh sách không đọc được (mỗi tệp nêu trên stderr); 2 đầu vào sai.",
        "Exit codes: 0 the report printed; 1 the report printed, but some roster files could not be read (each named on stderr); 2 bad input.");

    public static ReportFormat Format(CliArguments args)
    {
        var format = args.Option("format") switch
        {
            null => args.Json ? ReportFormat.Json : ReportFormat.Table,
            "table" => ReportFormat.Table,
            "md" or "markdown" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            var other => throw new CliInputException($"--format must be 'table', 'md' or 'json', not '{other}'"),
        };
        if (args.Json && format != ReportFormat.Json)
        {
            throw new CliInputException("--json and --format " + args.Option("format") + " contradict each other");
        }

        return format;
    }

    /// <summary>Writes the report, lists the unreadable files on stderr, and returns the exit code.</summary>
    public static int Write<T>(T report, System.Func<ReportDocument> document, ReportFormat format, IReadOnlyList<CaseFileError> errors,
        string command, TextWriter stdout, TextWriter stderr)
    {
        switch (format)
        {
            case ReportFormat.Json:
                stdout.WriteLine(JsonSerializer.Serialize(report, ChiBoJson.Options));
                break;
            case ReportFormat.Markdown:
                ReportRenderer.WriteMarkdown(document(), stdout);
                break;
            default:
                ReportRenderer.WriteTable(document(), stdout);
                break;
        }

        foreach (var error in errors)
        {
            stderr.WriteLine($"chibo {command}: warning: {error}");
        }

        return errors.Count == 0 ? Program.Ok : Program.Findings;
    }

    public static NodaTime.LocalDate? AsOf(CliArguments args)
    {
        var asOf = args.DateOption("as-of");
        if (asOf is { Year: < Planning.CellPlanner.MinYear or > Planning.CellPlanner.MaxYear } date)
        {
            throw new CliInputException($"--as-of {date:yyyy-MM-dd} is out of range ({Planning.CellPlanner.MinYear}–{Planning.CellPlanner.MaxYear})");
        }

        return asOf;
    }

    public static int Year(CliArguments args)
    {
        var text = args.Option("year") ?? throw new CliInputException("missing --year yyyy");
        var year = CliArguments.ParseInt(text, "--year");
        if (year < Planning.CellPlanner.MinYear || year > Planning.CellPlanner.MaxYear)
        {
            throw new CliInputException($"--year {year} is out of range ({Planning.CellPlanner.MinYear}–{Planning.CellPlanner.MaxYear})");
        }

        return year;
    }
}
