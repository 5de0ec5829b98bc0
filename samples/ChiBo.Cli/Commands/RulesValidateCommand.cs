using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Rules;
using ChiBo.Serialization;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo rules validate [PATH]</c>: loads rule files the way a host would (parse, check and compile every
/// expression) and prints each problem with its file, rule and line; exit 2 on any. PATH is a rule file, a folder of
/// rule files, or the repository's <c>rules/</c> folder (its <c>rulesets/</c> are checked); default <c>rules/</c>.
/// </summary>
internal sealed class RulesValidateCommand : ICliCommand
{
    public string Name => "rules validate";

    public CliSpec Spec { get; } = new(
        new("kiểm tra các tệp quy định (một tệp, một thư mục, hoặc rules/): mọi lỗi kèm tệp, quy định và dòng",
            "check rule files (a file, a folder, or rules/): every problem with file, rule and line"),
        [new CliArgumentSpec("PATH", new("tệp quy định, thư mục quy định, hoặc thư mục rules/ (mặc định)", "a rule file, a folder of them, or the rules/ folder (the default)"), Required: false)],
        [],
        new("Mã thoát: 0 mọi tệp hợp lệ; 2 có lỗi.", "Exit codes: 0 every file is valid; 2 a problem was found."));


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var path = args.Positional.Count > 0 ? args.Positional[0] : "rules";
        var files = FilesOf(path);
        var sets = new List<RuleSet>();
        var errors = new List<RuleLoadError>();

        // Overlay files ("kind": "overlay"), given as PATH or in an overlays/ folder beside rulesets/, are checked as
        // overlays on the rule sets validated (or the shipped ones), not as rule sets.
        var overlays = files.Where(IsOverlay).ToList();
        if (Directory.Exists(Path.Combine(path, "overlays")))
        {
            overlays.AddRange(Entries(Path.Combine(path, "overlays")));
        }

        files = [.. files.Except(overlays)];
        foreach (var file in files)
        {
            var result = RuleSetLoader.LoadFile(file);
            errors.AddRange(result.Errors);
            if (result.Value is { } set)
            {
                sets.Add(set);
            }
        }

        if (errors.Count == 0 && sets.Count > 0)
        {
            // Era-level checks (ids and start dates distinct) are the catalog's, on the sets just loaded.
            errors.AddRange(RuleCatalog.Create(sets).Errors);
        }

        var overlaysValid = 0;
        if (errors.Count == 0 && overlays.Count > 0)
        {
            var catalog = sets.Count > 0 ? RuleCatalog.Create(sets).GetValueOrThrow() : RuleCatalog.Shipped;
            foreach (var overlay in overlays)
            {
                var loaded = catalog.WithOverlayFiles([overlay]);
                errors.AddRange(loaded.Errors);
                overlaysValid += loaded.IsValid ? 1 : 0;
            }
        }

        // rules/calendar/*.json: the official holiday years, checked with the reader hosts use.
        var calendarFolder = Path.Combine(path, "calendar");
        var years = new List<ChiBo.Text.LocalizedText>();
        if (Directory.Exists(calendarFolder))
        {
            // Every entry named *.json, read with the library's safe reader: a folder, a pipe, a device, a broken link,
            // an unreadable or oversized file is an error naming the path (exit 2), never an exception or a hang.
            foreach (var file in Entries(calendarFolder))
            {
                var read = HolidayYearSerializer.ReadFile(file);
                errors.AddRange(read.Errors.Select(e => new RuleLoadError(e.Code, e.Message, file, Line: e.Line, Column: e.Column, Path: e.Path)));
                if (read.Value is { } year)
                {
                    years.Add(new($"{file}: năm {year.Year}, {year.DaysOff.Length} ngày nghỉ, {year.WorkingWeekends.Length} ngày cuối tuần làm bù",
                        $"{file}: holiday year {year.Year}, {year.DaysOff.Length} days off, {year.WorkingWeekends.Length} worked weekend days"));
                }
            }
        }

        var language = args.Language;
        var en = language == ChiBo.Text.Language.English;
        var warnings = errors.Count == 0 ? sets.SelectMany(RuleSetWarnings.Of).ToList() : [];
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new ValidationJson(
                errors.Count == 0,
                files,
                years.Select(y => y.En),
                sets.Select(s => new RuleSetJson(s.Id, s.EffectiveFrom, s.Workflows.Sum(w => w.Rules.Length), s.File, s.Digest, s.Origin)),
                errors.Select(ErrorJson.Of),
                warnings.Select(ErrorJson.Of)), ChiBoJson.Options));
        }
        else
        {
            foreach (var set in sets)
            {
                var origin = Provenance.OriginWords(set.Origin).In(language);
                stdout.WriteLine(en
                    ? $"ok     {set.File}: {set.Id} ({origin}), in force from {set.EffectiveFrom:yyyy-MM-dd}, {set.Workflows.Length} workflows, {set.Workflows.Sum(w => w.Rules.Length)} rules"
                    : $"đạt    {set.File}: {set.Id} ({origin}), hiệu lực từ {set.EffectiveFrom:dd/MM/yyyy}, {set.Workflows.Length} bước, {set.Workflows.Sum(w => w.Rules.Length)} quy định");
            }

            foreach (var year in years)
            {
                stdout.WriteLine(en ? $"ok     {year.En}" : $"đạt    {year.Vi}");
            }

            if (overlaysValid > 0)
            {
                stdout.WriteLine(en ? $"ok     {overlaysValid} overlay file(s) (local criteria): only local.* checks added" : $"đạt    {overlaysValid} tệp quy định bổ sung của địa phương: chỉ thêm điều kiện local.*");
            }

            foreach (var warning in warnings)
            {
                stdout.WriteLine((en ? "warning " : "cảnh báo ") + RuleMessages.Line(warning, language));
            }

            foreach (var error in errors)
            {
                stdout.WriteLine((en ? "error  " : "lỗi   ") + RuleMessages.Line(error, language));
            }

            stdout.WriteLine(errors.Count == 0
                ? (en ? $"{files.Count + overlaysValid + years.Count} file(s) valid{(warnings.Count > 0 ? $", {warnings.Count} warning(s)" : string.Empty)}." : $"{files.Count + overlaysValid + years.Count} tệp hợp lệ{(warnings.Count > 0 ? $", {warnings.Count} cảnh báo" : string.Empty)}.")
                : (en ? $"{errors.Count} problem(s) in {errors.Select(e => e.File).Distinct().Count()} file(s)." : $"{errors.Count} lỗi trong {errors.Select(e => e.File).Distinct().Count()} tệp."));
        }

        return errors.Count == 0 ? Program.Ok : Program.BadInput;
    }

    private static List<string> FilesOf(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new CliInputException($"{path}: no such file or folder");
        }

        var folder = Directory.Exists(Path.Combine(path, "rulesets")) ? Path.Combine(path, "rulesets") : path;
        // Entries, not only files: a folder or a pipe named like a rule file is reported by the loader, not skipped.
        var files = Entries(folder);
        return files.Count > 0 ? files : throw new CliInputException($"{folder}: no rule file (*.json)");
    }

    /// <summary>
    /// Whether a file is an overlay: read as a rule set (with the safe reader) it fails only on its overlay fields, the
    /// first being "kind", "appliesTo" or "effectiveTo" (a rule file has none).
    /// </summary>
    private static bool IsOverlay(string file) =>
        RuleSetLoader.LoadFile(file).Errors is [{ Code: "json.unknownProperty", Path: "$.kind" or "$.appliesTo" or "$.effectiveTo" }, ..];

    private static List<string> Entries(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder, "*.json").OrderBy(f => f, System.StringComparer.Ordinal).ToList();
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            throw new CliInputException($"{folder}: cannot list the folder: {ex.Message}");
        }
    }

    // What --json prints. Named, not anonymous, so that their JSON metadata can be generated at build time (a Native
    // AOT build of the tool has no reflection-made metadata); the properties and their order are those of before.
    internal sealed record ValidationJson(bool Valid, List<string> Files, IEnumerable<string> HolidayYears, IEnumerable<RuleSetJson> RuleSets,
        IEnumerable<ErrorJson> Errors, IEnumerable<ErrorJson> Warnings);

    internal sealed record RuleSetJson(string Id, NodaTime.LocalDate EffectiveFrom, int Rules, string? File, string RuleSetDigest, ChiBo.Evaluation.RuleSetOrigin RuleSetOrigin);

    internal sealed record ErrorJson(string Code, string Message, ChiBo.Text.LocalizedText Text, string? File, string? Rule, string? Workflow, int? Line, int? Column, string? Path)
    {
        public static ErrorJson Of(RuleLoadError e) => new(e.Code, e.Message, e.Text, e.File, e.Rule, e.Workflow, e.Line, e.Column, e.Path);
    }
}
