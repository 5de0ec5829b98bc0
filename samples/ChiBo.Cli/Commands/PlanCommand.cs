using System.IO;
using ChiBo.Cli.Reports;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo plan ROSTER --year YYYY [--as-of DATE]</c>: the cell's admission plan of a year.</summary>
internal sealed class PlanCommand : ICliCommand
{
    public string Name => "plan";

    public string Usage => "ROSTER --year yyyy [--as-of yyyy-MM-dd] " + ReportOutput.FormatUsage;

    public string Summary => "a roster's admission plan for a year: target vs admitted, pipeline, priority groups, warnings";

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
        var plan = CliServices.PlannerFor(args.Option("rules")).Plan(roster, year, asOf);
        return ReportOutput.Write(plan, () => ReportDocuments.Plan(plan, language), format, plan.Errors, Name, stdout, stderr);
    }
}
