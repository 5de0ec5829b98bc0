using System;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Utility;

namespace ChiBo.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as Markdown (báo cáo dạng Markdown): the title as a heading, each section's
/// facts as a list, its table as a pipe table, its bullets and its notes as quotes — what <c>chibo plan|due|audit
/// --format md</c> prints, so a host shows the same report.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>Writes the document.</summary>
    /// <param name="document">The report.</param>
    /// <param name="writer">Where to write it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ReportDocument document, TextWriter writer)
    {
        Preconditions.CheckNotNull(document, nameof(document));
        Preconditions.CheckNotNull(writer, nameof(writer));
        writer.Write(ToMarkdown(document));
    }

    /// <summary>The document as Markdown text.</summary>
    /// <param name="document">The report.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToMarkdown(ReportDocument document)
    {
        Preconditions.CheckNotNull(document, nameof(document));
        var text = new StringBuilder();
        if (document.Letterhead is { } head)
        {
            // The two-column heading of a party document as a two-column table (Hướng dẫn 36-HD/VPTW).
            text.Append("| ").Append(Cell(head.Superior ?? string.Empty)).Append(" | **").Append(Cell(ReportLetterhead.PartyHeading)).Append("** |\n|:---:|:---:|\n");
            text.Append("| **").Append(Cell(head.Issuer)).Append("** | *").Append(Cell(head.DateLine)).Append("* |\n");
            text.Append("| ").Append(Cell(head.Number ?? string.Empty)).Append(" | |\n\n");
        }

        text.Append("# ").Append(Inline(document.Title)).Append("\n\n");
        foreach (var line in document.Subtitle)
        {
            text.Append(Inline(line)).Append("  \n");
        }

        foreach (var paragraph in document.Preamble)
        {
            text.Append('\n').Append(Inline(paragraph)).Append('\n');
        }

        foreach (var section in document.Sections)
        {
            text.Append(section.IsPart ? "\n## " : "\n### ").Append(Inline(section.Title)).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                text.Append(Inline(paragraph)).Append("\n\n");
            }

            foreach (var (label, value) in section.Facts)
            {
                text.Append("- ").Append(Inline(label)).Append(": **").Append(Inline(value)).Append("**\n");
            }

            if (section.Facts.Count > 0 && (section.Table is not null || section.Bullets.Count > 0))
            {
                text.Append('\n');
            }

            foreach (var chart in section.Charts)
            {
                if (text.Length > 1 && !(text[^1] == '\n' && text[^2] == '\n'))
                {
                    text.Append('\n');
                }

                text.Append("*").Append(Inline(chart.Title)).Append("*: ")
                    .Append(string.Join("; ", chart.Bars.Select(b => Inline(b.Label) + " " + b.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture))))
                    .Append(chart.TargetLabel is { } target ? " (" + Inline(target) + ")" : string.Empty).Append("\n\n");
            }

            if (section.Table is { } table)
            {
                text.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
                text.Append('|').Append(string.Concat(table.Headers.Select(_ => "---|"))).Append('\n');
                foreach (var (cells, _) in table.Rows)
                {
                    text.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");
                }

                if (section.Bullets.Count > 0)
                {
                    text.Append('\n');
                }
            }

            foreach (var (line, emphasis) in section.Bullets)
            {
                text.Append("- ").Append(emphasis == Emphasis.Bad ? "**" + Inline(line) + "**" : Inline(line)).Append('\n');
            }

            if (section.IsEmpty && section.Empty is { } empty)
            {
                text.Append(Inline(empty)).Append('\n');
            }

            foreach (var note in section.Notes)
            {
                text.Append("\n> ").Append(Inline(note)).Append('\n');
            }
        }

        if (document.Letterhead is { } end)
        {
            text.Append("\n| **").Append(Cell(end.RecipientsLabel)).Append("** | **").Append(Cell(end.Authority ?? string.Empty)).Append("** |\n|:---|:---:|\n");
            var right = new[] { end.SignerTitle ?? string.Empty, string.Empty, end.SignerName ?? string.Empty };
            var rows = System.Math.Max(end.Recipients.Count, right.Length);
            for (var i = 0; i < rows; i++)
            {
                var left = i < end.Recipients.Count ? "- " + end.Recipients[i] + (i == end.Recipients.Count - 1 ? "." : ",") : string.Empty;
                var cell = i < right.Length && right[i].Length > 0 ? "**" + Cell(right[i]) + "**" : string.Empty;
                text.Append("| ").Append(Cell(left)).Append(" | ").Append(cell).Append(" |\n");
            }
        }

        return text.ToString();
    }

    // Markdown: escape what would change the meaning of plain text; in table cells, the pipe too.
    private static string Inline(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
