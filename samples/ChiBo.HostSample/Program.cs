using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Reports;
using ChiBo.Rules.Hosting;
using ChiBo.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.HostSample;

/// <summary>
/// Evaluates every <c>*.case.json</c> in a folder as of a date and prints one line per case:
/// <c>dotnet run --project samples/ChiBo.HostSample -- [FOLDER] [--as-of yyyy-MM-dd]</c>.
/// FOLDER defaults to samples/cases; the date defaults to today in Vietnam (the clock is read here, at the edge,
/// never inside ChiBo). Exit code 0 when every case was evaluated, 1 when one could not be, 2 on bad usage.
/// </summary>
public static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        string? folder = null;
        LocalDate? asOf = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--as-of" && i + 1 < args.Length && LocalDatePattern.Iso.Parse(args[i + 1]) is { Success: true } parsed)
            {
                asOf = parsed.Value;
                i++;
            }
            else if (!args[i].StartsWith('-') && folder is null)
            {
                folder = args[i];
            }
            else
            {
                Console.Error.WriteLine("usage: ChiBo.HostSample [FOLDER] [--as-of yyyy-MM-dd]");
                return 2;
            }
        }

        folder ??= FindDefaultFolder();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"ChiBo.HostSample: no folder of case files '{folder ?? "samples/cases"}'");
            return 2;
        }

        // ChiBo the way a host wires it: the shipped rule sets (embedded in ChiBo.Rules), the system clock at the edge.
        using var services = new ServiceCollection().AddChiBo().BuildServiceProvider();
        var date = asOf ?? services.GetRequiredService<CaseEvaluationService>().Today;
        return Run(services.GetRequiredService<CaseEvaluator>(), folder, date, Console.Out, Console.Error);
    }

    private static int Run(CaseEvaluator evaluator, string folder, LocalDate asOf, TextWriter o, TextWriter err)
    {
        o.WriteLine($"ChiBo.Domain {Describe(typeof(CaseEvaluator).Assembly)}; ChiBo.Rules {Describe(Assembly.Load("ChiBo.Rules"))}");
        o.WriteLine($"Cases in {folder} as of {LocalDatePattern.Iso.Format(asOf)}");
        o.WriteLine();
        var rows = new List<string[]> { new[] { "case", "stage", "next gate", "ruleSet", "failed checks", "violations", "deadlines" } };
        var problems = 0;
        foreach (var path in Directory.GetFileSystemEntries(folder, "*.case.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path)[..^".case.json".Length];
            // The library's safe reader: a named pipe, a device or a broken link named *.case.json is an error, not a hang.
            var read = CaseFileSerializer.ReadFile(path);
            if (read.Value is not { } caseFile)
            {
                problems++;
                read.Errors.ToList().ForEach(e => err.WriteLine(e));
                continue;
            }

            var result = evaluator.Evaluate(caseFile, asOf);
            if (result.Value is not { } e)
            {
                problems++;
                result.Errors.ToList().ForEach(error => err.WriteLine(error with { File = path }));
                continue;
            }

            rows.Add([
                name,
                e.Stage.JsonName(),
                e.NextGate.JsonName(),
                e.RuleSet ?? "—",
                e.Checks.Count(c => !c.Passed && !c.Pending).ToString(),
                e.Violations.Count.ToString(),
                e.Deadlines.Count.ToString(),
            ]);
        }

        WriteTable(o, rows);
        o.WriteLine();
        o.WriteLine($"{rows.Count - 1} evaluated, {problems} not evaluated");

        // The due work of the folder as a report, from ChiBo.Reports: the very document `chibo due --format md` prints.
        var due = new CellPlanner(evaluator).Due(Roster.LoadDirectory(folder), asOf);
        o.WriteLine();
        o.Write(ReportMarkdown.ToMarkdown(ReportDocuments.Due(due, Language.Vietnamese)));
        return problems == 0 ? 0 : 1;
    }

    private static void WriteTable(TextWriter o, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            o.WriteLine(string.Join("  ", row.Select((cell, c) => c >= 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            if (index == 0)
            {
                o.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    private static string Describe(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var ruleSets = assembly.GetManifestResourceNames().Count(n => n.EndsWith(".json", StringComparison.Ordinal));
        return ruleSets == 0 ? version : $"{version} ({ruleSets} embedded JSON resources)";
    }

    private static string? FindDefaultFolder()
    {
        // From the repository root (as scripts/pack-and-verify.sh runs it), else up from the app's own folder.
        if (Directory.Exists(Path.Combine("samples", "cases")))
        {
            return Path.Combine("samples", "cases");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "cases");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
