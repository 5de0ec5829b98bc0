using System.IO;
using ChiBo.Cli.Reports;
using ChiBo.Reports;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo audit ROSTER --year YYYY [--as-of DATE]</c>: the supervision audit of a year.</summary>
internal sealed class AuditCommand : ICliCommand
{
    public string Name => "audit";

    public CliSpec Spec { get; } = new(
        new("kiểm tra, giám sát của một năm: vi phạm theo quy định và hồ sơ, phát hiện, kết quả quản lý đảng viên", "a roster's supervision audit of a year: violations by rule and case, findings, member outcomes"),
        [PlanCommand.RosterArgument],
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
        var audit = CliServices.PlannerFor(args.Option("rules")).Audit(roster, year, asOf);
        var options = ReportOutput.Options(args, roster);
        var exit = ReportOutput.Write(audit, () => ReportDocuments.Audit(audit, language, options), format, args, audit.Errors, Name, stdout, stderr);
        Provenance.WriteNote(args.Option("rules"), format, language, stdout);
        return exit;
    }
}
