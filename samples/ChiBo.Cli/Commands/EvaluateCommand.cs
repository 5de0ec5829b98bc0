using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Text;
using NodaTime;
using LibraryLabels = ChiBo.Text.Labels;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo evaluate CASE.json --as-of DATE [--json] [--lang vi|en]</c>.</summary>
internal sealed class EvaluateCommand : ICliCommand
{
    public string Name => "evaluate";

    public CliSpec Spec { get; } = new(
        new("hồ sơ đứng ở đâu vào một ngày: giai đoạn, bước tiếp theo, điều kiện, thời hạn, vi phạm, các mốc ngày",
            "where a case stands on a date: stage, next gate, checks, deadlines, violations, dates"),
        [new CliArgumentSpec("CASE", new("tệp hồ sơ (*.case.json), hoặc một thư mục: mọi hồ sơ trong đó", "the case file (*.case.json), or a folder: every case in it"), Required: false)],
        [CliOptions.AsOf(required: true), CliOptions.Rules, CliOptions.Overlays, PictureFormat, CliOptions.Output, CliOptions.ShowCodes, .. EvaluateBatch.Options],
        new("Với một thư mục: mã thoát 1 khi có tệp không đọc được (mỗi tệp được nêu trên stderr).",
            "With a folder: exit code 1 when some files could not be read (each named on stderr)."));


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var batch = args.Option("batch");
        var path = batch is null ? args.RequirePositional(0, "the case file (CASE.json)") : null!;
        var asOf = args.DateOption("as-of") ?? throw new CliInputException("missing --as-of yyyy-MM-dd");
        var language = args.Language;
        if (EvaluationError.CheckAsOf(asOf) is { } dateError)
        {
            throw new CliInputException($"--as-of: {dateError.Message.In(language)} [{dateError.Code}]");
        }

        var catalog = RuleFolders.Catalog(args.Option("rules"), args.Option("overlays"));
        var evaluator = args.Option("rules") is null && args.Option("overlays") is null ? CliServices.Evaluator : new CaseEvaluator(catalog, catalog.Calendar);
        if (batch is not null)
        {
            return EvaluateBatch.Run(batch, asOf, evaluator, args, stdout, stderr);
        }

        if (Directory.Exists(path))
        {
            return RunFolder(path, asOf, evaluator, catalog, args.Json, language, args.Has("show-codes"), stdout, stderr);
        }

        var caseFile = CaseFiles.Load(path);
        var evaluation = Answer(evaluator.Evaluate(caseFile, asOf), path);
        if (args.Option("format") is { } format)
        {
            return WritePicture(format, caseFile, evaluation, args, stdout);
        }

        if (args.Json)
        {
            stdout.WriteLine(AnswerJson.Of(evaluation));
        }
        else
        {
            WriteSummary(stdout, caseFile.Person.FullName, evaluation, language, catalog, args.Has("show-codes"));
        }

