using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Loading;
using ChiBo.Serialization;
using ChiBo.Text;
using ChiBo.Utility;

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
    internal static RuleLoadResult<RuleSet> Load(ReadOnlySpan<byte> utf8Json, string? fileName, ExpressionCache? cache)
    {
        RuleExpressionCompiler.WarmUpInBackground();
        var (document, jsonError) = JsonFiles.Deserialize(utf8Json, fileName, MaxFileBytes, RuleSetDocument.TypeInfo);
        if (document is null)
        {
            var error = jsonError!;
            return Fail(new RuleLoadError(error.Code, error.Message, fileName, Line: error.Line, Column: error.Column, Path: error.Path ?? "$"));
        }

        var context = new Context(fileName, cache ?? new ExpressionCache());
        var result = context.Build(document);

        // Lines and columns are needed only to report errors: the file is scanned for them only then.
        return result.Value is null
            ? new RuleLoadResult<RuleSet>(null, context.Locate(JsonPositions.Scan(utf8Json[(utf8Json.StartsWith("\uFEFF"u8) ? 3 : 0)..])))
            : result;
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

    /// <summary>Loads a rule set from a file on disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The rule set, or every error found (an unreadable file is an error, not an exception).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RuleLoadResult<RuleSet> LoadFile(string path) => LoadFile(path, null);

    /// <summary>Loads a rule set from a file, sharing the checked expressions of the files loaded with the same cache.</summary>
    internal static RuleLoadResult<RuleSet> LoadFile(string path, ExpressionCache? cache)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Fail(new RuleLoadError("file.tooLarge", $"the file has {info.Length} bytes; at most {MaxFileBytes} are accepted", path, Path: "$"));
            }

            // Read through the bounded stream reader: a file that grows after the check is still not read whole.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var (read, error) = JsonFiles.ReadBounded(stream, MaxFileBytes, path);
            if (error is not null)
            {
                return Fail(new RuleLoadError(error.Code, error.Message, path, Path: error.Path));
            }

            bytes = read!;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(new RuleLoadError("file.unreadable", ex.Message, path, Path: "$"));
        }

        return Load(bytes, path, cache);
    }

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

            if (document.EffectiveFrom is null)
            {
                Error("ruleSet.missingField", "the rule set has no 'effectiveFrom' date", "$");
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
                var run = RuleExpressionCompiler.CompileWorkflow(rules.Select(r => (r.Predicate, r.Pending)).ToArray(), parameters!);
                workflows.Add(new RuleWorkflow(gate, [.. rules.Select(r => r.Rule)], run));
            }

            return new RuleLoadResult<RuleSet>(
                new RuleSet(id!, title!.Value, document.Description, document.EffectiveFrom!.Value,
                    [.. document.Sources!], parameters!, workflows.MoveToImmutable(), file),
                []);
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
                    Error("parameter.unknown", $"unknown parameter '{name}'; the parameters are: {string.Join(", ", RuleParameters.Names)}", path);
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
                    info[name] = new RuleParameterInfo(name, value, parameter.Unit, parameter.Source ?? string.Empty, parameter.Description);
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
                if (value.ValueKind == JsonValueKind.String
                    && Enum.TryParse<EducationLevel>(value.GetString(), ignoreCase: true, out var level)
                    && Enum.IsDefined(level)
                    && !int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    return (int)level;
                }

                Error("parameter.wrongType", $"'{name}' must be an education level name: {string.Join(", ", Enum.GetNames<EducationLevel>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}", path);
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
            var gates = new HashSet<Gate>();
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

                var gate = Enum.GetValues<Gate>().Where(g => g != Gate.None).Cast<Gate?>().FirstOrDefault(g => g!.Value.JsonName() == name);
                if (gate is null)
                {
                    Error("workflow.unknownGate", $"'{name}' is not a gate; the gates are: {string.Join(", ", Enum.GetValues<Gate>().Where(g => g != Gate.None).Select(g => g.JsonName()))}", path + ".WorkflowName", workflow: name);
                    continue;
                }

                if (!gates.Add(gate.Value))
                {
                    Error("workflow.duplicate", $"the gate '{name}' has two workflows", path + ".WorkflowName", workflow: name);
                    continue;
                }

                if (document.Rules is not { } rules)
                {
                    Error("workflow.missingField", "the workflow has no 'Rules'", path, workflow: name);
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

                workflows.Add((gate.Value, built));
            }

            return workflows;
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

            if (document.LocalParams is not null || document.Rules is not null)
            {
                Error("rule.unsupported", "'LocalParams' and nested 'Rules' are not supported: write one expression over the facts", path, id, workflow);
            }

            if (string.IsNullOrWhiteSpace(document.Source))
            {
                Error("rule.missingField", "the rule has no 'source' (document and article)", path, id, workflow);
            }

            var message = Text(document.Messages, path + ".messages", "messages", id, workflow) is { } written
                ? MessageText.Expand(written, parameters, out var unknown) is { } expanded && unknown is null
                    ? expanded
                    : Fail("rule.message", $"the message names '{{params.{unknown}}}', which is not a parameter; the parameters are: {string.Join(", ", RuleParameters.Names)}", path + ".messages", id, workflow)
                : null;
            var (description, descriptionText) = Description(document.Description, path + ".description", id, workflow);
            var predicate = Expression(document.Expression, path + ".Expression", "Expression", id, workflow, parameters, required: true);
            var pending = Expression(document.PendingWhen, path + ".pendingWhen", "pendingWhen", id, workflow, parameters, required: false);
            if (errors.Count > before || predicate is null || message is null || document.Enabled == false)
            {
                return null;
            }

            return new RuleDraft(
                new RuleDefinition(id, document.Expression!, document.PendingWhen, document.Source!, message.Value, description, descriptionText),
                predicate, pending);
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
                        && both.EnumerateObject().Count() == 2:
                    return (en.GetString(), new LocalizedText(vi.GetString()!, en.GetString()!));
                default:
                    Error("rule.description", "'description' must be a string or { \"vi\": …, \"en\": … } with both texts and nothing else", path, rule, workflow);
                    return (null, null);
            }
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
            var (expression, error) = cache.Check(text);
            error ??= RuleExpressionCompiler.CheckWith(expression!, parameters);
            if (error is not null)
            {
                var at = error.Position is { } p ? $" (at character {p + 1} of the expression)" : string.Empty;
                errors.Add(new RuleLoadError(error.Code, $"{field} '{text}' {Describe(error)}{at}", file, rule, workflow, Path: path));
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
    private sealed record RuleDraft(RuleDefinition Rule, CheckedExpression Predicate, CheckedExpression? Pending);
}
