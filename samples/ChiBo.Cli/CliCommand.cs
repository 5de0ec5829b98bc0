using System.Collections.Generic;
using System.IO;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>One command of the <c>chibo</c> tool. Each command lives in its own file under Commands/.</summary>
internal interface ICliCommand
{
    /// <summary>The command's words, e.g. <c>evaluate</c> or <c>workdays add</c>.</summary>
    string Name { get; }

    /// <summary>What the command takes and does, declared for the parser, the help and shell completion.</summary>
    CliSpec Spec { get; }

    /// <summary>Runs the command. Throws <see cref="CliInputException"/> for bad input (exit 2).</summary>
    int Run(CliArguments args, TextWriter stdout, TextWriter stderr);
}

/// <summary>A command's declaration: one line on what it does, its arguments and options, a longer note for help.</summary>
/// <param name="Summary">One line on what it does, in both languages.</param>
/// <param name="Arguments">Its positional arguments, in order.</param>
/// <param name="Options">Its own options (<c>--lang</c>, <c>--json</c> and <c>--help</c> are every command's).</param>
/// <param name="Note">More for its help (exit codes, formats), or null.</param>
internal sealed record CliSpec(LocalizedText Summary, IReadOnlyList<CliArgumentSpec> Arguments, IReadOnlyList<CliOptionSpec> Options, LocalizedText? Note = null);

/// <summary>A positional argument.</summary>
/// <param name="Name">Its name in help, e.g. <c>CASE</c>.</param>
/// <param name="Description">What it is, in both languages.</param>
/// <param name="Required">Whether it must be given.</param>
internal sealed record CliArgumentSpec(string Name, LocalizedText Description, bool Required = true);

/// <summary>An option <c>--name VALUE</c>, or a flag <c>--name</c> when <paramref name="ValueName"/> is null.</summary>
/// <param name="Name">The name without dashes, e.g. <c>as-of</c>.</param>
/// <param name="ValueName">The value's name in help (<c>yyyy-MM-dd</c>), or null for a flag.</param>
/// <param name="Description">What it does, in both languages.</param>
/// <param name="Required">Whether it must be given.</param>
/// <param name="AllowedValues">The only values accepted (completed by the shell), or null for any.</param>
/// <param name="Alias">A short alias with its dash, e.g. <c>-o</c>, or null.</param>
internal sealed record CliOptionSpec(string Name, string? ValueName, LocalizedText Description, bool Required = false, IReadOnlyList<string>? AllowedValues = null, string? Alias = null);

/// <summary>Options several commands share.</summary>
internal static class CliOptions
{
    public static CliOptionSpec AsOf(bool required) => new("as-of", "yyyy-MM-dd",
        new("ngày tính đến (năm-tháng-ngày)", "the date of the question"), required);

    public static CliOptionSpec Rules { get; } = new("rules", "FOLDER",
        new("thư mục quy định đã sửa, thay cho bộ quy định kèm theo", "a folder of edited rule files instead of the shipped ones"));

    public static CliOptionSpec Overlays { get; } = new("overlays", "PATH",
        new("tệp hoặc thư mục quy định bổ sung của địa phương (kind: overlay): thêm điều kiện chặt hơn", "a local overlay file or folder (kind: overlay): adds stricter checks"));

    public static CliOptionSpec Year(bool required) => new("year", "yyyy", new("năm của báo cáo", "the year of the report"), required);

    public static CliOptionSpec Format { get; } = new("format", "table|md|json|html|docx",
        new("dạng báo cáo: bảng, Markdown, JSON, trang HTML in được hoặc tệp Word", "the report's format: a table, Markdown, JSON, a printable HTML page or a Word file"),
        AllowedValues: ["table", "md", "markdown", "json", "html", "docx"]);

    public static CliOptionSpec Output { get; } = new("output", "FILE",
        new("ghi báo cáo vào tệp này thay cho màn hình (bắt buộc với docx)", "write the report to this file instead of stdout (required for docx)"), Alias: "-o");

    public static CliOptionSpec ShowCodes { get; } = new("show-codes", null,
        new("hiện cả mã (mã quy định, mã cảnh báo, tên giai đoạn, bước, số thứ tự sự kiện) bên cạnh lời",
            "show the ids and codes (rule ids, warning codes, stage and gate names, event numbers) beside the words"));

    public static CliOptionSpec Number { get; } = new("number", "N",
        new("số của văn bản (Số N-KH/CB); bỏ trống để ghi tay", "the document's number (Số N-KH/CB); left blank to write by hand"));

    public static CliOptionSpec DocumentDate { get; } = new("date", "yyyy-MM-dd",
        new("ngày ký văn bản (mặc định: ngày tính đến)", "the document's date (default: the as-of date)"));

    public static IReadOnlyList<CliOptionSpec> Document { get; } = [Format, Output, ShowCodes, Number, DocumentDate];
}

/// <summary>Bad input given to a command: printed as one line on stderr, exit code 2.</summary>
internal sealed class CliInputException(string message) : System.Exception(message);
