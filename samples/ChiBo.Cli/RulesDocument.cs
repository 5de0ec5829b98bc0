using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using ChiBo.Lifecycle;
using ChiBo.Rules;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>
/// The rules as a document an official reads (<c>chibo rules show</c>): per era and gate, each rule's message, reading,
/// source, parameters and expression; a table of every parameter across the eras with each change marked; each era's
/// sources and provenance. Rendered as Markdown or as one self-contained printable HTML page.
/// </summary>
internal static class RulesDocument
{
    private static readonly string[] LevelsVi = ["không", "tiểu học", "trung học cơ sở", "trung học phổ thông", "trung cấp", "cao đẳng", "đại học", "sau đại học"];
    private static readonly string[] LevelsEn = ["none", "primary", "lower secondary", "upper secondary", "vocational", "college", "university", "postgraduate"];

    private abstract record Block;

    private sealed record Heading(int Level, string Text, string? Anchor = null, string? Code = null) : Block;

    private sealed record Para(string Text) : Block;

    private sealed record Items(IReadOnlyList<string> Lines) : Block;

    private sealed record Code(string Text) : Block;

    private sealed record Grid(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows) : Block;

    /// <summary>A parameter's value as an official reads it: "216 tháng (18 tuổi)", "trung học cơ sở", "30 ngày làm việc".</summary>
    public static string Value(RuleParameterInfo p, Language lang)
    {
        var en = lang == Language.English;
        if (p.Unit == "educationLevel" && p.Value is >= 0 and < 8)
        {
            return en ? LevelsEn[p.Value] : LevelsVi[p.Value];
        }

        var n = p.Value.ToString(CultureInfo.InvariantCulture);
        return p.Unit switch
        {
            "months" when p.Name.Contains("Age", StringComparison.Ordinal) && p.Value % 12 == 0 => en ? $"{n} months ({p.Value / 12} years)" : $"{n} tháng ({p.Value / 12} tuổi)",
            "months" => en ? $"{n} months" : $"{n} tháng",
            "years" => en ? $"{n} years" : $"{n} tuổi",
            "workingDays" => en ? $"{n} working days" : $"{n} ngày làm việc",
            "members" => en ? $"{n} members" : $"{n} đảng viên",
            "times" => en ? $"{n} time(s)" : $"{n} lần",
            _ => n,
        };
    }

