using System.Collections.Generic;

namespace ChiBo.Cli.Reports;

/// <summary>How a row or line should stand out (coloured on a terminal; plain text elsewhere).</summary>
internal enum Emphasis
{
    None,
    Good,
    Warning,
    Bad,
}

/// <summary>
/// A report as a neutral document (title, sections of key-value facts, tables, bullets and notes), so that the
/// terminal table and the Markdown report say exactly the same things.
/// </summary>
internal sealed class ReportDocument(string title)
{
    public string Title { get; } = title;

    public List<string> Subtitle { get; } = [];

    public List<ReportSection> Sections { get; } = [];

    public ReportSection Section(string title)
    {
        var section = new ReportSection(title);
        Sections.Add(section);
        return section;
    }
}

/// <summary>One section: facts (label, value), then a table, then bullets, then notes; each part optional.</summary>
internal sealed class ReportSection(string title)
{
    public string Title { get; } = title;

    public List<(string Label, string Value)> Facts { get; } = [];

    public ReportTable? Table { get; set; }

    public List<(string Text, Emphasis Emphasis)> Bullets { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Shown when the section has nothing else, e.g. "none".</summary>
    public string? Empty { get; set; }
}

/// <summary>A table with a header row and rows of text.</summary>
internal sealed class ReportTable(params string[] headers)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public List<(string[] Cells, Emphasis Emphasis)> Rows { get; } = [];

    public ReportTable Row(Emphasis emphasis, params string[] cells)
    {
        Rows.Add((cells, emphasis));
        return this;
    }

    public ReportTable Row(params string[] cells) => Row(Emphasis.None, cells);
}
