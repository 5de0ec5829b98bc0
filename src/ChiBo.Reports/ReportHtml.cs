using System.Text;
using ChiBo.Utility;

namespace ChiBo.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an HTML fragment (báo cáo dạng HTML): the title as a heading, each section's
/// facts as a definition list, its table, its bullets and its notes; emphasis as the classes <c>good</c>, <c>warn</c> and
/// <c>bad</c>. Every text is HTML-encoded. A host puts it in its own page.
/// </summary>
public static class ReportHtml
{
    /// <summary>The document as an HTML fragment.</summary>
    /// <param name="document">The report.</param>
    /// <returns>The HTML.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToHtml(ReportDocument document)
    {
        Preconditions.CheckNotNull(document, nameof(document));
        var html = new StringBuilder();
        html.Append("<h2>").Append(E(document.Title)).Append("</h2>");
        foreach (var line in document.Subtitle)
        {
            html.Append("<p>").Append(E(line)).Append("</p>");
        }

        Body(document, html);
        return html.ToString();
    }

    /// <summary>
    /// The document as one printable, self-contained HTML page (A4, Times New Roman, print CSS; no script, no external
    /// file): with a letterhead, the party document's layout of Hướng dẫn 36-HD/VPTW (the two-column heading, the kind
    /// and summary, the parts, the recipients and the signature block); without one, the plain title and subtitle.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="lang">The page's language (its <c>lang</c> attribute): "vi" or "en".</param>
    /// <returns>The HTML page.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToPage(ReportDocument document, string lang = "vi")
    {
        Preconditions.CheckNotNull(document, nameof(document));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(lang)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(document.Title)).Append("</title><style>")
            .Append(PageCss).Append("</style></head><body><main class=\"page\">");
        if (document.Letterhead is { } head)
        {
            html.Append("<table class=\"letterhead\"><tr><td class=\"issuer\">");
            if (head.Superior is { } superior)
            {
                html.Append("<div class=\"superior\">").Append(E(superior)).Append("</div>");
            }

            html.Append("<div class=\"cell\">").Append(E(head.Issuer)).Append("</div><div class=\"star\">*</div>");
            if (head.Number is { } number)
            {
                html.Append("<div class=\"number\">").Append(E(number)).Append("</div>");
            }

            html.Append("</td><td class=\"party\"><div class=\"heading\"><span>").Append(E(ReportLetterhead.PartyHeading)).Append("</span></div>")
                .Append("<div class=\"dateline\">").Append(E(head.DateLine)).Append("</div></td></tr></table>");
            html.Append("<h1 class=\"kind\">").Append(E(head.Kind)).Append("</h1><p class=\"summary\">").Append(E(head.Summary)).Append("</p><hr class=\"short\">");
        }
        else
        {
            html.Append("<h1 class=\"kind\">").Append(E(document.Title)).Append("</h1>");
            foreach (var line in document.Subtitle)
            {
                html.Append("<p class=\"subtitle\">").Append(E(line)).Append("</p>");
            }
        }

        foreach (var paragraph in document.Preamble)
        {
            html.Append("<p class=\"para\">").Append(E(paragraph)).Append("</p>");
        }