    private static List<Block> Build(IReadOnlyList<RuleSet> eras, IReadOnlyList<RuleSet> all, Language lang)
    {
        var en = lang == Language.English;
        var blocks = new List<Block>
        {
            new Heading(1, en ? "The rules of party-member development (ChiBo)" : "Các quy định về phát triển đảng viên (ChiBo)"),
            new Para(en
                ? "Each era's rules, gate by gate: what each rule requires, the reading taken where the text is ambiguous, its legal source, and the parameters (numbers) it uses. A gate is judged by the era in force on the day of its event."
                : "Quy định của từng thời kỳ, theo từng bước: mỗi quy định yêu cầu gì, cách hiểu khi văn bản chưa rõ, căn cứ pháp lý và các tham số (con số) quy định đó dùng. Mỗi bước được xét theo bộ quy định có hiệu lực vào ngày diễn ra bước đó."),
        };

        foreach (var set in eras)
        {
            var next = all.FirstOrDefault(s => s.EffectiveFrom > set.EffectiveFrom);
            blocks.Add(new Heading(2, $"{set.Title.In(lang)} ({set.Id})", set.Id));
            var facts = new List<string>
            {
                (en ? "In force: from " : "Hiệu lực: từ ") + set.EffectiveFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                    + (next is null ? (en ? " (still in force)" : " (đang có hiệu lực)") : (en ? " to " : " đến ") + next.EffectiveFrom.PlusDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                Provenance.Sentence(set.Id, set.Origin, lang) + $" ({set.Digest})",
                (en ? "Sources: " : "Căn cứ: ") + string.Join("; ", set.Sources),
            };
            if (set.Description is { } description)
            {
                facts.Add((en ? "Note: " : "Ghi chú: ") + description);
            }

            blocks.Add(new Items(facts));
            foreach (var workflow in set.Workflows)
            {
                blocks.Add(new Heading(3, $"{Labels.Gate(workflow.Gate, lang)} ({workflow.Gate.JsonName()})"));
                foreach (var rule in workflow.Rules)
                {
                    blocks.Add(new Heading(4, rule.Title.In(lang), Code: rule.Id));
                    var lines = new List<string>
                    {
                        (en ? "Requires: " : "Yêu cầu: ") + rule.Message.In(lang),
                    };
                    if (rule.Finding is { } finding)
                    {
                        lines.Add((en ? "When it fails, states: " : "Khi không đạt, ghi nhận: ") + finding.In(lang));
                    }
                    if ((rule.DescriptionText?.In(lang) ?? rule.Description) is { } reading)
                    {
                        lines.Add((en ? "Reading: " : "Cách hiểu: ") + reading);
                    }

                    lines.Add((en ? "Source: " : "Căn cứ: ") + rule.Source + (rule.SourceNote is { } note ? $" ({note.In(lang)})" : string.Empty));
                    var parameters = Provenance.ParametersOf(rule);
                    if (parameters.Count > 0)
                    {
                        var changed = Provenance.Changed(set, rule).ToDictionary(c => c.Name, c => c.Shipped, StringComparer.Ordinal);
                        lines.Add((en ? "Parameters: " : "Tham số: ") + string.Join("; ", parameters.Where(set.Parameters.Info.ContainsKey).Select(n =>
                        {
                            var info = set.Parameters.Info[n];
                            var text = $"{n} = {Value(info, lang)}";
                            if (changed.TryGetValue(n, out var shipped))
                            {
                                text += en ? $" (edited; shipped: {Value(info with { Value = shipped }, lang)})" : $" (đã sửa; bản phát hành: {Value(info with { Value = shipped }, lang)})";
                            }

                            return text + $" — {info.Source}";
                        })));
                    }

                    if (rule.PendingWhen is { } pending)
                    {
                        lines.Add((en ? "Awaits the gate's act while: " : "Chờ thực hiện khi: ") + pending);
                    }

                    blocks.Add(new Items(lines));
                    blocks.Add(new Code(rule.Expression));
                }
            }
        }

        blocks.AddRange(ParameterTable(all.Count > 1 ? all : eras, lang));
        return blocks;
    }

    private static List<Block> ParameterTable(IReadOnlyList<RuleSet> eras, Language lang)
    {
        var en = lang == Language.English;
        var blocks = new List<Block>
        {
            new Heading(2, en ? "Parameters across the eras" : "Bảng tham số qua các thời kỳ", "parameters"),
            new Para(en
                ? "Each parameter's value in each era. ◆ marks a value that changed from the era before; ◇ marks the same value with another wording (see the notes below)."
                : "Giá trị của từng tham số trong từng thời kỳ. ◆ đánh dấu giá trị thay đổi so với thời kỳ trước; ◇ đánh dấu cùng giá trị nhưng đổi cách diễn đạt (xem ghi chú bên dưới)."),
        };
        var names = RuleParameters.Names.Where(n => eras.Any(s => s.Parameters.Info.ContainsKey(n))).ToArray();
        var rows = new List<string[]>();
        var notes = new List<string>();
        foreach (var name in names)
        {
            var row = new List<string> { name };
            RuleParameterInfo? before = null;
            string? beforeEra = null;
            foreach (var set in eras)
            {
                if (!set.Parameters.Info.TryGetValue(name, out var info))
                {
                    row.Add("—");
                    continue;
                }

                var cell = Value(info, lang);
                if (set.Shipped is { } shipped && set.Origin == Evaluation.RuleSetOrigin.Edited
                    && shipped.Parameters.Info.TryGetValue(name, out var original) && original.Value != info.Value)
                {
                    cell += en ? $" (edited; shipped {Value(original, lang)})" : $" (đã sửa; bản phát hành {Value(original, lang)})";
                }

                if (before is not null)
                {
                    if (before.Value != info.Value)
                    {
                        cell = "◆ " + cell;
                        notes.Add(en
                            ? $"{name}: {Value(before, lang)} in {beforeEra} → {Value(info, lang)} in {set.Id} ({info.Source})."
                            : $"{name}: {Value(before, lang)} ở {beforeEra} → {Value(info, lang)} ở {set.Id} ({info.Source}).");
                    }
                    else if (before.Description != info.Description && info.Description is { } wording)
                    {
                        // A new text citing itself for the same number is expected; a changed reading of it is what an official must see.
                        cell = "◇ " + cell;
                        notes.Add(en
                            ? $"{name} ({beforeEra} → {set.Id}): same value, the wording changed: \"{wording}\" ({info.Source})."
                            : $"{name} ({beforeEra} → {set.Id}): cùng giá trị, đổi cách diễn đạt: \"{wording}\" ({info.Source}).");
                    }
                }

                before = info;
                beforeEra = set.Id;
                row.Add(cell);
            }

            rows.Add([.. row]);
        }

        blocks.Add(new Grid([en ? "parameter" : "tham số", .. eras.Select(e => e.Id)], rows));
        if (notes.Count > 0)
        {
            blocks.Add(new Heading(3, en ? "Changes between eras" : "Những thay đổi giữa các thời kỳ"));
            blocks.Add(new Items(notes));
        }

        return blocks;
    }

    public static string Markdown(IReadOnlyList<RuleSet> eras, IReadOnlyList<RuleSet> all, Language lang)
    {
        var o = new StringBuilder();
        foreach (var block in Build(eras, all, lang))
        {
            switch (block)
            {
                case Heading h:
                    o.Append('#', h.Level).Append(' ').Append(h.Code is { } code ? $"{h.Text} (`{code}`)" : h.Text).Append("\n\n");
                    break;
                case Para p:
                    o.Append(p.Text).Append("\n\n");
                    break;
                case Items list:
                    foreach (var line in list.Lines)
                    {
                        o.Append("- ").Append(line).Append('\n');
                    }

                    o.Append('\n');
                    break;
                case Code c:
                    o.Append("```\n").Append(c.Text).Append("\n```\n\n");
                    break;
                case Grid g:
                    o.Append("| ").Append(string.Join(" | ", g.Headers)).Append(" |\n");
                    o.Append('|').Append(string.Concat(g.Headers.Select(_ => "---|"))).Append('\n');
                    foreach (var row in g.Rows)
                    {
                        o.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
                    }

                    o.Append('\n');
                    break;
            }
        }

        return o.ToString();
    }

    public static string Html(IReadOnlyList<RuleSet> eras, IReadOnlyList<RuleSet> all, Language lang)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var o = new StringBuilder();
        var title = lang == Language.English ? "The rules of party-member development (ChiBo)" : "Các quy định về phát triển đảng viên (ChiBo)";
        o.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang == Language.English ? "en" : "vi").Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n");
        o.Append("""
            <style>
            body { font-family: "Times New Roman", serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
            h1 { text-align: center; font-size: 1.6rem; } h2 { border-bottom: 2px solid #a00; padding-bottom: .2rem; margin-top: 2.5rem; }
            h3 { color: #a00; margin-top: 1.8rem; } h4 { font-family: monospace; font-size: 1rem; margin: 1.2rem 0 .3rem; }
            ul { margin: .2rem 0 .6rem; } pre { background: #f4f4f4; padding: .4rem .6rem; white-space: pre-wrap; font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { border: 1px solid #999; padding: .25rem .4rem; vertical-align: top; text-align: left; }
            th { background: #eee; }
            @media print { body { margin: 0; max-width: none; } h2 { page-break-before: always; } h4, pre, tr { page-break-inside: avoid; } }
            </style>
            </head>
            <body>

            """);
        foreach (var block in Build(eras, all, lang))
        {
            switch (block)
            {
                case Heading h:
                    o.Append($"<h{h.Level}").Append(h.Anchor is { } a ? $" id=\"{E(a)}\"" : string.Empty).Append('>').Append(E(h.Text)).Append(h.Code is { } hc ? $" (<code>{E(hc)}</code>)" : string.Empty).Append($"</h{h.Level}>\n");
                    break;
                case Para p:
                    o.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case Items list:
                    o.Append("<ul>\n");
                    foreach (var line in list.Lines)
                    {
                        o.Append("<li>").Append(E(line)).Append("</li>\n");
                    }

                    o.Append("</ul>\n");
                    break;
                case Code c:
                    o.Append("<pre>").Append(E(c.Text)).Append("</pre>\n");
                    break;
                case Grid g:
                    o.Append("<table>\n<tr>").Append(string.Concat(g.Headers.Select(x => $"<th>{E(x)}</th>"))).Append("</tr>\n");
                    foreach (var row in g.Rows)
                    {
                        o.Append("<tr>").Append(string.Concat(row.Select(x => $"<td>{E(x)}</td>"))).Append("</tr>\n");
                    }

                    o.Append("</table>\n");
                    break;
            }
        }

        return o.Append("</body>\n</html>\n").ToString();
    }
}
