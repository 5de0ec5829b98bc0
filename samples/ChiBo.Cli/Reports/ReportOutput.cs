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
    Html,
    Docx,
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
            "html" => ReportFormat.Html,
            "docx" => ReportFormat.Docx,
            var other => throw new CliInputException($"--format must be 'table', 'md', 'json', 'html' or 'docx', not '{other}'"),
        };
        if (format == ReportFormat.Docx && args.Option("output") is null)
        {
            throw new CliInputException("--format docx needs -o FILE (a Word file is not written to a terminal)");
        }

        if (args.Json && format != ReportFormat.Json)
        {
            throw new CliInputException("--json and --format " + args.Option("format") + " contradict each other");
        }

        return format;
    }

    /// <summary>The document options of a report command: --show-codes, --number, --date, and the roster.</summary>
    public static ReportOptions Options(CliArguments args, Planning.Roster roster) => new()
    {
        ShowCodes = args.Has("show-codes"),
        Roster = roster,
        Number = args.Option("number") is { } number ? Positive(CliArguments.ParseInt(number, "--number")) : null,
        Date = args.DateOption("date"),
    };

    private static int Positive(int number) =>
        number > 0 ? number : throw new CliInputException($"--number {number} must be a whole number from 1 up");

    /// <summary>Writes the report (to stdout, or to the file of -o), lists the unreadable files on stderr, and returns the exit code.</summary>
    public static int Write<T>(T report, System.Func<ReportDocument> document, ReportFormat format, CliArguments args, IReadOnlyList<CaseFileError> errors,
        string command, TextWriter stdout, TextWriter stderr)
    {
        var path = args.Option("output");
        if (format == ReportFormat.Docx)
        {
            var bytes = new MemoryStream();
            ReportWord.Write(document(), bytes);
            WriteFile(path!, bytes.ToArray());
        }
        else
        {
            var text = new StringWriter();
            var target = path is null ? stdout : text;
            switch (format)
            {
                case ReportFormat.Json:
                    target.WriteLine(JsonSerializer.Serialize(report, ChiBoJson.Options));
                    break;
                case ReportFormat.Markdown:
                    ReportRenderer.WriteMarkdown(document(), target);
                    break;
                case ReportFormat.Html:
                    target.WriteLine(ReportHtml.ToPage(document(), args.Language == Language.English ? "en" : "vi"));
                    break;
                default:
                    ReportRenderer.WriteTable(document(), target);
                    break;
            }

            if (path is not null)
            {
                WriteFile(path, new System.Text.UTF8Encoding(false).GetBytes(text.ToString()));
            }
        }

        foreach (var error in errors)
        {
            stderr.WriteLine($"chibo {command}: warning: {error}");
        }

        return errors.Count == 0 ? Program.Ok : Program.Findings;
    }

    /// <summary>Writes a file whole, or fails with the path named (exit 2); nothing is left half-written.</summary>
    public static void WriteFile(string path, byte[] bytes)
    {
        var temp = path + ".tmp-" + System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The temporary file could not be removed either; the error below names the path.
            }

            throw new CliInputException($"-o {path}: cannot write the file ({e.Message})");
        }
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