        Body(document, html);
        if (document.Letterhead is { } end)
        {
            html.Append("<table class=\"closing\"><tr><td class=\"recipients\"><div class=\"label\">").Append(E(end.RecipientsLabel)).Append("</div>");
            for (var i = 0; i < end.Recipients.Count; i++)
            {
                html.Append("<div>- ").Append(E(end.Recipients[i])).Append(i == end.Recipients.Count - 1 ? "." : ",").Append("</div>");
            }

            html.Append("</td><td class=\"signature\">");
            if (end.Authority is { } authority)
            {
                html.Append("<div class=\"authority\">").Append(E(authority)).Append("</div>");
            }

            if (end.SignerTitle is { } title)
            {
                html.Append("<div class=\"title\">").Append(E(title)).Append("</div>");
            }

            html.Append("<div class=\"sign-space\"></div>");
            if (end.SignerName is { } name)
            {
                html.Append("<div class=\"name\">").Append(E(name)).Append("</div>");
            }

            html.Append("</td></tr></table>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>The print style of <see cref="ToPage"/>: A4 with the margins of Hướng dẫn 36-HD/VPTW, Times New Roman 14 pt.</summary>
    private const string PageCss =
        "@page{size:A4;margin:20mm 15mm 20mm 30mm}"
        + "body{margin:0;background:#e8e8e8;font-family:'Times New Roman',Times,'Liberation Serif','DejaVu Serif',serif;font-size:14pt;line-height:1.35;color:#000}"
        + ".page{box-sizing:border-box;width:210mm;min-height:297mm;margin:12px auto;padding:20mm 15mm 20mm 30mm;background:#fff;box-shadow:0 0 6px rgba(0,0,0,.3)}"
        + "@media print{body{background:#fff}.page{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}}"
        + "table.letterhead,table.closing{width:100%;border-collapse:collapse;border:0;margin:0 0 6pt}"
        + "table.letterhead td,table.closing td{border:0;vertical-align:top;padding:0}"
        + ".issuer{width:50%;text-align:center}.party{width:50%;text-align:center}"
        + ".superior{font-size:14pt}.cell{font-size:14pt;font-weight:bold;white-space:nowrap}.star{line-height:1}.number{font-size:14pt;white-space:pre}"
        + ".heading span{font-size:15pt;font-weight:bold;border-bottom:1px solid #000;padding-bottom:1px}.dateline{font-style:italic;margin-top:10pt}"
        + "h1.kind{font-size:16pt;text-align:center;margin:18pt 0 0}p.summary{text-align:center;font-weight:bold;margin:0}"
        + "hr.short{width:25%;border:0;border-top:1px solid #000;margin:4pt auto 12pt}p.subtitle{text-align:center;margin:0}"
        + "p.para{text-align:justify;text-indent:1cm;margin:0 0 6pt}"
        + "h2.part{font-size:14pt;font-weight:bold;margin:12pt 0 4pt}h3{font-size:14pt;font-weight:bold;margin:8pt 0 4pt}"
        + "dl{margin:0 0 6pt 1cm}dt{display:inline}dt::after{content:': '}dd{display:inline;margin:0;font-weight:bold}dd::after{content:'';display:block}"
        + "table.data{width:100%;border-collapse:collapse;font-size:12pt;margin:4pt 0 6pt;page-break-inside:auto}"
        + "table.data th,table.data td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}table.data th{background:#f0f0f0}"
        + "table.data tr{page-break-inside:avoid}tr.bad td{color:#b71c1c}tr.warn td{color:#8d6e00}"
        + "ul{margin:0 0 6pt 0.6cm;padding-left:0.6cm}li.bad{color:#b71c1c}li.warn{color:#8d6e00}"
        + "blockquote{margin:2pt 0 6pt 1cm;font-size:12pt;font-style:italic}"
        + "figure{margin:6pt 0;text-align:center;page-break-inside:avoid}figure svg{max-width:100%;height:auto}"
        + ".recipients{width:50%;font-size:11pt}.recipients .label{font-size:12pt;font-weight:bold;font-style:italic}"
        + ".signature{width:50%;text-align:center;font-weight:bold}.sign-space{height:70pt}";

    private static void Body(ReportDocument document, StringBuilder html)
    {
        foreach (var section in document.Sections)
        {
            html.Append(section.IsPart ? "<h2 class=\"part\">" : "<h3>").Append(E(section.Title)).Append(section.IsPart ? "</h2>" : "</h3>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p class=\"para\">").Append(E(paragraph)).Append("</p>");
            }

            if (section.Facts.Count > 0)
            {
                html.Append("<dl>");
                foreach (var (label, value) in section.Facts)
                {
                    html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
                }

                html.Append("</dl>");
            }

            foreach (var chart in section.Charts)
            {
                html.Append("<figure class=\"chart\">").Append(ReportCharts.ToSvg(chart)).Append("</figure>");
            }

            foreach (var picture in section.Pictures)
            {
                html.Append("<figure class=\"picture\">").Append(picture).Append("</figure>");
            }

            if (section.Table is { } table)
            {
                html.Append("<table class=\"data\"><tr>");
                foreach (var header in table.Headers)
                {
                    html.Append("<th>").Append(E(header)).Append("</th>");
                }

                html.Append("</tr>");
                foreach (var (cells, emphasis) in table.Rows)
                {
                    html.Append("<tr").Append(Class(emphasis)).Append('>');
                    foreach (var cell in cells)
                    {
                        html.Append("<td>").Append(E(cell)).Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</table>");
            }

            if (section.Bullets.Count > 0)
            {
                html.Append("<ul>");
                foreach (var (text, emphasis) in section.Bullets)
                {
                    html.Append("<li").Append(Class(emphasis)).Append('>').Append(E(text)).Append("</li>");
                }

                html.Append("</ul>");
            }

            if (section.IsEmpty && section.Empty is { } empty)
            {
                html.Append("<p>").Append(E(empty)).Append("</p>");
            }

            foreach (var note in section.Notes)
            {
                html.Append("<blockquote>").Append(E(note)).Append("</blockquote>");
            }
        }
    }

    /// <summary>
    /// Encodes text for HTML: only <c>&amp; &lt; &gt; " '</c> are escaped, so Vietnamese letters stay as they are in UTF-8
    /// (a page is UTF-8; <c>WebUtility.HtmlEncode</c> would write "ó" as <c>&amp;#243;</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (text.IndexOfAny(['&', '<', '>', '"', '\'']) < 0)
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    private static string E(string text) => Encode(text);

    private static string Class(Emphasis emphasis) => emphasis switch
    {
        Emphasis.Good => " class=\"good\"",
        Emphasis.Warning => " class=\"warn\"",
        Emphasis.Bad => " class=\"bad\"",
        _ => string.Empty,
    };
}
