using System;
using System.IO;
using System.Linq;
using ChiBo.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using SpectreText = Spectre.Console.Text;

namespace ChiBo.Cli.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> as a terminal table (Spectre.Console) or as Markdown.</summary>
internal static class ReportRenderer
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test's writer).</summary>
    public const int RedirectedWidth = 140;

    /// <summary>
    /// A console writing to the given writer. Colours and ANSI codes only when the writer is the process's own
    /// stdout on a terminal and NO_COLOR is not set; otherwise plain text at a fixed width.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter writer) => CreateConsole(writer, IsTerminal(writer));

    private static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    public static void WriteTable(ReportDocument document, TextWriter writer)
    {
        if (IsTerminal(writer))
        {
            WriteTable(document, CreateConsole(writer, terminal: true));
            return;
        }

        // Plain text: render, then drop the padding Spectre leaves at the end of lines (it would follow a paste).
        var buffer = new StringWriter();
        WriteTable(document, CreateConsole(buffer, terminal: false));
        foreach (var line in buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            writer.WriteLine(line.TrimEnd());
        }
    }

    private static void WriteTable(ReportDocument document, IAnsiConsole console)
    {
        console.Write(new SpectreText(document.Title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        foreach (var line in document.Subtitle)
        {
            console.Write(new SpectreText(line));
            console.WriteLine();
        }

        foreach (var paragraph in document.Preamble)
        {
            console.WriteLine();
            console.Write(new SpectreText(paragraph));
            console.WriteLine();
        }

        foreach (var section in document.Sections)
        {
            console.WriteLine();
            console.Write(new SpectreText(section.Title, new Style(decoration: Decoration.Bold | (section.IsPart ? Decoration.None : Decoration.Underline))));
            console.WriteLine();
            if (section.Paragraphs.Count > 0)
            {
                var paragraphs = new Grid().AddColumn(new GridColumn().PadLeft(2));
                foreach (var paragraph in section.Paragraphs)
                {
                    paragraphs.AddRow(new SpectreText(paragraph));
                }

                console.Write(paragraphs);
            }

            if (section.Facts.Count > 0)
            {
                var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
                foreach (var (label, value) in section.Facts)
                {
                    grid.AddRow(new SpectreText("  " + label), new SpectreText(value, new Style(decoration: Decoration.Bold)));
                }

                console.Write(grid);
            }

            foreach (var chart in section.Charts)
            {
                var bars = new BarChart().Label("  " + chart.Title + (chart.TargetLabel is { } target ? $" ({target})" : string.Empty)).LeftAlignLabel().Width(70);
                foreach (var (label, value) in chart.Bars)
                {
                    bars.AddItem(label, value, Color.Red);
                }

                console.Write(bars);
            }

            if (section.Table is { } table)
            {
                var rendered = new Table().Border(TableBorder.Square).BorderStyle(new Style(Color.Grey));
                foreach (var header in table.Headers)
                {
                    rendered.AddColumn(new TableColumn(new SpectreText(header, new Style(decoration: Decoration.Bold))));
                }

                foreach (var (cells, emphasis) in table.Rows)
                {
                    rendered.AddRow(cells.Select(c => (IRenderable)new SpectreText(c, StyleOf(emphasis))).ToArray());
                }

                console.Write(rendered);
            }

            if (section.Bullets.Count > 0)
            {
                // A grid keeps a wrapped bullet's continuation lines under its text, not under the bullet.
                var bullets = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1)).AddColumn();
                foreach (var (text, emphasis) in section.Bullets)
                {
                    bullets.AddRow(new SpectreText("•", StyleOf(emphasis)), new SpectreText(text, StyleOf(emphasis)));
                }

                console.Write(bullets);
            }

            if (section.IsEmpty && section.Empty is { } empty)
            {
                console.Write(new SpectreText("  " + empty));
                console.WriteLine();
            }

            if (section.Notes.Count > 0)
            {
                var notes = new Grid().AddColumn(new GridColumn().PadLeft(2));
                foreach (var note in section.Notes)
                {
                    notes.AddRow(new SpectreText(note, new Style(Color.Grey)));
                }

                console.Write(notes);
            }
        }
    }

    public static void WriteMarkdown(ReportDocument document, TextWriter writer) => ReportMarkdown.Write(document, writer);

    private static Style StyleOf(Emphasis emphasis) => emphasis switch
    {
        Emphasis.Good => new Style(Color.Green),
        Emphasis.Warning => new Style(Color.Yellow),
        Emphasis.Bad => new Style(Color.Red),
        _ => Style.Plain,
    };
}
