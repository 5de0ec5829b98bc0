using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo rules diff OLD NEW --roster FOLDER [--as-of D]</c>: the impact of an edit — every case of a roster whose
/// answer differs between two sets of rules (stage, next gate, rule set, a check's outcome, a deadline's due date or
/// status, a violation), side by side. OLD and NEW are rule files, folders of them or <c>rules/</c> folders.
/// </summary>
internal sealed class RulesDiffCommand : ICliCommand
{
    public string Name => "rules diff";

    public CliSpec Spec { get; } = new(
        new("ảnh hưởng của một lần sửa quy định: những hồ sơ có kết quả khác nhau giữa hai bộ quy định",
            "the impact of an edit: the cases whose answer differs between two sets of rules"),
        [
            new CliArgumentSpec("OLD", new("quy định cũ: tệp, thư mục hoặc thư mục rules/", "the old rules: a file, a folder or a rules/ folder")),
            new CliArgumentSpec("NEW", new("quy định mới (đã sửa)", "the new (edited) rules")),
        ],
        [
            new CliOptionSpec("roster", "FOLDER", new("thư mục hồ sơ của chi bộ (*.case.json)", "the cell's folder of cases (*.case.json)"), Required: true),
            new CliOptionSpec("as-of", "yyyy-MM-dd", new("ngày tính đến (mặc định: ngày của sự kiện muộn nhất trong các hồ sơ)", "the date of the question (default: the latest event date of the roster)")),
            new CliOptionSpec("format", "table|md", new("dạng kết quả: bảng (mặc định) hoặc Markdown; --json cho JSON", "the output: a table (the default) or Markdown; --json for JSON"), AllowedValues: ["table", "md", "markdown"]),
        ],
        new("Mã thoát: 0 không hồ sơ nào khác; 1 có hồ sơ có kết quả khác; 2 đầu vào sai.",
            "Exit codes: 0 no case differs; 1 some case differs; 2 bad input."));

    internal sealed record Change(string Field, string Old, string New);

    // What --json prints (named, for build-time JSON metadata; the properties and their order are those of before).
    internal sealed record DiffJson(NodaTime.LocalDate AsOf, int Cases, IReadOnlyList<CaseChanges> Differing);

    internal sealed record CaseChanges(string File, string Person, IReadOnlyList<Change> Changes);

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var language = args.Language;
        var en = language == Language.English;
        var oldCatalog = RuleFolders.Catalog(args.RequirePositional(0, "the old rules (OLD)"));
        var newCatalog = RuleFolders.Catalog(args.RequirePositional(1, "the new rules (NEW)"));
        var roster = RosterFiles.Load(args.Option("roster") ?? throw new CliInputException("missing --roster FOLDER"));
        foreach (var error in roster.Errors)
        {
            stderr.WriteLine($"chibo rules diff: warning: {error}");
        }

