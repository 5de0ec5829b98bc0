using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Rules.Loading;
using ChiBo.Serialization;
using ChiBo.Utility;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Rules.Testing;

/// <summary>
/// Reads rule tests (<c>*.test.json</c>): <c>{ "name", "case": {…} | "caseFile": "path", "asOf", "expect": { "stage"?,
/// "nextGate"?, "ruleSet"?, "passed"?, "failed"?, "violations"?, "deadlines"? } }</c>. A <c>caseFile</c> is relative to
/// the test file's folder. Every problem is a <see cref="RuleLoadError"/> naming the file, line and JSON path (codes
/// <c>test.json</c>, <c>test.unknownProperty</c> with a "did you mean", <c>test.missingField</c>, <c>test.wrongType</c>,
/// <c>test.case</c>, <c>file.unreadable</c>…); nothing throws.
/// </summary>
public static class RuleTestLoader
{
    /// <summary>The suffix of a rule test file.</summary>
    public const string FileSuffix = ".test.json";

    private static readonly string[] TopFields = ["$schema", "name", "description", "case", "caseFile", "asOf", "expect"];
    private static readonly string[] ExpectFields = ["stage", "nextGate", "ruleSet", "passed", "failed", "violations", "deadlines"];
    private static readonly string[] DeadlineFields = ["due", "status"];
    private static readonly string[] StatusNames = ["pending", "dueSoon", "overdue", "met", "metLate"];

    /// <summary>Loads one test file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The test, or every error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RuleLoadResult<RuleTest> LoadFile(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var (bytes, error) = RegularFile.ReadAllBytes(path, RuleSetLoader.MaxFileBytes);
        return error is not null
            ? new RuleLoadResult<RuleTest>(null, [new RuleLoadError(error.Code, error.Message, path, Path: error.Path ?? "$")])
            : Load(bytes!, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Loads every <c>*.test.json</c> of a folder and its subfolders, in ordinal order of their paths.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The tests, or every error of every file (no test is dropped silently).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    public static RuleLoadResult<RuleTestSuite> LoadDirectory(string folder)
    {
        Preconditions.CheckNotNull(folder, nameof(folder));
        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*" + FileSuffix, SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new RuleLoadResult<RuleTestSuite>(null, [new RuleLoadError("file.unreadable", ex.Message, folder)]);
        }

        if (files.Length == 0)
        {
            return new RuleLoadResult<RuleTestSuite>(null, [new RuleLoadError("test.none", $"no rule test (*{FileSuffix}) was found", folder)]);
        }

        var tests = new List<RuleTest>();
        var errors = new List<RuleLoadError>();
        foreach (var file in files)
        {
            var result = LoadFile(file);
            errors.AddRange(result.Errors);
            if (result.Value is { } test)
            {
                tests.Add(test);
            }
        }

        return errors.Count > 0
            ? new RuleLoadResult<RuleTestSuite>(null, errors)
            : new RuleLoadResult<RuleTestSuite>(new RuleTestSuite(tests), []);
    }