        return Program.Ok;
    }

    /// <summary>Issue 14: <c>--format svg</c> writes the case's timeline, <c>--format html</c> a printable page with it.</summary>
    private static CliOptionSpec PictureFormat { get; } = new("format", "svg|html",
        new("vẽ diễn biến hồ sơ: ảnh SVG hoặc trang HTML in được", "draw the case's timeline: an SVG picture or a printable HTML page"), AllowedValues: ["svg", "html"]);

    private static int WritePicture(string format, Cases.CaseFile caseFile, CaseEvaluation evaluation, CliArguments args, TextWriter stdout)
    {
        if (args.Json)
        {
            throw new CliInputException("--json and --format " + format + " contradict each other");
        }

        var text = format == "svg"
            ? ChiBo.Reports.CaseTimeline.ToSvg(caseFile, evaluation, args.Language)
            : ChiBo.Reports.ReportHtml.ToPage(ChiBo.Reports.ReportDocuments.Case(caseFile, evaluation, args.Language), args.Language == Language.English ? "en" : "vi");
        if (args.Option("output") is { } output)
        {
            Cli.Reports.ReportOutput.WriteFile(output, new System.Text.UTF8Encoding(false).GetBytes(text + "\n"));
        }
        else
        {
            stdout.WriteLine(text);
        }

        return Program.Ok;
    }

    /// <summary>The evaluation, or the reason it could not be made as one line naming the file.</summary>
    private static CaseEvaluation Answer(EvaluationResult result, string path) =>
        result.Value ?? throw new CliInputException(result.Rejection is { } rejection
            ? rejection.ToError(path).ToString()
            : string.Join(Environment.NewLine, result.Errors.Select(e => (e with { File = path }).ToString())));

    /// <summary>
    /// Every <c>*.case.json</c> of a folder (read as a roster is: one file at a time, every other <c>*.json</c> entry
    /// reported): each summary in turn, or with <c>--json</c> one array of <c>{ "file", "answer" }</c> and
    /// <c>{ "file", "errors" }</c>. Exit 1 when a file could not be read or evaluated (each named on stderr).
    /// </summary>
    private static int RunFolder(string folder, LocalDate asOf, CaseEvaluator evaluator, Rules.RuleCatalog catalog, bool json, Language language, bool codes, TextWriter stdout, TextWriter stderr)
    {
        var roster = Roster.LoadDirectory(folder);
        if (roster.Cases.IsEmpty && roster.Errors.IsEmpty)
        {
            throw new CliInputException($"{folder}: the folder holds no case file (*{Roster.CaseFileSuffix})");
        }

        var problems = 0;
        foreach (var error in roster.Errors)
        {
            stderr.WriteLine($"chibo evaluate: warning: {error}");
            problems++;
        }

        var answers = new List<AnswerJson.FolderEntry>();
        var first = true;
        foreach (var rosterCase in roster.Cases)
        {
            var result = evaluator.Evaluate(rosterCase.Case, asOf);
            if (result.Value is not { } evaluation)
            {
                var errors = result.Rejection is { } rejection ? [rejection.ToError(rosterCase.FileName)] : result.Errors.Select(e => e with { File = rosterCase.FileName }).ToList();
                errors.ForEach(e => stderr.WriteLine($"chibo evaluate: warning: {e}"));
                answers.Add(new AnswerJson.FolderEntry(Path.GetFileName(rosterCase.FileName), null, [.. errors.Select(e => e.ToString())]));
                problems++;
                continue;
            }

            if (json)
            {
                answers.Add(new AnswerJson.FolderEntry(Path.GetFileName(rosterCase.FileName), evaluation, null));
                continue;
            }

            if (!first)
            {
                stdout.WriteLine();
            }

            first = false;
            WriteSummary(stdout, rosterCase.Case.Person.FullName, evaluation, language, catalog, codes);
        }

        if (json)
        {
            stdout.WriteLine(AnswerJson.Of(answers));
        }

        return problems == 0 ? Program.Ok : Program.Findings;
    }

    /// <summary>
    /// The answer in words: dates as the language writes them (dd/MM/yyyy in Vietnamese, ISO in English), stages, gates,
    /// rules and events by their names, each failed check, violation and deadline with what happened. Ids and codes
    /// (rule ids, stage and gate names of the JSON, event numbers) only with <paramref name="codes"/> (<c>--show-codes</c>).
    /// </summary>
    internal static void WriteSummary(TextWriter o, string name, CaseEvaluation e, Language lang, Rules.RuleCatalog? catalog = null, bool codes = false)
    {
        bool en = lang == Language.English;
        string D(LocalDate? d) => d is { } x ? LibraryLabels.Date(x, lang) : "—";
        string Code(string code) => codes ? $" [{code}]" : string.Empty;
        var found = en ? "found" : "ghi nhận";
        o.WriteLine($"{name} — {(en ? "as of" : "tính đến ngày")} {D(e.AsOf)}");
        o.WriteLine($"  {(en ? "Stage" : "Giai đoạn"),-22}{Labels.Stage(e.Stage, lang)}{Code(e.Stage.JsonName())}{(e.Exempt ? (en ? ", exempt" : ", được miễn") : string.Empty)}");
        o.WriteLine($"  {(en ? "Next gate" : "Bước tiếp theo"),-22}{Labels.Gate(e.NextGate, lang)}{Code(e.NextGate.JsonName())}");
        var ruleSet = catalog?.RuleSets.FirstOrDefault(s => s.Id == e.RuleSet);
        var ruleSetName = ruleSet is not null ? ruleSet.Title.In(lang) + Code(ruleSet.Id) : e.RuleSet ?? "—";
        o.WriteLine($"  {(en ? "Rule set" : "Bộ quy định"),-22}{ruleSetName}{(e.RuleSetOrigin is { } origin ? " — " + Provenance.OriginWords(origin).In(lang) : string.Empty)}");
        if (e.Overlays.Count > 0)
        {
            o.WriteLine($"  {(en ? "Local overlays" : "Quy định bổ sung"),-22}{string.Join("; ", e.Overlays.Select(id => (catalog?.Overlays.FirstOrDefault(x => x.Id == id) is { } overlay ? overlay.Title.In(lang) : id) + Code(id)))}");
        }

        if (e.Cell is { } cell)
        {
            var kind = cell.Kind == Cases.CellKind.SubordinateCell ? (en ? "subordinate cell" : "chi bộ trực thuộc") : (en ? "grassroots cell" : "chi bộ cơ sở");
            o.WriteLine($"  {(en ? "Cell on that day" : "Chi bộ vào ngày đó"),-22}{cell.Name} — {kind}{(cell.Superior is { } s ? $", {(en ? "under" : "cấp trên:")} {s}" : string.Empty)}");
        }

        o.WriteLine($"  {(en ? "Party entry" : "Ngày vào Đảng"),-22}{D(e.Dates.PartyEntry)}");
        o.WriteLine($"  {(en ? "Probation ends" : "Hết dự bị"),-22}{D(e.Dates.ProbationEnds)}");
        o.WriteLine($"  {(en ? "Full member from" : "Chính thức từ"),-22}{D(e.Dates.FullMembershipEffective)}");
        if (e.PartyAge is { } age)
        {
            o.WriteLine($"  {(en ? "Party age" : "Tuổi đảng"),-22}{(en ? $"{age.Years} years {age.Months} months" : $"{age.Years} năm {age.Months} tháng")} ({(en ? "from" : "tính từ")} {D(e.Dates.PartyAgeFrom)}; {age.Source})");
        }
        if (e.Dates.ProbationEnds is not null)
        {
            o.WriteLine(en
                ? "  (months are calendar months, clamped to the month's end: 2020-02-29 + 12 months = 2021-02-28)"
                : "  (tháng tính theo lịch, lấy ngày cuối tháng khi thiếu ngày: 29/02/2020 + 12 tháng = 28/02/2021)");
        }

        if (e.Checks.Count > 0)
        {
            o.WriteLine();
            var passed = e.Checks.Count(c => c.Passed);
            var pending = e.Checks.Count(c => c.Pending);
            var waiting = pending == 0 ? string.Empty : en ? $", {pending} awaiting the gate's act" : $", {pending} chờ thực hiện";
            o.WriteLine(en ? $"Checks for the next gate ({passed}/{e.Checks.Count} passed{waiting}):" : $"Điều kiện của bước tiếp theo (đạt {passed}/{e.Checks.Count}{waiting}):");
            foreach (var c in e.Checks)
            {
                o.WriteLine($"  [{(c.Passed ? "✓" : c.Pending ? "…" : "✗")}] {TitleOf(c.Title, c.Rule, lang)}{Code(c.Rule)}: {c.Message.In(lang)}");
                if (c.Finding is { } finding)
                {
                    o.WriteLine($"      {found}: {finding.In(lang)}");
                }
                else if (c.Detail is { } detail)
                {
                    o.WriteLine($"      {found}: {detail.In(lang)}");
                }

                if (c.Error is { } error)
                {
                    o.WriteLine($"      ! {error.In(lang)}");
                }

                o.WriteLine($"      {c.Source}");
                WriteChanged(o, ruleSet, c.Rule, lang, codes);
            }
        }

        if (e.Standing is { Count: > 0 } standing)
        {
            o.WriteLine();
            var failed = standing.Count(c => !c.Passed);
            o.WriteLine(en ? $"Standing ({standing.Count - failed}/{standing.Count} passed):" : $"Tư cách đảng viên (đạt {standing.Count - failed}/{standing.Count}):");
            foreach (var c in standing)
            {
                o.WriteLine($"  [{(c.Passed ? "✓" : "✗")}] {TitleOf(c.Title, c.Rule, lang)}{Code(c.Rule)}: {c.Message.In(lang)}");
                if ((c.Finding ?? c.Detail) is { } detail)
                {
                    o.WriteLine($"      {found}: {detail.In(lang)}");
                }

                o.WriteLine($"      {c.Source}");
            }

            if (failed > 0)
            {
                var proposal = e.Stage == Lifecycle.Stage.Probationary ? Cases.EventKind.ProbationaryStruckOff : Cases.EventKind.StruckOff;
                o.WriteLine(e.Stage == Lifecycle.Stage.Probationary
                    ? en ? $"  → the cell must consider striking the probationary member's name off{Code(Cases.EventKinds.JsonName(proposal))} (Chỉ thị 28-CT/TW)."
                         : $"  → chi bộ cần xem xét xóa tên đảng viên dự bị{Code(Cases.EventKinds.JsonName(proposal))} (Chỉ thị 28-CT/TW)."
                    : en ? $"  → the cell must consider striking the name off{Code(Cases.EventKinds.JsonName(proposal))} (Chỉ thị 28-CT/TW)."
                         : $"  → chi bộ cần xem xét xóa tên đảng viên{Code(Cases.EventKinds.JsonName(proposal))} (Chỉ thị 28-CT/TW).");
            }
        }

        if (e.Deadlines.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(en ? "Deadlines:" : "Thời hạn:");
            foreach (var d in e.Deadlines)
            {
                var action = Labels.Action(d.Action, lang) + Code(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.Action.ToString()));
                o.WriteLine($"  {action.PadRight(Math.Max(36, action.Length + 2))}{D(d.Due)}  {Labels.Status(d.Status, lang),-14}{d.Source}");
                if (d.Finding is { } finding)
                {
                    o.WriteLine($"      {found}: {finding.In(lang)}");
                }
            }
        }

        o.WriteLine();
        if (e.Violations.Count == 0)
        {
            o.WriteLine(en ? "Violations: none found." : "Vi phạm: không phát hiện.");
        }
        else
        {
            o.WriteLine(en ? $"Violations ({e.Violations.Count}):" : $"Vi phạm ({e.Violations.Count}):");
            foreach (var v in e.Violations)
            {
                var at = v.EventKind is { } kind && v.EventDate is { } date
                    ? LibraryLabels.EventOn(kind, date).In(lang)
                    : en ? "an event" : "một sự kiện";
                var number = codes ? (en ? $", event {v.Event + 1} of the file [#{v.Event}], {v.RuleSet}" : $", sự kiện thứ {v.Event + 1} của hồ sơ [#{v.Event}], {v.RuleSet}") : string.Empty;
                o.WriteLine($"  ! {TitleOf(v.Title, v.Rule, lang)}{Code(v.Rule)} — {at}{number}: {v.Message.In(lang)}");
                if ((v.Finding ?? v.Detail) is { } detail)
                {
                    o.WriteLine($"      {found}: {detail.In(lang)}");
                }

                o.WriteLine($"      {v.Source}");
                WriteChanged(o, catalog?.RuleSets.FirstOrDefault(s => s.Id == v.RuleSet), v.Rule, lang, codes);
            }
        }

        if (e.Warnings.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(en ? $"Warnings ({e.Warnings.Count}):" : $"Cảnh báo ({e.Warnings.Count}):");
            foreach (var w in e.Warnings)
            {
                var at = w.Event is { } index ? (en ? $" (event {index + 1} of the file)" : $" (sự kiện thứ {index + 1} của hồ sơ)") : string.Empty;
                o.WriteLine($"  ? {w.Message.In(lang)}{at}{Code(w.Code)}");
            }
        }
    }

    /// <summary>The rule's title, or, for rules that name none, its id.</summary>
    private static string TitleOf(LocalizedText? title, string rule, Language lang) => title is { } t ? t.In(lang) : rule;

    /// <summary>The parameters of an edited rule set that differ from the shipped one; their names only with <c>--show-codes</c>.</summary>
    private static void WriteChanged(TextWriter o, Rules.RuleSet? set, string ruleId, Language lang, bool codes)
    {
        if (set?.Workflows.SelectMany(w => w.Rules).FirstOrDefault(r => r.Id == ruleId) is not { } rule
            || Provenance.Changed(set, rule) is not { Count: > 0 } changed)
        {
            return;
        }

        o.WriteLine(codes
            ? $"      {Provenance.ChangedLine(changed, lang)}"
            : lang == Language.English
                ? $"      edited: {string.Join("; ", changed.Select(c => $"{c.Value} instead of the shipped {c.Shipped}"))}"
                : $"      đã sửa: {string.Join("; ", changed.Select(c => $"{c.Value} thay cho {c.Shipped} của bản phát hành"))}");
    }
}
