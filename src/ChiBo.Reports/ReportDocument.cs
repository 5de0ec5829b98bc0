using System.Collections.Generic;

namespace ChiBo.Reports;

/// <summary>How a row or line should stand out (coloured on a terminal; plain text elsewhere).</summary>
public enum Emphasis
{
    /// <summary>Plain.</summary>
    None,

    /// <summary>Good news (green on a terminal).</summary>
    Good,

    /// <summary>A warning (yellow).</summary>
    Warning,

    /// <summary>A finding against the rules (red; bold in Markdown).</summary>
    Bad,
}

/// <summary>
/// A report as a neutral document (title, sections of key-value facts, tables, bullets and notes), so that the
/// terminal table and the Markdown report say exactly the same things (báo cáo). Build one with
/// <see cref="ReportDocuments"/>; write it with <see cref="ReportMarkdown"/>, or render it as a host likes.
/// </summary>
/// <param name="title">The report's title.</param>
public sealed class ReportDocument(string title)
{
    /// <summary>The report's title.</summary>
    public string Title { get; } = title;

    /// <summary>Lines under the title: the cell, the date, the supervisor.</summary>
    public List<string> Subtitle { get; } = [];

    /// <summary>The sections, in order.</summary>
    public List<ReportSection> Sections { get; } = [];

    /// <summary>Adds a section at the end.</summary>
    /// <param name="title">The section's title.</param>
    /// <returns>The new section.</returns>
    public ReportSection Section(string title)
    {
        var section = new ReportSection(title);
        Sections.Add(section);
        return section;
    }
}

/// <summary>One section: facts (label, value), then a table, then bullets, then notes; each part optional.</summary>
/// <param name="title">The section's title.</param>
public sealed class ReportSection(string title)
{
    /// <summary>The section's title.</summary>
    public string Title { get; } = title;

    /// <summary>Key facts: a label and its value.</summary>
    public List<(string Label, string Value)> Facts { get; } = [];

    /// <summary>A table, or null.</summary>
    public ReportTable? Table { get; set; }

    /// <summary>Bullet lines, each with its emphasis.</summary>
    public List<(string Text, Emphasis Emphasis)> Bullets { get; } = [];

    /// <summary>Notes after the section (how a number is counted, a reading taken).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Shown when the section has nothing else, e.g. "none".</summary>
    public string? Empty { get; set; }
}

/// <summary>A table with a header row and rows of text.</summary>
/// <param name="headers">The column headers.</param>
public sealed class ReportTable(params string[] headers)
{
    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>The rows: their cells and emphasis.</summary>
    public List<(string[] Cells, Emphasis Emphasis)> Rows { get; } = [];

    /// <summary>Adds a row.</summary>
    /// <param name="emphasis">How the row stands out.</param>
    /// <param name="cells">The row's cells, one per header.</param>
    /// <returns>This table, for chaining.</returns>
    public ReportTable Row(Emphasis emphasis, params string[] cells)
    {
        Rows.Add((cells, emphasis));
        return this;
    }

    /// <summary>Adds a plain row.</summary>
    /// <param name="cells">The row's cells, one per header.</param>
    /// <returns>This table, for chaining.</returns>
    public ReportTable Row(params string[] cells) => Row(Emphasis.None, cells);
}
