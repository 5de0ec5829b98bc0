using System.IO;
using ChiBo.Cli.Reports;
using ChiBo.Reports;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo due ROSTER --as-of DATE</c>: every open deadline and periodic duty of a roster, by due date.</summary>
internal sealed class DueCommand : ICliCommand
{
    public string Name => "due";

    public CliSpec Spec { get; } = new(
        new("việc đến hạn vào một ngày: lễ kết nạp, xét chuyển chính thức, giấy chứng nhận, việc định kỳ của chi bộ", "due work on a date: ceremonies, full-membership votes, certificates, the cell's periodic duties"),
        [PlanCommand.RosterArgument],
        [CliOptions.AsOf(required: true), CliOptions.Rules, .. CliOptions.Document],
        ReportOutput.ExitCodeNote);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var folder = args.RequirePositional(0, "the roster folder (ROSTER)");
        var asOf = ReportOutput.AsOf(args) ?? throw new CliInputException("missing --as-of yyyy-MM-dd");
        var format = ReportOutput.Format(args);
        var language = args.Language;
        var roster = RosterFiles.Load(folder);
        var due = CliServices.PlannerFor(args.Option("rules")).Due(roster, asOf);
        var options = ReportOutput.Options(args, roster);
        var exit = ReportOutput.Write(due, () => ReportDocuments.Due(due, language, options), format, args, due.Errors, Name, stdout, stderr);
        Provenance.WriteNote(args.Option("rules"), format, language, stdout);
        return exit;
    }
}
