using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Loading;
using ChiBo.Serialization;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Rules;

/// <summary>
/// Loads a rule file, and loading is validation: the JSON, every required field, every parameter, each
/// expression (parsed, type-checked against the rule language and compiled) — all at once. A file with any
/// problem gives no rule set, only the list of problems, each naming the file, the workflow, the rule and the
/// line; a rule that does not compile can therefore never behave as a rule that evaluated to false.
/// </summary>
public static partial class RuleSetLoader
{
    /// <summary>The largest rule file accepted, in bytes (1 MiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The most workflows a rule set may hold.</summary>
    public const int MaxWorkflows = 16;

    /// <summary>The most rules a rule set may hold, across its workflows.</summary>
    public const int MaxRules = 256;

    /// <summary>Loads a rule set from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="fileName">The file name to cite in errors, or null.</param>
    /// <returns>The rule set, or every error found.</returns>
    public static RuleLoadResult<RuleSet> Load(ReadOnlySpan<byte> utf8Json, string? fileName) => Load(utf8Json, fileName, null);

    /// <summary>Loads a rule set, sharing the checked expressions of the files loaded with the same cache.</summary>
    internal static RuleLoadResult<RuleSet> Load(ReadOnlySpan<byte> utf8Json, string? fileName, ExpressionCache? cache) =>
        Load(utf8Json, fileName, cache, fastReader: true);

    /// <summary>Loads with System.Text.Json only (the reference path the fast reader must agree with), for tests and benchmarks.</summary>
    internal static RuleLoadResult<RuleSet> LoadWithSerializer(ReadOnlySpan<byte> utf8Json, string? fileName) =>
        Load(utf8Json, fileName, null, fastReader: false);

