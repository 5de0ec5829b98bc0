using System.IO;
using System.Linq;
using ChiBo.Utility;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ChiBo.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a Word file (.docx, Open XML) in the layout of a party document (Hướng dẫn
/// 36-HD/VPTW): A4 with margins 20/15/20/30 mm, Times New Roman 14 pt; the two-column heading as a borderless table
/// (the superior, the cell in bold, a star, the number | "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, the place and date in
/// italics); the kind and summary; the parts; the charts as pictures; the recipients and the signature block. Without a
/// letterhead, the plain title and subtitle.
/// </summary>
public static class ReportWord
{
    private const string Font = "Times New Roman";

    // The text's width on A4 with margins of 30 mm (left) and 15 mm (right), in twips; the heading's columns.
    private const int TextWidth = 11906 - 1701 - 850;
    private const int LeftWidth = 5150;
    private const int HeadingOverhang = 284; // the heading's table reaches 5 mm into each margin, as the guidance's examples do
    private const int RightWidth = TextWidth + (2 * HeadingOverhang) - LeftWidth;

    /// <summary>Writes the document.</summary>
    /// <param name="document">The report.</param>
    /// <param name="stream">Where to write the .docx; left open.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static void Write(ReportDocument document, Stream stream)
    {
        Preconditions.CheckNotNull(document, nameof(document));
        Preconditions.CheckNotNull(stream, nameof(stream));
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var pictures = 0;
            if (document.Letterhead is { } head)
            {
                body.Append(Heading(head));
                body.Append(Para(head.Kind, JustificationValues.Center, bold: true, size: 16, before: 18));
                body.Append(Para(head.Summary, JustificationValues.Center, bold: true, size: 14));
                body.Append(Para("-----", JustificationValues.Center, size: 14, after: 10));
            }
            else
            {
                body.Append(Para(document.Title, JustificationValues.Center, bold: true, size: 15, after: 4));
                foreach (var line in document.Subtitle)
                {
                    body.Append(Para(line, JustificationValues.Center, size: 13));
                }
            }

            foreach (var paragraph in document.Preamble)
            {
                body.Append(Para(paragraph, JustificationValues.Both, indent: true, after: 6));
            }

            foreach (var section in document.Sections)
            {
                body.Append(Para(section.Title, JustificationValues.Left, bold: true, before: section.IsPart ? 10 : 6, after: 3, keepNext: true));
                foreach (var paragraph in section.Paragraphs)
                {
                    body.Append(Para(paragraph, JustificationValues.Both, indent: true, after: 3));
                }

                foreach (var (label, value) in section.Facts)
                {
                    var p = Para("- " + label + ": ", JustificationValues.Left, indent: true, after: 2);
                    p.Append(Run(value, bold: true));
                    body.Append(p);
                }

                foreach (var chart in section.Charts)
                {
                    body.Append(Picture(main, ReportCharts.ToPng(chart, 1280, 600, 2), ++pictures, chart.Title));
                }

                if (section.Table is { } table)
                {
                    body.Append(Grid(table));
                    body.Append(Para(string.Empty, JustificationValues.Left, size: 6));
                }

                foreach (var (text, emphasis) in section.Bullets)
                {
                    body.Append(Para("- " + text, JustificationValues.Both, indent: true, after: 2, colour: Colour(emphasis)));
                }

                if (section.IsEmpty && section.Empty is { } empty)
                {
                    body.Append(Para(empty, JustificationValues.Left, indent: true, after: 3));
                }

                foreach (var note in section.Notes)
                {
                    body.Append(Para(note, JustificationValues.Both, italic: true, size: 12, indent: true, after: 3));
                }
            }

            if (document.Letterhead is { } end)
            {
                body.Append(Para(string.Empty, JustificationValues.Left, size: 8));
                body.Append(Closing(end));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    // The heading: a borderless table of two columns (45% | 55%).
    private static Table Heading(ReportLetterhead head)
    {
        var left = new TableCell(CellWidth(LeftWidth));
        if (head.Superior is { } superior)
        {
            left.Append(Para(superior, JustificationValues.Center, size: 14));
        }

        left.Append(Para(head.Issuer, JustificationValues.Center, bold: true, size: 14));
        left.Append(Para("*", JustificationValues.Center, size: 14));
        if (head.Number is { } number)
        {
            left.Append(Para(number, JustificationValues.Center, size: 14));
        }

        var right = new TableCell(CellWidth(RightWidth));
        var party = Para(string.Empty, JustificationValues.Center);
        party.Append(Run(ReportLetterhead.PartyHeading, bold: true, size: 15, underline: true));
        right.Append(party);
        right.Append(Para(head.DateLine, JustificationValues.Center, italic: true, size: 14, before: 10));
        return Borderless(left, right);
    }

    private static Table Closing(ReportLetterhead end)
    {
        var left = new TableCell(CellWidth(LeftWidth));
        left.Append(Para(end.RecipientsLabel, JustificationValues.Left, bold: true, italic: true, size: 12));
        for (var i = 0; i < end.Recipients.Count; i++)
        {
            left.Append(Para("- " + end.Recipients[i] + (i == end.Recipients.Count - 1 ? "." : ","), JustificationValues.Left, size: 11));
        }

        if (end.Recipients.Count == 0)
        {
            left.Append(Para(string.Empty, JustificationValues.Left, size: 11));
        }

        var right = new TableCell(CellWidth(RightWidth));
        right.Append(Para(end.Authority ?? string.Empty, JustificationValues.Center, bold: true, size: 14));
        right.Append(Para(end.SignerTitle ?? string.Empty, JustificationValues.Center, bold: true, size: 14));
        for (var i = 0; i < 4; i++)
        {
            right.Append(Para(string.Empty, JustificationValues.Center, size: 14));
        }

        right.Append(Para(end.SignerName ?? string.Empty, JustificationValues.Center, bold: true, size: 14));
        return Borderless(left, right);
    }

    private static Table Borderless(TableCell left, TableCell right)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(
                new TableWidth { Width = (LeftWidth + RightWidth).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableIndentation { Width = -HeadingOverhang, Type = TableWidthUnitValues.Dxa },
                none, new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = LeftWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = RightWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new TableRow(left, right));
    }

    private static TableCellProperties CellWidth(int twips) => new(new TableCellWidth { Width = twips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });

    private static Table Grid(ReportTable table)
    {
        // Column widths by content: the longest cell (capped) or the header's longest word, whichever is more.
        // A short column (dates, counts, statuses: at most 12 letters) gets the room to stay on one line (12 pt Times:
        // about 125 twips a letter, plus the cell's margins); the long ones share the rest by their longest text.
        var lengths = table.Headers.Select((h, i) => (
            Longest: table.Rows.Select(r => i < r.Cells.Length ? r.Cells[i].Length : 0).DefaultIfEmpty(0).Max(),
            Word: h.Length <= 8 ? h.Length : h.Split(' ').Max(w => w.Length))).ToArray(); // a short header on one line
        var fixedWidths = lengths.Select(l => l.Longest <= 12 ? System.Math.Max(l.Longest * 125, l.Word * 170) + 260 : 0).ToArray(); // headers are bold
        var rest = System.Math.Max(TextWidth / 4, TextWidth - fixedWidths.Sum());
        var weights = lengths.Select((l, i) => fixedWidths[i] > 0 ? 0 : System.Math.Clamp(System.Math.Max(l.Word + 3, l.Longest), 8, 22)).ToArray();
        var widths = fixedWidths.Select((f, i) => f > 0 ? f : rest * weights[i] / System.Math.Max(1, weights.Sum())).ToArray();
        var grid = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        grid.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray()));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < table.Headers.Count; i++)
        {
            header.Append(new TableCell(new TableCellProperties(CellWidth(widths[i]).Elements<TableCellWidth>().First().CloneNode(true),
                new Shading { Val = ShadingPatternValues.Clear, Fill = "EEEEEE", Color = "auto" }),
                Para(table.Headers[i], JustificationValues.Center, bold: true, size: 12)));
        }

        grid.Append(header);
        foreach (var (cells, emphasis) in table.Rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < cells.Length; i++)
            {
                row.Append(new TableCell(CellWidth(i < widths.Length ? widths[i] : 1000), Para(cells[i], JustificationValues.Left, size: 12, colour: Colour(emphasis))));
            }

            grid.Append(row);
        }

        return grid;
    }

    private static string? Colour(Emphasis emphasis) => emphasis switch
    {
        Emphasis.Bad => "B71C1C",
        Emphasis.Warning => "8D6E00",
        _ => null,
    };

    private static Paragraph Para(string text, JustificationValues justification, bool bold = false, bool italic = false, int size = 14,
        bool indent = false, int before = 0, int after = 0, bool keepNext = false, string? colour = null)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new SpacingBetweenLines { Before = (before * 20).ToString(System.Globalization.CultureInfo.InvariantCulture), After = (after * 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = "567" });
        }

        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, bold, italic, size, colour: colour));
        }

        return paragraph;
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int size = 14, bool underline = false, string? colour = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (colour is not null)
        {
            properties.Append(new Color { Val = colour });
        }

        var half = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    // A PNG as an inline picture, 16 cm wide (the standard DrawingML inline of a picture).
    private static Paragraph Picture(MainDocumentPart main, byte[] png, int id, string name)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        var relationship = main.GetIdOfPart(part);
        const long cx = 5760000L; // 16 cm in EMU
        const long cy = cx * 600 / 1280;
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Wp.DocProperties { Id = (UInt32Value)(uint)id, Name = "Chart " + id, Description = name },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = 0U, Name = "chart" + id + ".png" },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }
}
