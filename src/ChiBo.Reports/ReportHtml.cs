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

        foreach (var section in document.Sections)
        {
            html.Append("<h3>").Append(E(section.Title)).Append("</h3>");
            if (section.Facts.Count > 0)
            {
                html.Append("<dl>");
                foreach (var (label, value) in section.Facts)
                {
                    html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
                }

                html.Append("</dl>");
            }

            if (section.Table is { } table)
            {
                html.Append("<table><tr>");
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

            if (section.Facts.Count == 0 && section.Table is null && section.Bullets.Count == 0 && section.Empty is { } empty)
            {
                html.Append("<p>").Append(E(empty)).Append("</p>");
            }

            foreach (var note in section.Notes)
            {
                html.Append("<blockquote>").Append(E(note)).Append("</blockquote>");
            }
        }

        return html.ToString();
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
