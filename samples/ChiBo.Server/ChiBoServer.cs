using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Reports;
using ChiBo.Rules.Batch;
using ChiBo.Serialization;
using ChiBo.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Server;

/// <summary>
/// ChiBo over HTTP: the routes under <c>/v1</c>, <c>/healthz</c>, <c>/readyz</c>, the OpenAPI document
/// (<c>/openapi/v1.json</c>) and its reference page (<c>/docs</c>). Stateless: it judges what it is sent.
/// </summary>
public static class ChiBoServer
{
    /// <summary>The header carrying the digest of the rules that judged an answer.</summary>
    public const string DigestHeader = "ChiBo-Rules-Digest";

    /// <summary>Builds the app (used by <c>Program</c>, by <c>chibo serve</c> and by the tests).</summary>
    /// <param name="args">Host arguments (<c>--urls</c>, configuration).</param>
    /// <param name="configure">Changes the settings after configuration was read, or null.</param>
    /// <returns>The app, not started.</returns>
    public static WebApplication Build(string[] args, Action<ServerSettings>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        Configure(builder, configure);
        var app = builder.Build();
        Map(app);
        return app;
    }

    /// <summary>Adds the service's settings, rules, limits, timeouts and OpenAPI to a builder.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the settings, or null.</param>
    public static void Configure(WebApplicationBuilder builder, Action<ServerSettings>? configure = null)
    {
        builder.Services.AddOptions<ServerSettings>().Bind(builder.Configuration.GetSection("ChiBo")).Configure(s => configure?.Invoke(s));
        builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<ServerRules>();
        builder.Services.AddHostedService(p => p.GetRequiredService<ServerRules>());
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(30),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ServerSettings>>((o, s) =>
            o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = s.Value.RequestTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable });
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerSettings>>((k, s) => k.Limits.MaxRequestBodySize = s.Value.MaxBatchBytes);
    }

    /// <summary>Maps the routes.</summary>
    /// <param name="app">The app.</param>
    public static void Map(WebApplication app)
    {
        app.UseRequestTimeouts();
        app.MapOpenApi();
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", (ServerRules rules, HttpRequest request) => rules.Current is not null
            ? Results.Text("ready")
            : Problems.Of(503, "rules.notReady", new("quy định chưa nạp được", "the rules are not loaded"), Problems.LanguageOf(request), ToCaseErrors(rules.Errors)))
            .ExcludeFromDescription();
        app.MapGet("/docs", () => Results.Content(ReferencePage, "text/html; charset=utf-8")).ExcludeFromDescription();

        Pages.Map(app);
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/evaluate", Evaluate).WithSummary("A case file (any content type) → the contract's answer as of a date");
        v1.MapPost("/evaluate/batch", EvaluateBatch).WithSummary("NDJSON of case files → NDJSON of answers, streamed, one line each");
        v1.MapPost("/roster/{report}", RosterReport).WithSummary("A roster as a zip (cell.json and *.case.json) → the plan, due work or audit as JSON, Markdown (format=md), HTML (format=html) or Word (format=docx)");
        v1.MapGet("/rules", RulesOf).WithSummary("The rules: eras, gates, rules, parameters with their values by era — what chibo rules show --format json prints (format=md|html for the document)");
        v1.MapGet("/calendar/{year:int}", Calendar).WithSummary("A year's days off and worked weekends (official or computed)");
        v1.MapPost("/workdays/add", AddWorkdays).WithSummary("The last day of N working days from a date");
        v1.MapPost("/workdays/count", CountWorkdays).WithSummary("The working days after the first date up to the second");
    }

    private static IResult NotReady(ServerRules rules, Language language) =>
        Problems.Of(503, "rules.notReady", new("quy định chưa nạp được: dịch vụ chưa sẵn sàng", "the rules are not loaded: the service is not ready"), language, ToCaseErrors(rules.Errors));

    private static List<CaseFileError> ToCaseErrors(IEnumerable<Rules.RuleLoadError> errors) =>
        [.. errors.Select(e => new CaseFileError(e.Code, (e.Rule is null ? string.Empty : $"rule '{e.Rule}': ") + e.Message, e.File, e.Line, e.Column, e.Path))];

    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    private static bool TryAsOf(HttpRequest request, string? asOf, out LocalDate date, out IResult? problem)
    {
        var language = Problems.LanguageOf(request);
        problem = null;
        if (asOf is null)
        {
            // Today in Vietnam from the host's clock (IClock; SystemClock unless a host registered another).
            date = request.HttpContext.RequestServices.GetRequiredService<IClock>().GetCurrentInstant().InZone(Vietnam).Date;
            return true;
        }

        if (LocalDatePattern.Iso.Parse(asOf) is { Success: true } parsed)
        {
            date = parsed.Value;
            if (EvaluationError.CheckAsOf(date) is { } error)
            {
                problem = Problems.Of(400, error.Code, new("ngày tính đến nằm ngoài lịch", "the as-of date is outside the calendar"), language, detail: error.Message);
                return false;
            }

            return true;
        }

        date = default;
        problem = Problems.Of(400, "asOf.invalid", new("ngày tính đến không đúng dạng năm-tháng-ngày", "asOf is not a date yyyy-MM-dd"), language,
            detail: new($"asOf phải là ngày dạng yyyy-MM-dd, không phải '{asOf}'", $"asOf must be a date yyyy-MM-dd, not '{asOf}'"));
        return false;
    }

    private static async Task<IResult> Evaluate(HttpContext context, string? asOf, ServerRules rules, IOptions<ServerSettings> settings, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var language = Problems.LanguageOf(request);
        if (rules.Current is not { } snapshot)
        {
            return NotReady(rules, language);
        }

        if (!TryAsOf(request, asOf, out var date, out var problem))
        {
            return problem!;
        }

        if (request.ContentLength > settings.Value.MaxCaseBytes)
        {
            return TooLarge(language, request.ContentLength.Value, settings.Value.MaxCaseBytes);
        }

        var read = await CaseFileSerializer.ReadAsync(request.Body, "request body", cancellationToken);
        if (!read.IsValid)
        {
            return read.Errors.Any(e => e.Code == "file.tooLarge")
                ? TooLarge(language, null, settings.Value.MaxCaseBytes)
                : Problems.Of(400, read.Errors[0].Code, new("hồ sơ không đọc được", "the case file could not be read"), language, read.Errors);
        }

        var result = new CaseEvaluator(snapshot.Catalog).Evaluate(read.Value, date);
        if (!result.IsValid)
        {
            return Problems.Of(422, result.Errors[0].Code, new("hồ sơ không đánh giá được", "the case could not be evaluated"), language, result.Errors,
                result.Rejection?.Reason ?? result.Error?.Message);
        }

        context.Response.Headers[DigestHeader] = snapshot.Digest;
        // Byte for byte what `chibo evaluate … --json` prints, its final new line included.
        return Results.Text(JsonSerializer.Serialize(result.Value, ChiBoJson.Options) + "\n", "application/json; charset=utf-8");
    }

    private static IResult TooLarge(Language language, long? length, long max) =>
        Problems.Of(413, "file.tooLarge", new("nội dung gửi quá lớn", "the request body is too large"), language,
            detail: new($"nội dung {(length is { } l ? $"{l} byte " : string.Empty)}vượt giới hạn {max} byte", $"the body{(length is { } n ? $" of {n} bytes" : string.Empty)} is over the limit of {max} bytes"));

    /// <summary>
    /// Reads NDJSON case files one line at a time (each line bounded by the case file's limit, never the whole body) and
    /// writes one NDJSON line per input line, as soon as it is judged: <c>{"line":N,"answer":{…}}</c> or
    /// <c>{"line":N,"errors":[…]}</c>. A bad line never stops the batch; empty lines are skipped.
    /// </summary>
    private static async Task EvaluateBatch(HttpContext context, string? asOf, ServerRules rules, IOptions<ServerSettings> settings, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        var language = Problems.LanguageOf(request);
        if (rules.Current is not { } snapshot)
        {
            await NotReady(rules, language).ExecuteAsync(context);
            return;
        }

        if (!TryAsOf(request, asOf, out var date, out var problem))
        {
            await problem!.ExecuteAsync(context);
            return;
        }

        response.ContentType = "application/x-ndjson; charset=utf-8";
        response.Headers[DigestHeader] = snapshot.Digest;

        // The library's sweep: lines judged on every core, answers in input order, each line bounded by the case
        // file's limit (never the whole body), a short read of the body judged at once so that answers stream back.
        var options = new CaseBatchOptions { MaxLineBytes = (int)Math.Min(settings.Value.MaxCaseBytes, int.MaxValue - 1) };
        await CaseBatch.WriteAnswersAsync(request.Body, response.Body, new CaseEvaluator(snapshot.Catalog), date, options, cancellationToken);
    }

    private sealed record BatchAnswer(int Line, CaseEvaluation Answer);

    private static async Task WriteLine(HttpResponse response, object value, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), ChiBoJson.CompactOptions);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    private static async Task<IResult> RosterReport(HttpContext context, string report, string? asOf, int? year, string? format, ServerRules rules, IOptions<ServerSettings> settings, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var language = Problems.LanguageOf(request);
        if (rules.Current is not { } snapshot)
        {
            return NotReady(rules, language);
        }

        if (report is not ("plan" or "due" or "audit"))
        {
            return Problems.Of(404, "report.unknown", new("không có báo cáo này (plan, due, audit)", "no such report (plan, due, audit)"), language);
        }

        if (!TryAsOf(request, asOf, out var date, out var problem))
        {
            return problem!;
        }

        var reportYear = year ?? date.Year;
        if (reportYear is < CellPlanner.MinYear or > CellPlanner.MaxYear || date.Year is < CellPlanner.MinYear or > CellPlanner.MaxYear)
        {
            return Problems.Of(400, "year.outOfRange", new("năm nằm ngoài khoảng 1930–2099", "the year is outside 1930–2099"), language);
        }

        if (request.ContentLength > settings.Value.MaxBatchBytes)
        {
            return TooLarge(language, request.ContentLength.Value, settings.Value.MaxBatchBytes);
        }

        var (roster, zipError) = await ReadZip(request.Body, settings.Value.MaxBatchBytes, cancellationToken);
        if (roster is null)
        {
            return Problems.Of(400, "roster.invalid", new("danh sách phải là tệp zip chứa cell.json và các tệp *.case.json", "a roster is a zip of cell.json and *.case.json files"), language,
                detail: new(zipError!, zipError!));
        }

        var planner = new CellPlanner(new CaseEvaluator(snapshot.Catalog));
        (object Value, ReportDocument Document) made = report switch
        {
            "plan" => Made(planner.Plan(roster, reportYear, asOf is null ? null : date), r => ReportDocuments.Plan(r, language)),
            "due" => Made(planner.Due(roster, date), r => ReportDocuments.Due(r, language)),
            _ => Made(planner.Audit(roster, reportYear, asOf is null ? null : date), r => ReportDocuments.Audit(r, language)),
        };
        context.Response.Headers[DigestHeader] = snapshot.Digest;
        if (format == "docx")
        {
            // Issue 14/16: the Word file, with the letterhead of the roster's cell.json (Hướng dẫn 36-HD/VPTW).
            var options = new ReportOptions { Roster = roster };
            var document = report switch
            {
                "plan" => ReportDocuments.Plan((AdmissionPlan)made.Value, language, options),
                "due" => ReportDocuments.Due((DueWork)made.Value, language, options),
                _ => ReportDocuments.Audit((SupervisionAudit)made.Value, language, options),
            };
            var word = new MemoryStream();
            ReportWord.Write(document, word);
            return Results.File(word.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{report}-{reportYear}.docx");
        }

        return format switch
        {
            "md" or "markdown" => Results.Text(ReportMarkdown.ToMarkdown(made.Document), "text/markdown; charset=utf-8"),
            "html" => Results.Content(
                $"<!doctype html><html lang=\"{(language == Language.English ? "en" : "vi")}\"><head><meta charset=\"utf-8\"><title>{ReportHtml.Encode(made.Document.Title)}</title></head><body>{ReportHtml.ToHtml(made.Document)}</body></html>",
                "text/html; charset=utf-8"),
            _ => Results.Text(JsonSerializer.Serialize(made.Value, made.Value.GetType(), ChiBoJson.Options), "application/json; charset=utf-8"),
        };
    }

    private static (object, ReportDocument) Made<T>(T value, Func<T, ReportDocument> document)
        where T : notnull => (value, document(value));

    /// <summary>A roster from a zip: at most 10,000 entries and the roster's byte budget uncompressed, each entry read with a bound.</summary>
    internal static async Task<(Roster? Roster, string? Error)> ReadZip(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        if (await ReadBounded(body, maxBytes, cancellationToken) is not { } zipped)
        {
            return (null, $"the zip is over {maxBytes} bytes");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipped), ZipArchiveMode.Read);
            if (zip.Entries.Count > Roster.MaxEntries)
            {
                return (null, $"the zip holds more than {Roster.MaxEntries} entries");
            }

            RosterFile? cell = null;
            var cases = new List<RosterFile>();
            var errors = new List<CaseFileError>();
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var name = entry.Name;
                if (name != Roster.CellFileName && !name.EndsWith(Roster.CaseFileSuffix, StringComparison.Ordinal))
                {
                    errors.Add(new CaseFileError("roster.ignoredFile", $"not read: a roster holds {Roster.CellFileName} and *{Roster.CaseFileSuffix} files only", entry.FullName));
                    continue;
                }

                var limit = name == Roster.CellFileName ? CellFileSerializer.MaxFileBytes : CaseFileSerializer.MaxFileBytes;
                var bytes = await ReadEntry(entry, limit, cancellationToken);
                if (bytes is null)
                {
                    errors.Add(new CaseFileError("file.tooLarge", $"the file is over {limit} bytes", entry.FullName, Path: "$"));
                    continue;
                }

                total += bytes.Length;
                if (total > Roster.MaxTotalBytes)
                {
                    return (null, $"the roster's files are over {Roster.MaxTotalBytes} bytes uncompressed");
                }

                if (name == Roster.CellFileName)
                {
                    cell = new RosterFile(entry.FullName, bytes);
                }
                else
                {
                    cases.Add(new RosterFile(entry.FullName, bytes));
                }
            }

            return (Roster.Load(cell, cases, errors), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"not a zip file: {ex.Message}");
        }
    }

    private static async Task<byte[]?> ReadEntry(ZipArchiveEntry entry, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        return await ReadBounded(stream, limit, cancellationToken);
    }

    /// <summary>A stream's bytes, or null once it holds more than <paramref name="limit"/> (never read further).</summary>
    private static async Task<byte[]?> ReadBounded(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + n > limit)
            {
                return null;
            }

            memory.Write(buffer, 0, n);
        }

        return memory.ToArray();
    }

    private static IResult RulesOf(HttpContext context, string? era, string? format, ServerRules rules)
    {
        var language = Problems.LanguageOf(context.Request);
        if (rules.Current is not { } snapshot)
        {
            return NotReady(rules, language);
        }

        var all = snapshot.Catalog.RuleSets;
        var eras = era is null ? [.. all] : all.Where(s => s.Id == era).ToList();
        if (eras.Count == 0)
        {
            return Problems.Of(404, "ruleSet.unknown", new($"không có bộ quy định '{era}'", $"no rule set '{era}'"), language,
                detail: new($"các thời kỳ là: {string.Join(", ", all.Select(s => s.Id))}", $"the eras are: {string.Join(", ", all.Select(s => s.Id))}"));
        }

        context.Response.Headers[DigestHeader] = snapshot.Digest;
        return format switch
        {
            "md" or "markdown" => Results.Text(Cli.RulesDocument.Markdown(eras, all, language), "text/markdown; charset=utf-8"),
            "html" => Results.Content(Cli.RulesDocument.Html(eras, all, language), "text/html; charset=utf-8"),
            _ => Results.Text(JsonSerializer.Serialize(Cli.RulesJson.Model(eras), ChiBoJson.Options) + "\n", "application/json; charset=utf-8"),
        };
    }

    private static IResult Calendar(int year, HttpRequest request)
    {
        if (year < WorkingDayCalendar.MinDate.Year || year > WorkingDayCalendar.MaxDate.Year)
        {
            return Problems.Of(400, "year.outOfRange", new("năm phải trong khoảng 1900–2100", "the year must be between 1900 and 2100"), Problems.LanguageOf(request));
        }

        return Results.Text(JsonSerializer.Serialize(WorkingDayCalendar.Default.YearOf(year), ChiBoJson.Options), "application/json; charset=utf-8");
    }

    /// <summary>The body of <c>POST /v1/workdays/add</c>.</summary>
    /// <param name="From">The start date (yyyy-MM-dd).</param>
    /// <param name="WorkingDays">How many working days.</param>
    public sealed record AddRequest(string From, int WorkingDays);

    /// <summary>The body of <c>POST /v1/workdays/count</c>.</summary>
    /// <param name="From">The first date, not counted.</param>
    /// <param name="To">The last date, counted.</param>
    public sealed record CountRequest(string From, string To);

    private static IResult AddWorkdays(AddRequest body, HttpRequest request)
    {
        var language = Problems.LanguageOf(request);
        if (!TryDate(body.From, out var from) || body.WorkingDays < 0 || !WorkingDayCalendar.Default.TryAddWorkingDays(from, body.WorkingDays, out var date))
        {
            return Problems.Of(400, "workdays.invalid", new("ngày hoặc số ngày làm việc không hợp lệ (1900–2100, N ≥ 0)", "the date or the number of working days is invalid (1900–2100, N ≥ 0)"), language);
        }

        return Results.Json(new { from = Iso(from), workingDays = body.WorkingDays, date = Iso(date) });
    }

    private static IResult CountWorkdays(CountRequest body, HttpRequest request)
    {
        var language = Problems.LanguageOf(request);
        if (!TryDate(body.From, out var from) || !TryDate(body.To, out var to) || to < from)
        {
            return Problems.Of(400, "workdays.invalid", new("hai ngày không hợp lệ (1900–2100, ngày thứ hai không trước ngày thứ nhất)", "the dates are invalid (1900–2100, the second not before the first)"), language);
        }

        return Results.Json(new { from = Iso(from), to = Iso(to), workingDays = WorkingDayCalendar.Default.CountWorkingDays(from, to) });
    }

    private static bool TryDate(string? text, out LocalDate date)
    {
        date = default;
        if (text is null || LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed || parsed.Value < WorkingDayCalendar.MinDate || parsed.Value > WorkingDayCalendar.MaxDate)
        {
            return false;
        }

        date = parsed.Value;
        return true;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private const string ReferencePage = """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>ChiBo API</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}
        li{margin:.4em 0}.m{font-weight:bold;display:inline-block;width:4em}</style></head>
        <body><h1>ChiBo API (v1)</h1>
        <p>Dịch vụ đánh giá hồ sơ phát triển đảng viên — không lưu dữ liệu: đánh giá những gì được gửi đến.
        Tài liệu OpenAPI: <a href="/openapi/v1.json"><code>/openapi/v1.json</code></a>. Lỗi theo RFC 9457 (<code>application/problem+json</code>);
        ngôn ngữ theo <code>Accept-Language</code> (vi, en) hoặc <code>?lang=</code>.</p>
        <ul id="routes"><li>…</li></ul>
        <script>
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const list = document.getElementById('routes'); list.innerHTML = '';
          for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
            const li = document.createElement('li');
            li.innerHTML = '<span class="m">' + method.toUpperCase() + '</span> <code>' + path + '</code> — ' + (op.summary || '');
            list.appendChild(li);
          }
        });
        </script></body></html>
        """;
}