        var asOf = Reports.ReportOutput.AsOf(args)
            ?? roster.Cases.SelectMany(c => c.Case.Events).Select(e => e.Date).DefaultIfEmpty(new LocalDate(2026, 1, 1)).Max();
        var before = new CaseEvaluator(oldCatalog, oldCatalog.Calendar);
        var after = new CaseEvaluator(newCatalog, newCatalog.Calendar);
        var differing = new List<CaseChanges>();
        foreach (var rosterCase in roster.Cases)
        {
            var a = before.Evaluate(rosterCase.Case, asOf).Value;
            var b = after.Evaluate(rosterCase.Case, asOf).Value;
            if (a is null || b is null)
            {
                continue;
            }

            var changes = Compare(a, b, language);
            if (changes.Count > 0)
            {
                differing.Add(new CaseChanges(Path.GetFileName(rosterCase.FileName), rosterCase.Case.Person.FullName, changes));
            }
        }

        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new DiffJson(asOf, roster.Cases.Length, differing), ChiBoJson.Options));
            return differing.Count == 0 ? Program.Ok : Program.Findings;
        }

        var markdown = args.Option("format") is "md" or "markdown";
        var o = new StringBuilder();
        var title = en
            ? $"Cases whose answer differs on {asOf:yyyy-MM-dd}: {differing.Count} of {roster.Cases.Length}"
            : $"Hồ sơ có kết quả khác nhau tính đến ngày {asOf:dd/MM/yyyy}: {differing.Count}/{roster.Cases.Length}";
        o.Append(markdown ? "# " : string.Empty).AppendLine(title);
        foreach (var (set, label) in new[] { (oldCatalog, en ? "old" : "cũ"), (newCatalog, en ? "new" : "mới") })
        {
            var words = string.Join("; ", set.RuleSets.Select(s => Provenance.Sentence(s.Id, s.Origin, language)));
            o.AppendLine((markdown ? "- " : "  ") + $"{label}: {words}");
        }

        foreach (var c in differing)
        {
            o.AppendLine();
            if (markdown)
            {
                o.AppendLine($"## {c.Person} ({c.File})").AppendLine();
                o.AppendLine(en ? "| what | old | new |" : "| nội dung | cũ | mới |").AppendLine("|---|---|---|");
                foreach (var x in c.Changes)
                {
                    o.AppendLine($"| {x.Field} | {x.Old} | {x.New} |");
                }
            }
            else
            {
                o.AppendLine($"{c.Person} ({c.File})");
                var width = c.Changes.Max(x => x.Field.Length);
                var oldWidth = c.Changes.Max(x => x.Old.Length);
                foreach (var x in c.Changes)
                {
                    o.AppendLine($"  {x.Field.PadRight(width)}  {x.Old.PadRight(oldWidth)}  →  {x.New}");
                }
            }
        }

        stdout.Write(o.ToString());
        return differing.Count == 0 ? Program.Ok : Program.Findings;
    }

    private static List<Change> Compare(CaseEvaluation a, CaseEvaluation b, Language lang)
    {
        var en = lang == Language.English;
        var changes = new List<Change>();
        void Add(string field, string? old, string? @new)
        {
            if (old != @new)
            {
                changes.Add(new Change(field, old ?? "—", @new ?? "—"));
            }
        }

        Add(en ? "stage" : "giai đoạn", a.Stage.JsonName(), b.Stage.JsonName());
        Add(en ? "next gate" : "bước tiếp theo", a.NextGate.JsonName(), b.NextGate.JsonName());
        Add(en ? "rule set" : "bộ quy định", a.RuleSet, b.RuleSet);
        string Outcome(RuleCheck? c) => c is null ? (en ? "not checked" : "không xét") : c.Passed ? (en ? "passed" : "đạt") : c.Pending ? (en ? "pending" : "chờ") : (en ? "failed" : "không đạt");
        foreach (var rule in a.Checks.Select(c => c.Rule).Union(b.Checks.Select(c => c.Rule)))
        {
            Add(rule, Outcome(a.Checks.FirstOrDefault(c => c.Rule == rule)), Outcome(b.Checks.FirstOrDefault(c => c.Rule == rule)));
        }

        string D(LocalDate d) => LocalDatePattern.Iso.Format(d);
        foreach (var action in a.Deadlines.Select(d => d.Action).Union(b.Deadlines.Select(d => d.Action)))
        {
            var x = a.Deadlines.FirstOrDefault(d => d.Action == action);
            var y = b.Deadlines.FirstOrDefault(d => d.Action == action);
            var name = Labels.Action(action, lang);
            Add(name + (en ? ": due" : ": hạn"), x is null ? null : D(x.Due), y is null ? null : D(y.Due));
            Add(name + (en ? ": status" : ": tình trạng"), x is null ? null : Labels.Status(x.Status, lang), y is null ? null : Labels.Status(y.Status, lang));
        }

        string V(RuleViolation v) => $"{v.Rule} #{v.Event.ToString(CultureInfo.InvariantCulture)}";
        var oldViolations = a.Violations.Select(V).ToHashSet();
        var newViolations = b.Violations.Select(V).ToHashSet();
        foreach (var v in oldViolations.Union(newViolations).Order(System.StringComparer.Ordinal))
        {
            Add((en ? "violation " : "vi phạm ") + v, oldViolations.Contains(v) ? (en ? "yes" : "có") : (en ? "no" : "không"), newViolations.Contains(v) ? (en ? "yes" : "có") : (en ? "no" : "không"));
        }

        return changes;
    }
}
