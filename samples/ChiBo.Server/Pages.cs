using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Reports;
using ChiBo.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Server;

/// <summary>
/// The pages a secretary or an official opens in a browser (server-rendered, no build step, Vietnamese by default,
/// <c>?lang=en</c> for English; a browser's language is not asked, since officials' browsers are often English): the rules explorer (<c>/rules</c>), a case (<c>/case</c>: paste or
/// upload a case file and a date → stage, checks, deadlines, violations and the timeline) and a roster (<c>/roster</c>:
/// upload a zip → due work, plan and audit).
/// </summary>
internal static class Pages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpRequest r) => Page(r, T(r, "ChiBo", "ChiBo"), Home(PageLanguage(r)))).ExcludeFromDescription();
        app.MapGet("/rules", (HttpRequest r, ServerRules rules) => RulesPage(r, rules)).ExcludeFromDescription();
        app.MapGet("/case", (HttpRequest r) => Page(r, T(r, "Đánh giá một hồ sơ", "Evaluate a case"), CaseForm(PageLanguage(r), null, "2019-06-10"))).ExcludeFromDescription();
        app.MapPost("/case", CasePage).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/roster", (HttpRequest r) => Page(r, T(r, "Danh sách của chi bộ", "The cell's roster"), RosterForm(PageLanguage(r)))).ExcludeFromDescription();
        app.MapPost("/roster", RosterPage).ExcludeFromDescription().DisableAntiforgery();
    }

    private static string T(HttpRequest r, string vi, string en) => PageLanguage(r) == Language.English ? en : vi;

    /// <summary>The pages are Vietnamese unless <c>?lang=en</c> asks for English (a browser's own language is not asked: officials' browsers are often English).</summary>
    private static Language PageLanguage(HttpRequest request) => request.Query["lang"].FirstOrDefault() == "en" ? Language.English : Language.Vietnamese;

    private static string H(string? text) => ReportHtml.Encode(text ?? string.Empty);

    private static string D(LocalDate? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    private static IResult Page(HttpRequest request, string title, string body)
    {
        var en = PageLanguage(request) == Language.English;
        var html = $$"""
            <!doctype html>
            <html lang="{{(en ? "en" : "vi")}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{{H(title)}}</title>
            <style>
            body{font-family:system-ui,"Segoe UI",sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;color:#222}
            nav a{margin-right:1rem} table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
            th{background:#f4f4f4} .bad{color:#b00020} .good{color:#1b6e20} .warn{color:#8a6d00} code{background:#f3f3f3;padding:0 .2em}
            textarea{width:100%;height:14rem;font-family:monospace} @media print{nav,form{display:none} }
            </style></head><body>
            <nav><a href="/?lang={{(en ? "en" : "vi")}}">ChiBo</a><a href="/rules?lang={{(en ? "en" : "vi")}}">{{(en ? "Rules" : "Quy định")}}</a><a href="/case?lang={{(en ? "en" : "vi")}}">{{(en ? "A case" : "Hồ sơ")}}</a><a href="/roster?lang={{(en ? "en" : "vi")}}">{{(en ? "A roster" : "Danh sách chi bộ")}}</a><a href="/docs">API</a></nav>
            <h1>{{H(title)}}</h1>
            {{body}}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Home(Language lang) => lang == Language.English
        ? "<p>Party-member development for a party cell: the rules by era, a case as of a date, a roster's due work, plan and audit. Nothing is stored: each page judges what it is sent.</p>"
        : "<p>Phát triển đảng viên của chi bộ: quy định theo từng thời kỳ, một hồ sơ tính đến một ngày, việc đến hạn, kế hoạch và kiểm tra của danh sách chi bộ. Không lưu dữ liệu: mỗi trang đánh giá những gì được gửi đến.</p>";

    private static IResult RulesPage(HttpRequest request, ServerRules rules)
    {
        var lang = PageLanguage(request);
        var en = lang == Language.English;
        if (rules.Current is not { } snapshot)
        {
            return Page(request, en ? "Rules" : "Quy định", $"<p class=\"bad\">{(en ? "The rules are not loaded." : "Quy định chưa nạp được.")}</p>");
        }

        var html = new StringBuilder();
        var sets = snapshot.Catalog.RuleSets;
        html.Append(CultureInfo.InvariantCulture, $"<p>{(en ? "Rule sets" : "Các bộ quy định")}: {sets.Length}. {(en ? "Digest" : "Mã băm")}: <code>{H(snapshot.Digest)}</code></p>");
        html.Append("<h2>").Append(en ? "Parameters by era" : "Tham số theo thời kỳ").Append("</h2><table><tr><th>").Append(en ? "Parameter" : "Tham số").Append("</th>");
        foreach (var set in sets)
        {
            html.Append("<th>").Append(H(set.Id)).Append("<br>").Append(D(set.EffectiveFrom)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var name in sets.SelectMany(s => s.Parameters.Info.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append("<tr><td><code>").Append(H(name)).Append("</code></td>");
            int? previous = null;
            foreach (var set in sets)
            {
                if (set.Parameters.Info.TryGetValue(name, out var info))
                {
                    var changed = previous is { } p && p != info.Value;
                    html.Append(changed ? "<td class=\"warn\">" : "<td>").Append(info.Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(H(info.Unit))
                        .Append(changed ? (en ? " (changed)" : " (thay đổi)") : string.Empty).Append("<br><small>").Append(H(info.Source)).Append("</small></td>");
                    previous = info.Value;
                }
                else
                {
                    html.Append("<td>—</td>");
                }
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        foreach (var set in sets)
        {
            html.Append("<h2>").Append(H(set.Id)).Append(" — ").Append(H(set.Title.In(lang))).Append("</h2><p>")
                .Append(en ? "In force from " : "Có hiệu lực từ ").Append(D(set.EffectiveFrom)).Append(". ").Append(en ? "Sources: " : "Căn cứ: ")
                .Append(H(string.Join("; ", set.Sources))).Append("</p>");
            foreach (var workflow in set.Workflows)
            {
                html.Append("<h3>").Append(H(Labels.Gate(workflow.Gate).In(lang))).Append("</h3><table><tr><th>")
                    .Append(en ? "Rule" : "Quy định").Append("</th><th>").Append(en ? "Requirement" : "Yêu cầu").Append("</th><th>")
                    .Append(en ? "Reading taken" : "Cách hiểu").Append("</th><th>").Append(en ? "Source" : "Căn cứ").Append("</th></tr>");
                foreach (var rule in workflow.Rules)
                {
                    html.Append("<tr><td><code>").Append(H(rule.Id)).Append("</code></td><td>").Append(H(rule.Message.In(lang))).Append("</td><td>")
                        .Append(H(rule.DescriptionText?.In(lang) ?? rule.Description)).Append("</td><td>").Append(H(rule.Source)).Append("</td></tr>");
                }

                html.Append("</table>");
            }
        }

        return Page(request, en ? "Rules by era" : "Quy định theo thời kỳ", html.ToString());
    }

    private static string CaseForm(Language lang, string? text, string asOf)
    {
        var en = lang == Language.English;
        return $"""
            <form method="post" enctype="multipart/form-data">
            <p><label>{(en ? "Case file (paste the JSON)" : "Hồ sơ (dán nội dung JSON)")}<br><textarea name="case" id="case">{H(text)}</textarea></label></p>
            <p><label>{(en ? "or upload it" : "hoặc tải tệp lên")} <input type="file" name="file" accept=".json"></label></p>
            <p><label>{(en ? "As of" : "Tính đến ngày")} <input type="date" name="asOf" id="asOf" value="{H(asOf)}"></label>
            <button type="submit" id="evaluate">{(en ? "Evaluate" : "Đánh giá")}</button></p>
            </form>
            """;
    }

    private static async Task<IResult> CasePage(HttpRequest request, ServerRules rules, CancellationToken cancellationToken)
    {
        var lang = PageLanguage(request);
        var en = lang == Language.English;
        var form = await request.ReadFormAsync(cancellationToken);
        var text = form["case"].FirstOrDefault();
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            if (file.Length > CaseFileSerializer.MaxFileBytes)
            {
                return Page(request, en ? "A case" : "Hồ sơ", $"<p class=\"bad\">{(en ? "The file is too large." : "Tệp quá lớn.")}</p>");
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        var asOfText = form["asOf"].FirstOrDefault() ?? string.Empty;
        var body = new StringBuilder(CaseForm(lang, text, asOfText));
        if (rules.Current is not { } snapshot)
        {
            return Page(request, en ? "A case" : "Hồ sơ", body.Append($"<p class=\"bad\">{(en ? "The rules are not loaded." : "Quy định chưa nạp được.")}</p>").ToString());
        }

        if (LocalDatePattern.Iso.Parse(asOfText) is not { Success: true } parsed || EvaluationError.CheckAsOf(parsed.Value) is not null)
        {
            return Page(request, en ? "A case" : "Hồ sơ", body.Append($"<p class=\"bad\">{(en ? "Give a date between 1900 and 2100." : "Hãy nhập một ngày trong khoảng 1900–2100.")}</p>").ToString());
        }

        var read = CaseFileSerializer.Read(text ?? string.Empty, en ? "the case" : "hồ sơ");
        if (!read.IsValid)
        {
            body.Append("<h2 class=\"bad\">").Append(en ? "The case file could not be read" : "Hồ sơ không đọc được").Append("</h2><ul>");
            foreach (var error in read.Errors)
            {
                body.Append("<li>").Append(H(error.ToString())).Append("</li>");
            }

            return Page(request, en ? "A case" : "Hồ sơ", body.Append("</ul>").ToString());
        }

        var result = new CaseEvaluator(snapshot.Catalog).Evaluate(read.Value, parsed.Value);
        if (!result.IsValid)
        {
            body.Append("<h2 class=\"bad\">").Append(en ? "The case could not be evaluated" : "Hồ sơ không đánh giá được").Append("</h2><p>")
                .Append(H(result.Rejection?.Reason.In(lang) ?? result.Error?.Message.In(lang) ?? string.Join("; ", result.Errors))).Append("</p>");
            return Page(request, en ? "A case" : "Hồ sơ", body.ToString());
        }

        body.Append(Answer(read.Value, result.Value, lang));
        return Page(request, $"{read.Value.Person.FullName} — {(en ? "as of" : "tính đến ngày")} {D(parsed.Value)}", body.ToString());
    }

    private static string Answer(CaseFile caseFile, CaseEvaluation e, Language lang)
    {
        var en = lang == Language.English;
        var html = new StringBuilder();
        html.Append("<table id=\"summary\">")
            .Append("<tr><th>").Append(en ? "Stage" : "Giai đoạn").Append("</th><td id=\"stage\">").Append(H(Labels.Stage(e.Stage).In(lang))).Append("</td></tr>")
            .Append("<tr><th>").Append(en ? "Next gate" : "Bước tiếp theo").Append("</th><td>").Append(H(Labels.Gate(e.NextGate).In(lang))).Append("</td></tr>")
            .Append("<tr><th>").Append(en ? "Rule set" : "Bộ quy định").Append("</th><td>").Append(H(e.RuleSet ?? "—")).Append("</td></tr>")
            .Append("<tr><th>").Append(en ? "Party entry" : "Ngày vào Đảng").Append("</th><td>").Append(D(e.Dates.PartyEntry)).Append("</td></tr>")
            .Append("<tr><th>").Append(en ? "Probation ends" : "Hết dự bị").Append("</th><td>").Append(D(e.Dates.ProbationEnds)).Append("</td></tr></table>");
        if (e.Checks.Count > 0)
        {
            html.Append("<h2>").Append(en ? "Checks for the next gate" : "Điều kiện của bước tiếp theo").Append("</h2><table><tr><th>").Append(en ? "Outcome" : "Kết quả")
                .Append("</th><th>").Append(en ? "Requirement" : "Yêu cầu").Append("</th><th>").Append(en ? "Source" : "Căn cứ").Append("</th></tr>");
            foreach (var check in e.Checks)
            {
                html.Append("<tr class=\"").Append(check.Passed ? "good" : check.Pending ? string.Empty : "bad").Append("\"><td>").Append(H(Labels.Outcome(check).In(lang)))
                    .Append("</td><td>").Append(H(check.Message.In(lang))).Append("</td><td>").Append(H(check.Source)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (e.Deadlines.Count > 0)
        {
            html.Append("<h2>").Append(en ? "Deadlines" : "Thời hạn").Append("</h2><table><tr><th>").Append(en ? "What" : "Việc").Append("</th><th>")
                .Append(en ? "Due" : "Hạn").Append("</th><th>").Append(en ? "Status" : "Tình trạng").Append("</th><th>").Append(en ? "Source" : "Căn cứ").Append("</th></tr>");
            foreach (var d in e.Deadlines)
            {
                html.Append("<tr class=\"").Append(d.Status is DeadlineStatus.Overdue or DeadlineStatus.MetLate ? "bad" : string.Empty).Append("\"><td>")
                    .Append(H(Labels.Deadline(d.Action).In(lang))).Append("</td><td>").Append(D(d.Due)).Append("</td><td>").Append(H(Labels.Status(d.Status).In(lang)))
                    .Append("</td><td>").Append(H(d.Source)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h2>").Append(en ? "Violations" : "Vi phạm").Append("</h2>");
        if (e.Violations.Count == 0)
        {
            html.Append("<p class=\"good\">").Append(en ? "None found." : "Không phát hiện.").Append("</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var v in e.Violations)
            {
                html.Append("<li class=\"bad\">").Append(H(v.Message.In(lang))).Append(" — ").Append(H(v.Source)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>").Append(en ? "Timeline" : "Diễn biến").Append("</h2>").Append(CaseTimeline.ToSvg(caseFile, e, lang, "timeline"));
        return html.ToString();
    }

    private static string RosterForm(Language lang)
    {
        var en = lang == Language.English;
        return $"""
            <form method="post" enctype="multipart/form-data">
            <p><label>{(en ? "The roster as a zip (cell.json and *.case.json)" : "Danh sách dạng tệp zip (cell.json và các tệp *.case.json)")} <input type="file" name="roster" id="roster" accept=".zip"></label></p>
            <p><label>{(en ? "As of" : "Tính đến ngày")} <input type="date" name="asOf" id="asOf" value="2019-12-31"></label>
            <button type="submit" id="show">{(en ? "Show" : "Xem")}</button></p>
            </form>
            """;
    }

    private static async Task<IResult> RosterPage(HttpRequest request, ServerRules rules, IOptions<ServerSettings> settings, CancellationToken cancellationToken)
    {
        var lang = PageLanguage(request);
        var en = lang == Language.English;
        var title = en ? "The cell's roster" : "Danh sách của chi bộ";
        var form = await request.ReadFormAsync(cancellationToken);
        if (rules.Current is not { } snapshot || form.Files.GetFile("roster") is not { Length: > 0 } file
            || LocalDatePattern.Iso.Parse(form["asOf"].FirstOrDefault() ?? string.Empty) is not { Success: true } parsed
            || parsed.Value.Year is < CellPlanner.MinYear or > CellPlanner.MaxYear)
        {
            return Page(request, title, RosterForm(lang) + $"<p class=\"bad\">{(en ? "Upload a roster zip and give a date (1930–2099)." : "Hãy tải lên tệp zip và nhập ngày (1930–2099).")}</p>");
        }

        await using var stream = file.OpenReadStream();
        var (roster, error) = await ChiBoServer.ReadZip(stream, settings.Value.MaxBatchBytes, cancellationToken);
        if (roster is null)
        {
            return Page(request, title, RosterForm(lang) + $"<p class=\"bad\">{H(error)}</p>");
        }

        var planner = new CellPlanner(new CaseEvaluator(snapshot.Catalog));
        var date = parsed.Value;
        var html = new StringBuilder(RosterForm(lang));
        var options = new ReportOptions { Roster = roster };
        var due = planner.Due(roster, date);
        var plan = planner.Plan(roster, date.Year, date);
        var audit = planner.Audit(roster, date.Year, date);
        html.Append("<section id=\"due\">").Append(Downloads("due", ReportDocuments.Due(due, lang, options), lang))
            .Append(ReportHtml.ToHtml(ReportDocuments.Due(due, lang))).Append("</section>");
        html.Append("<section id=\"plan\">").Append(Downloads("plan", ReportDocuments.Plan(plan, lang, options), lang))
            .Append(ReportHtml.ToHtml(ReportDocuments.Plan(plan, lang))).Append("</section>");
        html.Append("<section id=\"audit\">").Append(Downloads("audit", ReportDocuments.Audit(audit, lang, options), lang))
            .Append(ReportHtml.ToHtml(ReportDocuments.Audit(audit, lang))).Append("</section>");
        return Page(request, title, html.ToString());
    }

    /// <summary>
    /// Issue 16: links to download a report as Markdown, a printable HTML page and a Word file (with the roster's
    /// letterhead). The files are in the links themselves (data: URLs), so the roster is not sent again.
    /// </summary>
    private static string Downloads(string name, ReportDocument document, Language lang)
    {
        var en = lang == Language.English;
        var word = new MemoryStream();
        ReportWord.Write(document, word);
        string Link(string id, string file, string type, byte[] bytes, string label) =>
            $"<a id=\"{id}\" download=\"{file}\" href=\"data:{type};base64,{Convert.ToBase64String(bytes)}\">{label}</a>";
        return "<p class=\"downloads\">" + (en ? "Download: " : "Tải về: ")
            + Link($"{name}-md", $"{name}.md", "text/markdown;charset=utf-8", Encoding.UTF8.GetBytes(ReportMarkdown.ToMarkdown(document)), "Markdown") + " · "
            + Link($"{name}-html", $"{name}.html", "text/html;charset=utf-8", Encoding.UTF8.GetBytes(ReportHtml.ToPage(document, en ? "en" : "vi")), en ? "HTML (print)" : "HTML (để in)") + " · "
            + Link($"{name}-docx", $"{name}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.ToArray(), "Word")
            + "</p>";
    }
}