    private static RuleLoadResult<RuleSet> Load(ReadOnlySpan<byte> utf8Json, string? fileName, ExpressionCache? cache, bool fastReader)
    {
        RuleExpressionCompiler.WarmUpInBackground();

        // The fast reader takes the usual file (the shipped ones) or gives up, and then System.Text.Json reads it and
        // reports every error as before (issue 17: the serializer's first use was the largest share of a cold start).
        var document = fastReader && utf8Json.Length <= MaxFileBytes
            ? RuleSetFastReader.TryRead(utf8Json[(utf8Json.StartsWith("\uFEFF"u8) ? 3 : 0)..])
            : null;
        CaseFileError? jsonError = null;
        if (document is null)
        {
            (document, jsonError) = RuleSetDocument.ReadWithSerializer(utf8Json, fileName);
        }

        if (document is null)
        {
            var error = jsonError!;
            return Fail(JsonErrors.Explain(new RuleLoadError(error.Code, error.Message, fileName, Line: error.Line, Column: error.Column, Path: error.Path ?? "$"), utf8Json));
        }

        var context = new Context(fileName, cache ?? new ExpressionCache());
        var result = context.Build(document);

        // Lines and columns are needed only to report errors: the file is scanned for them only then.
        if (result.Value is null)
        {
            return new RuleLoadResult<RuleSet>(null, context.Locate(JsonPositions.Scan(utf8Json[(utf8Json.StartsWith("\uFEFF"u8) ? 3 : 0)..])));
        }

        result.Value.Digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(utf8Json));
        return result;
    }

    /// <summary>
    /// Loads a rule set from a stream of UTF-8 JSON, at most <see cref="MaxFileBytes"/> bytes: a longer stream is
    /// refused (<c>file.tooLarge</c>) after reading one byte past the limit, or at once when it is seekable.
    /// </summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name to cite in errors, or null.</param>
    /// <returns>The rule set, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static RuleLoadResult<RuleSet> Load(Stream utf8Json, string? fileName)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = JsonFiles.ReadBounded(utf8Json, MaxFileBytes, fileName);
        return error is null
            ? Load(bytes!, fileName)
            : Fail(new RuleLoadError(error.Code, error.Message, fileName, Path: error.Path));
    }

    /// <summary>Loads a rule set from a stream of UTF-8 JSON asynchronously, as <see cref="Load(Stream, string?)"/> does.</summary>
    /// <param name="utf8Json">The stream; read to its end (or just past the limit) and not closed.</param>
    /// <param name="fileName">The file name to cite in errors, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule set, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<RuleLoadResult<RuleSet>> LoadAsync(Stream utf8Json, string? fileName, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json, nameof(utf8Json));
        var (bytes, error) = await JsonFiles.ReadBoundedAsync(utf8Json, MaxFileBytes, fileName, cancellationToken).ConfigureAwait(false);
        return error is null
            ? Load(bytes!, fileName)
            : Fail(new RuleLoadError(error.Code, error.Message, fileName, Path: error.Path));
    }

    /// <summary>Loads a rule set from a file on disk asynchronously, with the safe reader of <see cref="LoadFile(string)"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule set, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<RuleLoadResult<RuleSet>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        var read = await RegularFile.ReadAllBytesAsync(path, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return FromRead(path, read, null);
    }

    /// <summary>The rule set of bytes read from a file, or the read's error as a rule-file error.</summary>
    internal static RuleLoadResult<RuleSet> FromRead(string path, (byte[]? Bytes, CaseFileError? Error) read, ExpressionCache? cache) =>
        read.Error is { } error
            ? Fail(new RuleLoadError(error.Code, error.Message, path, Path: error.Path ?? "$"))
            : Load(read.Bytes!, path, cache);

    /// <summary>
    /// Loads a rule set from a file on disk. Only a regular file is opened: a named pipe, a device, a folder, a dangling
    /// or looping link is an error naming the path (<c>file.notRegular</c>, <c>file.danglingLink</c>, <c>file.linkLoop</c>);
    /// at most <see cref="MaxFileBytes"/> bytes are read whatever size the file reports (<c>file.tooLarge</c>); the read
    /// never blocks; any other problem is <c>file.unreadable</c>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The rule set, or every error found (an unreadable file is an error, not an exception).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RuleLoadResult<RuleSet> LoadFile(string path) => LoadFile(path, null);

    /// <summary>Loads a rule set from a file, sharing the checked expressions of the files loaded with the same cache.</summary>
    internal static RuleLoadResult<RuleSet> LoadFile(string path, ExpressionCache? cache)
    {
        Preconditions.CheckNotNull(path, nameof(path));

        // The shared safe reader: only a regular file is opened (a FIFO, device, folder, dangling or looping link is
        // an error), at most MaxFileBytes + 1 bytes are read whatever size the file reports, and nothing blocks.
        return FromRead(path, RegularFile.ReadAllBytes(path, MaxFileBytes), cache);
    }

    /// <summary>The earliest <c>effectiveFrom</c> accepted: the founding of the Communist Party of Vietnam (3 February 1930).</summary>
    private static readonly LocalDate MinEffectiveFrom = new(1930, 2, 3);

    /// <summary>The latest <c>effectiveFrom</c> accepted: the working-day calendar's last day.</summary>
    private static readonly LocalDate MaxEffectiveFrom = ChiBo.Calendar.WorkingDayCalendar.MaxDate;

    private static RuleLoadResult<RuleSet> Fail(RuleLoadError error) => new(null, [error]);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.\-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex RuleIdPattern();

    private sealed class Context(string? file, ExpressionCache cache)
    {
        // Errors are collected without line and column; Locate adds them when the load fails.
        private readonly List<RuleLoadError> errors = [];
        private readonly List<int> columnOffsets = [];

        public RuleLoadResult<RuleSet> Build(RuleSetDocument document)
        {
            var id = document.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                Error("ruleSet.missingField", "the rule set has no 'id'", "$");
            }
            else if (!IdPattern().IsMatch(id))
            {
                Error("ruleSet.badId", $"the id '{id}' must be lower-case letters, digits, '.' or '-' (e.g. 2016-qd29)", "$.id");
            }

            if (document.EffectiveFrom is not { } effectiveFrom)
            {
                Error("ruleSet.missingField", "the rule set has no 'effectiveFrom' date", "$");
            }
            else if (effectiveFrom < MinEffectiveFrom || effectiveFrom > MaxEffectiveFrom)
            {
                Error("ruleSet.outOfRange",
                    $"'effectiveFrom' is {effectiveFrom:uuuu-MM-dd}; it must be between {MinEffectiveFrom:uuuu-MM-dd} (the Party's founding) and {MaxEffectiveFrom:uuuu-MM-dd} (the calendar's end)",
                    "$.effectiveFrom");
            }

            var title = Text(document.Title, "$.title", "title", null, null);
            if (document.Sources is not { Count: > 0 } || document.Sources.Any(string.IsNullOrWhiteSpace))
            {
                Error("ruleSet.missingField", "the rule set needs 'sources': the documents it implements", "$");
            }

            var parameters = Parameters(document.Parameters);
            var drafts = parameters is null ? [] : Workflows(document.Workflows, parameters);
            if (errors.Count > 0)
            {
                return new RuleLoadResult<RuleSet>(null, errors.ToArray());
            }

            // Every expression checked: compile each workflow's rules into one delegate, the parameters folded in.
            var workflows = ImmutableArray.CreateBuilder<RuleWorkflow>(drafts.Count);
            foreach (var (gate, rules) in drafts)
            {
                if (Compile(rules, parameters!) is { } run)
                {
                    // A member workflow (memberStanding, exemption) has no gate: its rules' drafts carry its name.
                    workflows.Add(new RuleWorkflow(gate, [.. rules.Select(r => r.Rule)], run, gate == Gate.None && rules.Count > 0 ? rules[0].Workflow : null));
                }
            }

            if (errors.Count > 0)
            {
                return new RuleLoadResult<RuleSet>(null, errors.ToArray());
            }

            return new RuleLoadResult<RuleSet>(
                new RuleSet(id!, title!.Value, document.Description, document.EffectiveFrom!.Value,
                    [.. document.Sources!], parameters!, workflows.MoveToImmutable(), file),
                []);
        }

        /// <summary>
        /// The workflow's delegate, or null with an <c>expression.invalid</c> error for each rule that does not compile:
        /// the checks before should have refused it, so this is defence in depth — the loader never throws.
        /// </summary>
        private WorkflowPredicate? Compile(List<RuleDraft> rules, RuleParameters parameters)
        {
            try
            {
                return RuleExpressionCompiler.CompileWorkflow(rules.Select(r => (r.Predicate, r.Pending)).ToArray(), parameters, deferred: true);
            }
            catch (Exception)
            {
                // Find the rules that fail alone, to name them.
                foreach (var rule in rules)
                {
                    foreach (var (expression, text, field) in new[] { (rule.Predicate, rule.Rule.Expression, "Expression"), (rule.Pending, rule.Rule.PendingWhen, "pendingWhen") })
                    {
                        if (expression is null)
                        {
                            continue;
                        }

                        try
                        {
                            RuleExpressionCompiler.CompileWorkflow([(expression, null)], parameters);
                        }
                        catch (Exception ex)
                        {
                            Error("expression.invalid", $"{field} '{text}' could not be compiled ({ex.GetType().Name}: {ex.Message})", $"{rule.Path}.{field}", rule.Rule.Id, rule.Workflow);
                        }
                    }
                }

                if (errors.Count == 0)
                {
                    Error("expression.invalid", "the workflow's rules could not be compiled together", rules.Count > 0 ? rules[0].Path : "$.workflows", rules.FirstOrDefault()?.Rule.Id, rules.FirstOrDefault()?.Workflow);
                }

                return null;
            }
        }

        /// <summary>The errors with the line and column of each path (and, in an expression, of the character).</summary>
        public RuleLoadError[] Locate(JsonPositions positions)
        {
            var located = new RuleLoadError[errors.Count];
            for (var i = 0; i < errors.Count; i++)
            {
                var error = errors[i];
                var (line, column) = error.Path is { } path ? positions.Find(path) : (null, null);
                located[i] = error with { Line = line, Column = column is { } c && columnOffsets[i] > 0 ? c + columnOffsets[i] : column };
            }

            return located;
        }

        private RuleParameters? Parameters(Dictionary<string, ParameterDocument>? documents)
        {
            if (documents is null)
            {
                Error("ruleSet.missingField", "the rule set has no 'parameters' section", "$");
                return null;
            }

            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            var info = new Dictionary<string, RuleParameterInfo>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (name, parameter) in documents)
            {
                var path = $"$.parameters.{name}";
                if (!RuleParameters.Names.Contains(name))
                {
                    Error("parameter.unknown", $"unknown parameter '{name}'.{Suggestions.Hint(name, RuleParameters.Names)} The parameters are: {string.Join(", ", RuleParameters.Names)}", path);
                    ok = false;
                    continue;
                }

                if (parameter is null)
                {
                    Error("parameter.missingField", $"the parameter '{name}' is null; write {{ \"value\": …, \"source\": … }}", path);
                    ok = false;
                    continue;
                }

                if (string.IsNullOrWhiteSpace(parameter.Source))
                {
                    Error("parameter.missingField", $"the parameter '{name}' has no 'source'", path);
                    ok = false;
                }

                if (ValueOf(name, parameter.Value, path + ".value") is { } value)
                {
                    values[name] = value;
                    info[name] = new RuleParameterInfo(name, value, parameter.Unit, parameter.Source ?? string.Empty, parameter.Description)
                    {
                        SourceNote = parameter.SourceNote is null ? null : Text(parameter.SourceNote, path + ".sourceNote", "sourceNote", null, null),
                    };
                }
                else
                {
                    ok = false;
                }
            }

            foreach (var missing in RuleParameters.Names.Where(n => !documents.ContainsKey(n) && !RuleParameters.Optional.ContainsKey(n)))
            {
                Error("parameter.missing", $"the parameter '{missing}' is missing; every parameter must be stated", "$.parameters");
                ok = false;
            }

            if (ok && values["voteNumerator"] > values["voteDenominator"])
            {
                Error("parameter.outOfRange", "'voteNumerator' must not exceed 'voteDenominator'", "$.parameters.voteNumerator");
                ok = false;
            }

            return ok ? new RuleParameters(values, info) : null;
        }

        private int? ValueOf(string name, JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                Error("parameter.missingField", $"the parameter '{name}' has no 'value'", path);
                return null;
            }

            if (RuleParameters.IsEducationLevel(name))
            {
                // One name, exactly (letter case aside): not a number ("3"), not flags ("primary, lowerSecondary"),
                // which Enum.TryParse would accept and combine.
                var names = Enum.GetNames<EducationLevel>();
                var written = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                if (written is not null && Array.FindIndex(names, n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
                {
                    return (int)Enum.Parse<EducationLevel>(names[index]);
                }

                Error("parameter.wrongType",
                    $"'{name}' must be one education level name{(written is null ? string.Empty : $", not '{written}'")}: {string.Join(", ", names.Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}",
                    path);
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                Error("parameter.wrongType", $"'{name}' must be a whole number", path);
                return null;
            }

            var (min, max) = RuleParameters.RangeOf(name);
            if (number < min || number > max)
            {
                Error("parameter.outOfRange", $"'{name}' is {number}; it must be between {min} and {max}", path);
                return null;
            }

            return number;
        }

        private List<(Gate Gate, List<RuleDraft> Rules)> Workflows(List<WorkflowDocument>? documents, RuleParameters parameters)
        {
            if (documents is null)
            {
                Error("ruleSet.missingField", "the rule set has no 'workflows'", "$");
                return [];
            }

            if (documents.Count == 0)
            {
                Error("ruleSet.empty", "the rule set has no workflows: a rule set that judges nothing would pass every case", "$.workflows");
                return [];
            }

            if (documents.Count > MaxWorkflows)
            {
                Error("limit.exceeded", $"the rule set has {documents.Count} workflows; at most {MaxWorkflows} are accepted", "$.workflows");
                return [];
            }

            if (documents.Sum(w => w?.Rules?.Count ?? 0) > MaxRules)
            {
                Error("limit.exceeded", $"the rule set has more than {MaxRules} rules", "$.workflows");
                return [];
            }

            var workflows = new List<(Gate, List<RuleDraft>)>(documents.Count);
            // The gates seen, one bit each (a HashSet<Gate> is generic framework code over a ChiBo value type, which
            // ReadyToRun cannot precompile: a cold start would JIT-compile it, issue 17).
            var gates = 0UL;
            var memberNames = new HashSet<string>(StringComparer.Ordinal);
            for (var w = 0; w < documents.Count; w++)
            {
                var document = documents[w];
                var path = $"$.workflows[{w}]";
                if (document is null)
                {
                    Error("workflow.missingField", "a workflow is null; write { \"WorkflowName\": …, \"Rules\": [ … ] }", path);
                    continue;
                }

                var name = document.WorkflowName;
                if (string.IsNullOrWhiteSpace(name))
                {
                    Error("workflow.missingField", "a workflow has no 'WorkflowName'", path);
                    continue;
                }

                var gate = GateNamed(name);
                var member = MemberWorkflows.Names.Contains(name);
                if (gate is null && !member)
                {
                    Error("workflow.unknownGate", $"'{name}' is not a gate; the gates are: {string.Join(", ", Enum.GetValues<Gate>().Where(g => g != Gate.None).Select(g => g.JsonName()))} (and the member workflows: {string.Join(", ", MemberWorkflows.Names)})", path + ".WorkflowName", workflow: name);
                    continue;
                }

                if (member ? !memberNames.Add(name) : !AddGate(ref gates, gate!.Value))
                {
                    Error("workflow.duplicate", $"the gate '{name}' has two workflows", path + ".WorkflowName", workflow: name);
                    continue;
                }

                if (document.Rules is not { } rules)
                {
                    Error("workflow.missingField", "the workflow has no 'Rules'", path, workflow: name);
                    continue;
                }

                if (rules.Count == 0)
                {
                    Error("workflow.empty", "the workflow has no rules: a gate with no rules would pass every case", path + ".Rules", workflow: name);
                    continue;
                }

                if (rules.Count > RuleWorkflow.MaxRules)
                {
                    Error("limit.exceeded", $"the workflow has {rules.Count} rules; at most {RuleWorkflow.MaxRules} are accepted", path + ".Rules", workflow: name);
                    continue;
                }

                var built = new List<RuleDraft>(rules.Count);
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var r = 0; r < rules.Count; r++)
                {
                    if (rules[r] is null)
                    {
                        Error("rule.missingField", "a rule is null; write { \"RuleName\": …, \"Expression\": …, … }", $"{path}.Rules[{r}]", workflow: name);
                        continue;
                    }

                    if (Rule(rules[r], $"{path}.Rules[{r}]", name, parameters, ids) is { } rule)
                    {
                        built.Add(rule);
                    }
                }

                workflows.Add((gate ?? Gate.None, built));
            }

            return workflows;
        }

        // The gate whose JSON name this is (not None), or null; a loop rather than LINQ over Gate (see above).
        private static Gate? GateNamed(string name)
        {
            foreach (var gate in Enum.GetValues<Gate>())
            {
                if (gate != Gate.None && gate.JsonName() == name)
                {
                    return gate;
                }
            }

            return null;
        }

        private static bool AddGate(ref ulong gates, Gate gate)
        {
            var bit = 1UL << (int)gate;
            if ((gates & bit) != 0)
            {
                return false;
            }

            gates |= bit;
            return true;
        }

        private RuleDraft? Rule(RuleDocument document, string path, string workflow, RuleParameters parameters, HashSet<string> ids)
        {
            var id = document.RuleName;
            if (string.IsNullOrWhiteSpace(id))
            {
                Error("rule.missingField", "a rule has no 'RuleName' (its stable id, e.g. age.minimum)", path, workflow: workflow);
                return null;
            }

            var before = errors.Count;
            if (!RuleIdPattern().IsMatch(id))
            {
                Error("rule.badId", $"the id '{id}' must be dotted camelCase words (e.g. age.minimum)", path + ".RuleName", id, workflow);
            }
            else if (!ids.Add(id))
            {
                Error("rule.duplicateId", $"two rules of the workflow have the id '{id}'", path + ".RuleName", id, workflow);
            }

            if (document.RuleExpressionType is { } type && type != "LambdaExpression")
            {
                Error("rule.unsupported", $"'RuleExpressionType' must be 'LambdaExpression', not '{type}'", path + ".RuleExpressionType", id, workflow);
            }

            if (document.Enabled == false)
            {
                Error("rule.unsupported", "'Enabled': false is not supported: a disabled rule would silently not be applied. Remove the rule, or remove 'Enabled'", path + ".Enabled", id, workflow);
            }

            if (document.LocalParams is not null || document.Rules is not null)
            {
                Error("rule.unsupported", "'LocalParams' and nested 'Rules' are not supported: write one expression over the facts", path, id, workflow);
            }

            if (string.IsNullOrWhiteSpace(document.Source))
            {
                Error("rule.missingField", "the rule has no 'source' (document and article)", path, id, workflow);
            }

            var message = Text(document.Messages, path + ".messages", "messages", id, workflow) is { } written
                ? MessageText.Expand(written, parameters, out var problem) is { } expanded
                    ? expanded
                    : Fail("rule.message", problem!.Message, path + ".messages." + problem.Language, id, workflow)
                : null;
            var title = document.Title is null ? null : Text(document.Title, path + ".title", "title", id, workflow);
            var sourceNote = document.SourceNote is null ? null : Text(document.SourceNote, path + ".sourceNote", "sourceNote", id, workflow);
            LocalizedText? findingText = document.Finding is null ? null : Text(document.Finding, path + ".finding", "finding", id, workflow);
            FindingTemplate? finding = null;
            if (findingText is { } writtenFinding)
            {
                finding = FindingTemplate.Parse(writtenFinding, out var findingProblem);
                if (finding is null)
                {
                    Error("rule.finding", findingProblem!.Message, path + ".finding." + findingProblem.Language, id, workflow);
                }
            }
            var (description, descriptionText) = Description(document.Description, path + ".description", id, workflow);
            var predicate = Expression(document.Expression, path + ".Expression", "Expression", id, workflow, parameters, required: true);
            var pending = Expression(document.PendingWhen, path + ".pendingWhen", "pendingWhen", id, workflow, parameters, required: false);
            if (errors.Count > before || predicate is null || message is null)
            {
                return null;
            }

            return new RuleDraft(
                new RuleDefinition(id, document.Expression!, document.PendingWhen, document.Source!, message.Value, description, descriptionText, title, finding, findingText) { ErrorMessage = document.ErrorMessage, SourceNote = sourceNote },
                predicate, pending, path, workflow);
        }

        /// <summary>
        /// A rule's <c>description</c>: a plain string (a legacy or edited file, one language) or an object with both
        /// <c>vi</c> and <c>en</c> (the shipped files); anything else is <c>rule.description</c>.
        /// </summary>
        private (string? Text, LocalizedText? Both) Description(JsonElement? value, string path, string rule, string workflow)
        {
            switch (value)
            {
                case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                    return (null, null);
                case { ValueKind: JsonValueKind.String } text:
                    return (text.GetString(), null);
                case { ValueKind: JsonValueKind.Object } both
                    when both.TryGetProperty("vi", out var vi) && vi.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(vi.GetString())
                        && both.TryGetProperty("en", out var en) && en.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(en.GetString())
                        && PropertyCount(both) == 2:
                    return (en.GetString(), new LocalizedText(vi.GetString()!, en.GetString()!));
                default:
                    Error("rule.description", "'description' must be a string or { \"vi\": …, \"en\": … } with both texts and nothing else", path, rule, workflow);
                    return (null, null);
            }
        }

        // Counted by hand: LINQ's Count over JsonProperty is generic code over a framework value type, which ReadyToRun
        // cannot precompile for ChiBo, so a cold start would JIT-compile it (issue 17).
        private static int PropertyCount(JsonElement element)
        {
            var count = 0;
            foreach (var _ in element.EnumerateObject())
            {
                count++;
            }

            return count;
        }

        private CheckedExpression? Expression(string? text, string path, string field, string rule, string workflow, RuleParameters parameters, bool required)
        {
            if (text is null)
            {
                if (required)
                {
                    Error("rule.missingField", $"the rule has no '{field}'", path[..path.LastIndexOf('.')], rule, workflow);
                }

                return null;
            }

            // Parsed and checked once per text for the whole load; what depends on this rule set's values, here.
            CheckedExpression? expression;
            ExpressionError? error;
            try
            {
                (expression, error) = cache.Check(text);
                error ??= RuleExpressionCompiler.CheckWith(expression!, parameters);
            }
            catch (Exception ex)
            {
                // Defence in depth: no check may make the loader throw.
                (expression, error) = (null, new ExpressionError("expression.invalid", $"the expression could not be checked ({ex.GetType().Name})", null));
            }

            if (error is not null)
            {
                var at = error.Position is { } p ? $" (at character {p + 1} of the expression)" : string.Empty;
                // A hostile text may be 2,000 characters of '(': quote its start only.
                var quoted = text.Length <= 160 ? text : text[..150] + "…";
                errors.Add(new RuleLoadError(error.Code, $"{field} '{quoted}' {Describe(error)}{at}", file, rule, workflow, Path: path));
                columnOffsets.Add(error.Position is { } q ? q + 1 : 0);
                return null;
            }

            return expression;
        }

        private static string Describe(ExpressionError error) => error.Code switch
        {
            "expression.forbidden" or "expression.literal" => $"is refused: {error.Message}",
            "expression.tooComplex" => $"is too complex: {error.Message}",
            "expression.type" => $"does not type-check: {error.Message}",
            "expression.unknownName" => $"names something that does not exist: {error.Message}",
            "expression.invalid" => $"is invalid: {error.Message}",
            _ => $"does not parse: {error.Message}",
        };

        private LocalizedText? Text(TextDocument? text, string path, string field, string? rule, string? workflow)
        {
            if (text is null || string.IsNullOrWhiteSpace(text.Vi) || string.IsNullOrWhiteSpace(text.En))
            {
                Error(rule is null ? "ruleSet.missingField" : "rule.missingField",
                    $"'{field}' needs both 'vi' (Vietnamese) and 'en' (English)", text is null ? path[..path.LastIndexOf('.')] : path, rule, workflow);
                return null;
            }

            return new LocalizedText(text.Vi, text.En);
        }

        private LocalizedText? Fail(string code, string message, string path, string rule, string workflow)
        {
            Error(code, message, path, rule, workflow);
            return null;
        }

        private void Error(string code, string message, string path, string? rule = null, string? workflow = null)
        {
            errors.Add(new RuleLoadError(code, message, file, rule, workflow, Path: path));
            columnOffsets.Add(0);
        }
    }

    /// <summary>A rule checked but not yet compiled: its definition and its checked expressions.</summary>
    private sealed record RuleDraft(RuleDefinition Rule, CheckedExpression Predicate, CheckedExpression? Pending, string Path, string Workflow);
}
