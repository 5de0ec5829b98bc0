using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>The provenance note after a plan, due or audit report.</summary>
internal static partial class Provenance
{
    /// <summary>Writes <see cref="Note"/> after a human-readable report made with <c>--rules</c> rules that are not all shipped.</summary>
    public static void WriteNote(string? rules, Reports.ReportFormat format, Language lang, System.IO.TextWriter stdout)
    {
        if (rules is not null && format is Reports.ReportFormat.Table or Reports.ReportFormat.Markdown && Note(RuleFolders.Catalog(rules), lang) is { } note)
        {
            stdout.WriteLine();
            stdout.WriteLine(note);
        }
    }
}
