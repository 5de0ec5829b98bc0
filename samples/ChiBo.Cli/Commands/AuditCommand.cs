using System.IO;
using ChiBo.Cli.Reports;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo audit ROSTER --year YYYY [--as-of DATE]</c>: the supervision audit of a year.</summary>
internal sealed class AuditCommand : ICliCommand
{
    public string Name => "audit";

    public string Usage => "ROSTER --year yyyy [--as-of yyyy-MM-dd] " + ReportOutput.FormatUsage;

    public string Summary => "a roster's supervision audit of a year: violations by rule and case, findings, member outcomes";

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        args.ExpectOnly("year", "as-of", "lang", "format", "rules");
        args.ExpectPositionalCount(1);
        var folder = args.RequirePositional(0, "the roster folder (ROSTER)");
        var year = ReportOutput.Year(args);
        var asOf = ReportOutput.AsOf(args);
        var format = ReportOutput.Format(args);
        var language = args.Language;
        var roster = RosterFiles.Load(folder);
        var audit = CliServices.PlannerFor(args.Option("rules")).Audit(roster, year, asOf);
        return ReportOutput.Write(audit, () => ReportDocuments.Audit(audit, language), format, audit.Errors, Name, stdout, stderr);
    }
}