    /// <summary>Loads a test from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="fileName">The file name to cite in errors, or null.</param>
    /// <param name="baseFolder">The folder a <c>caseFile</c> is relative to, or null for the current folder.</param>
    /// <returns>The test, or every error.</returns>
    public static RuleLoadResult<RuleTest> Load(ReadOnlySpan<byte> utf8Json, string? fileName, string? baseFolder = null)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return Fail(new RuleLoadError("test.json", $"the test file is not valid JSON: {ex.Message}", fileName,
                Line: ex.LineNumber is { } l ? (int)l + 1 : null, Column: ex.BytePositionInLine is { } c ? (int)c + 1 : null, Path: "$"));
        }

        using (document)
        {
            var errors = new List<RuleLoadError>();
            var positions = JsonPositions.Scan(utf8Json);
            void Error(string code, string message, string path)
            {
                var (line, column) = positions.Find(path);
                errors.Add(new RuleLoadError(code, message, fileName, Line: line, Column: column, Path: path));
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("test.wrongType", "a rule test is one object: { \"name\", \"case\" or \"caseFile\", \"asOf\", \"expect\" }", "$");
                return new RuleLoadResult<RuleTest>(null, errors);
            }

            Unknown(root, TopFields, "$", Error);
            var name = String(root, "name", "$", Error, required: true);
            LocalDate? asOf = null;
            if (String(root, "asOf", "$", Error, required: true) is { } asOfText)
            {
                var parsed = LocalDatePattern.Iso.Parse(asOfText);
                if (parsed.Success)
                {
                    asOf = parsed.Value;
                }
                else
                {
                    Error("test.wrongType", $"'asOf' is '{asOfText}', not a date in the form yyyy-MM-dd", "$.asOf");
                }
            }

            CaseFile? caseFile = null;
            var hasCase = root.TryGetProperty("case", out var inline);
            var caseFileName = String(root, "caseFile", "$", Error, required: false);
            if (hasCase == (caseFileName is not null))
            {
                Error("test.missingField", "a rule test needs exactly one of 'case' (the case inline) and 'caseFile' (a path to a *.case.json)", "$");
            }
            else if (hasCase)
            {
                var read = CaseFileSerializer.Read(inline.GetRawText(), fileName);
                foreach (var e in read.Errors)
                {
                    var path = e.Path is { Length: > 1 } p && p.StartsWith('$') ? "$.case" + p[1..] : "$.case";
                    Error("test.case", $"the test's case: {e.Message}", path);
                }

                caseFile = read.Value;
            }
            else
            {
                var full = Path.Combine(baseFolder ?? ".", caseFileName!);
                var read = CaseFileSerializer.ReadFile(full);
                foreach (var e in read.Errors)
                {
                    errors.Add(new RuleLoadError("test.case", $"the case file '{caseFileName}': {e}", fileName, Line: positions.Find("$.caseFile").Line, Path: "$.caseFile"));
                }

                caseFile = read.Value;
            }

            var expect = root.TryGetProperty("expect", out var expected) ? Expectation(expected, Error) : null;
            if (expect is null && !root.TryGetProperty("expect", out _))
            {
                Error("test.missingField", "the test has no 'expect': what the answer must say", "$");
            }

            return errors.Count > 0 || name is null || asOf is null || caseFile is null || expect is null
                ? new RuleLoadResult<RuleTest>(null, errors.Count > 0 ? errors : [new RuleLoadError("test.invalid", "the test could not be read", fileName, Path: "$")])
                : new RuleLoadResult<RuleTest>(new RuleTest(name, fileName, caseFile, asOf.Value, expect), []);
        }
    }

    private static RuleTestExpectation? Expectation(JsonElement expect, Action<string, string, string> error)
    {
        if (expect.ValueKind != JsonValueKind.Object)
        {
            error("test.wrongType", "'expect' must be an object: { \"stage\"?, \"nextGate\"?, \"ruleSet\"?, \"passed\"?, \"failed\"?, \"violations\"?, \"deadlines\"? }", "$.expect");
            return null;
        }

        Unknown(expect, ExpectFields, "$.expect", error);
        var stage = String(expect, "stage", "$.expect", error, required: false);
        if (stage is not null && !Enum.GetValues<Stage>().Any(s => s.JsonName() == stage))
        {
            error("test.wrongType", $"'{stage}' is not a stage.{Suggestions.Hint(stage, Enum.GetValues<Stage>().Select(s => s.JsonName()))}", "$.expect.stage");
        }

        var gate = String(expect, "nextGate", "$.expect", error, required: false);
        if (gate is not null && !Enum.GetValues<Gate>().Any(g => g.JsonName() == gate))
        {
            error("test.wrongType", $"'{gate}' is not a gate.{Suggestions.Hint(gate, Enum.GetValues<Gate>().Select(g => g.JsonName()))}", "$.expect.nextGate");
        }

        Dictionary<string, RuleTestDeadline>? deadlines = null;
        if (expect.TryGetProperty("deadlines", out var written))
        {
            if (written.ValueKind != JsonValueKind.Object)
            {
                error("test.wrongType", "'deadlines' must be an object: { \"holdCeremony\": { \"due\"?, \"status\"? }, … }", "$.expect.deadlines");
            }
            else
            {
                deadlines = new Dictionary<string, RuleTestDeadline>(StringComparer.Ordinal);
                var actions = Enum.GetValues<Evaluation.DeadlineAction>().Select(a => JsonNamingPolicy.CamelCase.ConvertName(a.ToString())).ToArray();
                foreach (var item in written.EnumerateObject())
                {
                    var path = $"$.expect.deadlines.{item.Name}";
                    if (!actions.Contains(item.Name, StringComparer.Ordinal))
                    {
                        error("test.unknownProperty", $"'{item.Name}' is not a deadline action; the actions are: {string.Join(", ", actions)}.{Suggestions.Hint(item.Name, actions)}", path);
                        continue;
                    }

                    if (item.Value.ValueKind != JsonValueKind.Object)
                    {
                        error("test.wrongType", $"the deadline '{item.Name}' must be an object: {{ \"due\"?, \"status\"? }}", path);
                        continue;
                    }

                    Unknown(item.Value, DeadlineFields, path, error);
                    var due = String(item.Value, "due", path, error, required: false);
                    if (due is not null && !LocalDatePattern.Iso.Parse(due).Success)
                    {
                        error("test.wrongType", $"'due' is '{due}', not a date in the form yyyy-MM-dd", path + ".due");
                    }

                    var status = String(item.Value, "status", path, error, required: false);
                    if (status is not null && !StatusNames.Contains(status, StringComparer.Ordinal))
                    {
                        error("test.wrongType", $"'{status}' is not a deadline status; the statuses are: {string.Join(", ", StatusNames)}.{Suggestions.Hint(status, StatusNames)}", path + ".status");
                    }

                    deadlines[item.Name] = new RuleTestDeadline(due, status);
                }
            }
        }

        return new RuleTestExpectation
        {
            Stage = stage,
            NextGate = gate,
            RuleSet = String(expect, "ruleSet", "$.expect", error, required: false),
            Passed = Ids(expect, "passed", error),
            Failed = Ids(expect, "failed", error),
            Violations = Ids(expect, "violations", error),
            Deadlines = deadlines,
        };
    }

    private static List<string>? Ids(JsonElement expect, string field, Action<string, string, string> error)
    {
        if (!expect.TryGetProperty(field, out var list))
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            error("test.wrongType", $"'{field}' must be a list of rule ids, e.g. [\"age.minimum\"]", $"$.expect.{field}");
            return null;
        }

        return [.. list.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string? String(JsonElement parent, string field, string path, Action<string, string, string> error, bool required)
    {
        if (!parent.TryGetProperty(field, out var value))
        {
            if (required)
            {
                error("test.missingField", $"the test has no '{field}'", path);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            error("test.wrongType", $"'{field}' must be a non-empty string", $"{path}.{field}");
            return null;
        }

        return value.GetString();
    }

    private static void Unknown(JsonElement element, string[] known, string path, Action<string, string, string> error)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                error("test.unknownProperty",
                    $"unknown property '{property.Name}'; the properties are: {string.Join(", ", known.Where(k => k != "$schema"))}.{Suggestions.Hint(property.Name, known)}",
                    $"{path}.{property.Name}");
            }
        }
    }

    private static RuleLoadResult<RuleTest> Fail(RuleLoadError error) => new(null, [error]);
}

/// <summary>The rule tests of a folder.</summary>
/// <param name="Tests">The tests, in ordinal order of their files.</param>
public sealed record RuleTestSuite(IReadOnlyList<RuleTest> Tests);
