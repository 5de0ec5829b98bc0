using System.IO;
using ChiBo.Cli.Reports;
using ChiBo.Reports;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo plan ROSTER --year YYYY [--as-of DATE]</c>: the cell's admission plan of a year.</summary>
internal sealed class PlanCommand : ICliCommand
{
    public string Name => "plan";

    /// <summary>The roster folder every report command reads.</summary>
    public static CliArgumentSpec RosterArgument { get; } = new("ROSTER",
        new("thư mục danh sách của chi bộ (cell.json và các tệp *.case.json)", "the cell's roster folder (cell.json and *.case.json files)"));

    public CliSpec Spec { get; } = new(
        new("kế hoạch kết nạp của một năm: chỉ tiêu và kết quả, nguồn, đối tượng ưu tiên, cảnh báo", "a roster's admission plan for a year: target vs admitted, pipeline, priority groups, warnings"),
        [RosterArgument],
        [CliOptions.Year(required: true), CliOptions.AsOf(required: false), CliOptions.Rules, .. CliOptions.Document],
        ReportOutput.ExitCodeNote);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var folder = args.RequirePositional(0, "the roster folder (ROSTER)");
        var year = ReportOutput.Year(args);
        var asOf = ReportOutput.AsOf(args);
        var format = ReportOutput.Format(args);
        var language = args.Language;
        var roster = RosterFiles.Load(folder);
        var plan = CliServices.PlannerFor(args.Option("rules")).Plan(roster, year, asOf);
        var options = ReportOutput.Options(args, roster);
        var exit = ReportOutput.Write(plan, () => ReportDocuments.Plan(plan, language, options), format, args, plan.Errors, Name, stdout, stderr);
        Provenance.WriteNote(args.Option("rules"), format, language, stdout);
        return exit;
    }
}
