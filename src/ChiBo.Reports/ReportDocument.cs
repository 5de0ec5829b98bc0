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

    /// <summary>
    /// The party document's heading and signature (Hướng dẫn 36-HD/VPTW), or null: then the document is a plain report
    /// with <see cref="Title"/> and <see cref="Subtitle"/> (what the terminal table and Markdown always show first).
    /// </summary>
    public ReportLetterhead? Letterhead { get; set; }

    /// <summary>Paragraphs between the title and the first section (the grounds, "Căn cứ …").</summary>
    public List<string> Preamble { get; } = [];

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

/// <summary>One section: paragraphs, facts (label, value), a chart, a table, bullets, then notes; each part optional.</summary>
/// <param name="title">The section's title.</param>
public sealed class ReportSection(string title)
{
    /// <summary>The section's title.</summary>
    public string Title { get; } = title;

    /// <summary>Whether the section is a part of the document (I., II., III.: capitals, bold) rather than an item within one.</summary>
    public bool IsPart { get; set; }

    /// <summary>Prose paragraphs, before the facts.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Bar charts, after the facts (pictures in HTML and Word; a small table in text formats).</summary>
    public List<ReportChart> Charts { get; } = [];

    /// <summary>Key facts: a label and its value.</summary>
    public List<(string Label, string Value)> Facts { get; } = [];

    /// <summary>Pictures as SVG elements (e.g. a case's timeline), after the charts; shown by HTML only.</summary>
    public List<string> Pictures { get; } = [];

    /// <summary>Whether the section has no facts, table, bullets, paragraphs, charts or pictures (then <see cref="Empty"/> is shown).</summary>
    public bool IsEmpty => Facts.Count == 0 && Table is null && Bullets.Count == 0 && Paragraphs.Count == 0 && Charts.Count == 0 && Pictures.Count == 0;

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

/// <summary>
/// The heading and signature of a party document (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW): on the left the
/// superior's name, the issuing cell and the number; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date; the
/// kind and summary as the title; at the end the recipients on the left and the signature block on the right.
/// </summary>
public sealed class ReportLetterhead
{
    /// <summary>The heading on the right, "ĐẢNG CỘNG SẢN VIỆT NAM".</summary>
    public const string PartyHeading = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>The direct superior's name in capitals (e.g. "ĐẢNG BỘ QUẬN HẢI CHÂU"), or null when the cell file does not give it.</summary>
    public string? Superior { get; init; }

    /// <summary>The issuing cell's name in capitals (e.g. "CHI BỘ TRƯỜNG THPT TRẦN PHÚ").</summary>
    public required string Issuer { get; init; }

    /// <summary>The number line, e.g. "Số 19-KH/CB", or null.</summary>
    public string? Number { get; init; }

    /// <summary>The place and date line, e.g. "Đà Nẵng, ngày 10 tháng 6 năm 2019".</summary>
    public required string DateLine { get; init; }

    /// <summary>The kind of document in capitals, e.g. "KẾ HOẠCH" or "BÁO CÁO".</summary>
    public required string Kind { get; init; }

    /// <summary>The summary under the kind, e.g. "phát triển đảng viên năm 2020".</summary>
    public required string Summary { get; init; }

    /// <summary>The recipients, each without its leading dash ("Nơi nhận").</summary>
    public List<string> Recipients { get; } = [];

    /// <summary>The signer's authority, e.g. "T/M CẤP ỦY CHI BỘ", or null.</summary>
    public string? Authority { get; init; }

    /// <summary>The signer's position in capitals, e.g. "BÍ THƯ", or null.</summary>
    public string? SignerTitle { get; init; }

    /// <summary>The signer's name, or null (then the block leaves the name blank).</summary>
    public string? SignerName { get; init; }

    /// <summary>The label of the recipients, "Nơi nhận:" or "Recipients:".</summary>
    public string RecipientsLabel { get; init; } = "Nơi nhận:";
}

/// <summary>A bar chart: one bar per category, with an optional target band (e.g. the admission target 3–5).</summary>
/// <param name="title">The chart's title.</param>
public sealed class ReportChart(string title)
{
    /// <summary>The chart's title.</summary>
    public string Title { get; } = title;

    /// <summary>The bars: a label and a value.</summary>
    public List<(string Label, double Value)> Bars { get; } = [];

    /// <summary>The least and most of a target band drawn across the bars, or null.</summary>
    public (double Min, double Max)? Target { get; set; }

    /// <summary>The label of the target band, e.g. "chỉ tiêu 3–5".</summary>
    public string? TargetLabel { get; set; }

    /// <summary>The label of the value axis, e.g. "Số người".</summary>
    public string? ValueLabel { get; set; }
}
