using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Lifecycle;
using ChiBo.Rules.Testing;
using ChiBo.Serialization;
using ChiBo.Text;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo rules test [FOLDER] [--rules R] [--coverage] [--json]</c>: runs the rule tests (<c>*.test.json</c>) of a
/// folder on the shipped rules or on <c>--rules</c>, prints each test's result and each differing field; with
/// <c>--coverage</c>, for every rule of every era whether a test saw it pass and fail. Exit 1 when a test fails, 2 when a
/// test file or a rule file does not load.
/// </summary>
internal sealed class RulesTestCommand : ICliCommand
{
    public string Name => "rules test";

    public CliSpec Spec { get; } = new(
        new("chạy các kiểm thử quy định (*.test.json): kết quả từng kiểm thử, độ phủ từng quy định của từng thời kỳ",
            "run the rule tests (*.test.json): each test's result, the coverage of every rule of every era"),
        [new CliArgumentSpec("FOLDER", new("thư mục kiểm thử (mặc định rules/tests, hoặc tests/ trong thư mục --rules)", "the tests' folder (default rules/tests, or tests/ in the --rules folder)"), Required: false)],
        [
            CliOptions.Rules,
            new CliOptionSpec("coverage", null, new("in độ phủ: mỗi quy định đã được thấy đạt và không đạt chưa", "print the coverage: whether each rule was seen passing and failing")),
        ],
        new("Mã thoát: 0 mọi kiểm thử đạt; 1 có kiểm thử không đạt (nêu trường khác nhau); 2 tệp kiểm thử hoặc tệp quy định lỗi.",
            "Exit codes: 0 every test passed; 1 a test failed (the differing field is named); 2 a test file or rule file has a problem."));

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var language = args.Language;
        var en = language == Language.English;
        var rules = args.Option("rules");
        var folder = args.Positional.Count > 0 ? args.Positional[0]
            : rules is not null && Directory.Exists(Path.Combine(rules, "tests")) ? Path.Combine(rules, "tests")
            : Path.Combine("rules", "tests");
        if (!Directory.Exists(folder))
        {
            throw new CliInputException(en ? $"{folder}: no such folder" : $"{folder}: không có thư mục này");
        }

        var catalog = RuleFolders.Catalog(rules);
        var loaded = RuleTestLoader.LoadDirectory(folder);
        if (loaded.Value is not { } suite)
        {
            foreach (var error in loaded.Errors)
            {
                stderr.WriteLine($"chibo rules test: {RuleMessages.Line(error, language)}");
            }

            return Program.BadInput;
        }

        var report = RuleTestRunner.Run(catalog, suite.Tests);
        var coverage = args.Has("coverage");
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new TestsJson(
                report.AllPassed,
                report.Results.Select(r => new TestJson(r.Test.Name, r.Test.File, r.Passed, r.Error,
                    r.Differences.Select(d => new DifferenceJson(d.Field, d.Expected, d.Actual)))),
                coverage
                    ? new CoverageJson(
                        report.FullCoverage,
                        report.Coverage.Select(c => new RuleCoverageJson(c.RuleSet, c.Gate.JsonName(), c.Rule, c.SeenPassing, c.SeenFailing)))
                    : null), ChiBoJson.Options));
            return report.AllPassed ? Program.Ok : Program.Findings;
        }

        foreach (var result in report.Results)
        {
            var file = result.Test.File is { } f ? Path.GetRelativePath(folder, f) : "—";
            stdout.WriteLine($"{(result.Passed ? (en ? "pass" : "đạt ") : (en ? "FAIL" : "SAI "))}  {file} — {result.Test.Name}");
            if (result.Error is { } error)
            {
                stdout.WriteLine(en ? $"      the case could not be evaluated: {error}" : $"      không đánh giá được hồ sơ: {error}");
            }

            foreach (var d in result.Differences)
            {
                stdout.WriteLine(en
                    ? $"      {d.Field}: expected {d.Expected}, the answer says {d.Actual}"
                    : $"      {d.Field}: mong đợi {d.Expected}, kết quả là {d.Actual}");
            }
        }

        var failed = report.Results.Count(r => !r.Passed);
        stdout.WriteLine(en
            ? $"{report.Results.Count - failed} of {report.Results.Count} test(s) passed{(failed > 0 ? $", {failed} failed" : string.Empty)}."
            : $"Đạt {report.Results.Count - failed}/{report.Results.Count} kiểm thử{(failed > 0 ? $", {failed} không đạt" : string.Empty)}.");
        if (coverage)
        {
            stdout.WriteLine();
            foreach (var era in report.Coverage.GroupBy(c => c.RuleSet))
            {
                var full = era.Count(c => c.Full);
                stdout.WriteLine(en
                    ? $"Coverage of {era.Key}: {full}/{era.Count()} rules seen passing and failing"
                    : $"Độ phủ của bộ quy định {era.Key}: {full}/{era.Count()} quy định đã thấy cả đạt và không đạt");
                foreach (var c in era)
                {
                    var mark = c.Full ? "✓" : "✗";
                    var pass = c.SeenPassing ? (en ? "passing" : "đạt") : "—";
                    var fail = c.SeenFailing ? (en ? "failing" : "không đạt") : "—";
                    stdout.WriteLine($"  [{mark}] {c.Gate.JsonName() + "/" + c.Rule,-48} {pass,-10} {fail}");
                }
            }

            stdout.WriteLine(report.FullCoverage
                ? (en ? "Every rule of every era was seen passing and failing." : "Mọi quy định của mọi thời kỳ đều đã thấy cả đạt và không đạt.")
                : (en ? $"{report.Coverage.Count(c => !c.Full)} rule(s) not fully covered." : $"{report.Coverage.Count(c => !c.Full)} quy định chưa phủ đủ."));
        }

        return report.AllPassed ? Program.Ok : Program.Findings;
    }

    // What --json prints. Named, not anonymous, so that their JSON metadata can be generated at build time (a Native
    // AOT build of the tool has no reflection-made metadata); the properties and their order are those of before.
    internal sealed record TestsJson(bool Passed, IEnumerable<TestJson> Tests, CoverageJson? Coverage);

    internal sealed record TestJson(string Name, string? File, bool Passed, string? Error, IEnumerable<DifferenceJson> Differences);

    internal sealed record DifferenceJson(string Field, string Expected, string Actual);

    internal sealed record CoverageJson(bool Full, IEnumerable<RuleCoverageJson> Rules);

    internal sealed record RuleCoverageJson(string RuleSet, string Gate, string Rule, bool SeenPassing, bool SeenFailing);
}
