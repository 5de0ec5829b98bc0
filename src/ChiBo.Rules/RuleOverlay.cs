using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChiBo.Cases;
using ChiBo.Rules.Loading;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Rules;

/// <summary>
/// Stricter local criteria (Chỉ thị 28-CT/TW lets a competent committee set them): an overlay rule file,
/// <c>"kind": "overlay"</c>, that adds rules with ids beginning <c>local.</c> to gates of whichever era is in force, for
/// the cells it names (<c>appliesTo.cells</c>: cell ids) and/or the cells under the committees it names
/// (<c>appliesTo.superiors</c>), from <c>effectiveFrom</c> to <c>effectiveTo</c> (inclusive, optional). It can only add
/// checks: a rule whose id does not begin with <c>local.</c> — which would replace, remove or loosen a national rule — is
/// refused at load (<c>overlay.loosens</c>). Its own <c>parameters</c> (the same names as a rule set's) are used by its
/// rules only; the national rules keep their era's values. Load with <see cref="RuleCatalog.WithOverlays"/>.
/// </summary>
public sealed class RuleOverlay
{
    private readonly Dictionary<string, RuleSet> byEra;

    private RuleOverlay(string id, LocalizedText title, ImmutableArray<string> cells, ImmutableArray<string> superiors, LocalDate from, LocalDate? to,
        ImmutableArray<string> sources, string? file, string digest, Dictionary<string, RuleSet> byEra)
    {
        Id = id;
        Title = title;
        Cells = cells;
        Superiors = superiors;
        EffectiveFrom = from;
        EffectiveTo = to;
        Sources = sources;
        File = file;
        Digest = digest;
        this.byEra = byEra;
    }

    /// <summary>The overlay's id, listed in the answer's <c>overlays</c> when it applied.</summary>
    public string Id { get; }

    /// <summary>The title, in Vietnamese and English.</summary>
    public LocalizedText Title { get; }

    /// <summary>The cell ids it applies to (<c>appliesTo.cells</c>).</summary>
    public ImmutableArray<string> Cells { get; }

    /// <summary>The superior committees whose cells it applies to (<c>appliesTo.superiors</c>), matched on the cell as it stood on the gate's date.</summary>
    public ImmutableArray<string> Superiors { get; }

    /// <summary>The first day in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The last day in force, or null.</summary>
    public LocalDate? EffectiveTo { get; }

    /// <summary>The local decisions it implements.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The file, or null.</summary>
    public string? File { get; }

    /// <summary>The hash of the file's bytes (<c>sha256:</c> + hex).</summary>
    public string Digest { get; }

    /// <summary>Whether the overlay applies to a cell (as it stood on the date) on a date.</summary>
    /// <param name="cell">The cell on that date.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when in force and the cell or its superior is named.</returns>
    public bool AppliesTo(Cell cell, LocalDate date) =>
        cell is not null && date >= EffectiveFrom && (EffectiveTo is not { } to || date <= to)
        && (Cells.Contains(cell.Id, StringComparer.Ordinal) || (cell.Superior is { } s && Superiors.Contains(s, StringComparer.Ordinal)));

    /// <summary>The overlay's rules of a gate, compiled with the parameters of an era, or null when it adds none there.</summary>
    internal RuleWorkflow? WorkflowFor(RuleSet era, Lifecycle.Gate gate) => byEra.TryGetValue(era.Id, out var set) ? set.WorkflowFor(gate) : null;

    /// <summary>Loads an overlay file for the eras of a catalog.</summary>
    internal static RuleLoadResult<RuleOverlay> Load(ReadOnlySpan<byte> utf8Json, string? fileName, IReadOnlyList<RuleSet> eras)
    {
        var positions = JsonPositions.Scan(utf8Json[(utf8Json.StartsWith("\uFEFF"u8) ? 3 : 0)..]);
        var errors = new List<RuleLoadError>();
        void Error(string code, string message, string path, string? rule = null, string? workflow = null)
        {
            var (line, column) = positions.Find(path);
            errors.Add(new RuleLoadError(code, message, fileName, rule, workflow, line, column, path));
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(utf8Json.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                ?? throw new JsonException("the overlay must be one JSON object");
        }
        catch (JsonException ex)
        {
            return new RuleLoadResult<RuleOverlay>(null, [new RuleLoadError("json.syntax", ex.Message, fileName, Path: "$")]);
        }

        if ((string?)(root["kind"] as JsonValue) != "overlay")
        {
            Error("overlay.invalid", "an overlay file says \"kind\": \"overlay\"", "$");
        }

        var id = (root["id"] as JsonValue)?.TryGetValue<string>(out var i) == true ? i : null;
        if (id is null || !System.Text.RegularExpressions.Regex.IsMatch(id, @"^[a-z0-9][a-z0-9.\-]{0,63}$"))
        {
            Error("overlay.invalid", "the overlay needs an 'id' of lower-case letters, digits, '.' or '-'", "$");
        }

        var cells = Strings(root["appliesTo"]?["cells"]);
        var superiors = Strings(root["appliesTo"]?["superiors"]);
        if (root["appliesTo"] is not JsonObject applies || cells.Length + superiors.Length == 0)
        {
            Error("overlay.invalid", "'appliesTo' must name at least one cell id ('cells') or superior committee ('superiors')", "$");
        }
        else if (applies.Select(p => p.Key).FirstOrDefault(k => k is not ("cells" or "superiors")) is { } other)
        {
            Error("overlay.invalid", $"unknown property '{other}' in 'appliesTo'; it has 'cells' and 'superiors'.{Suggestions.Hint(other, ["cells", "superiors"])}", $"$.appliesTo.{other}");
        }

        LocalDate? Date(string name)
        {
            if (root[name] is null)
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse((root[name] as JsonValue)?.ToString() ?? string.Empty);
            if (!parsed.Success)
            {
                Error("overlay.invalid", $"'{name}' must be a date in the form yyyy-MM-dd", "$." + name);
                return null;
            }

            return parsed.Value;
        }

        var from = Date("effectiveFrom");
        if (from is null && root["effectiveFrom"] is null)
        {
            Error("overlay.invalid", "the overlay has no 'effectiveFrom' date", "$");
        }

        var to = Date("effectiveTo");
        if (from is { } f && to is { } t && t < f)
        {
            Error("overlay.invalid", "'effectiveTo' is before 'effectiveFrom'", "$.effectiveTo");
        }

        var sources = Strings(root["sources"]);
        if (sources.Length == 0)
        {
            Error("overlay.invalid", "the overlay needs 'sources': the local decision (and Chỉ thị 28-CT/TW) it implements", "$");
        }

        if (root["workflows"] is JsonArray workflows)
        {
            for (var w = 0; w < workflows.Count; w++)
            {
                var name = (string?)(workflows[w]?["WorkflowName"] as JsonValue);
                if (workflows[w]?["Rules"] is not JsonArray rules)
                {
                    continue;
                }

                for (var r = 0; r < rules.Count; r++)
                {
                    var rule = (string?)(rules[r]?["RuleName"] as JsonValue);
                    if (rule is null || !rule.StartsWith("local.", StringComparison.Ordinal))
                    {
                        Error("overlay.loosens",
                            $"the overlay's rule '{rule}' must have an id beginning 'local.': an overlay can only add checks, never remove, replace or loosen a national rule",
                            $"$.workflows[{w}].Rules[{r}].RuleName", rule, name);
                    }
                }
            }
        }

        string[] known = ["$schema", "kind", "id", "title", "description", "appliesTo", "effectiveFrom", "effectiveTo", "sources", "parameters", "workflows", "extensions"];
        foreach (var key in root.Select(p => p.Key).Where(k => !known.Contains(k, StringComparer.Ordinal)))
        {
            if (key is "remove" or "replace" or "disable" or "override" or "exclude")
            {
                Error("overlay.loosens", $"'{key}' is not possible in an overlay: it can only add checks, never remove or loosen a national rule", "$." + key);
            }
            else
            {
                Error("overlay.invalid", $"unknown property '{key}' of an overlay.{Suggestions.Hint(key, known)}", "$." + key);
            }
        }

        if (errors.Count > 0)
        {
            return new RuleLoadResult<RuleOverlay>(null, errors);
        }

        // Compile the overlay's rules once per era, with the era's parameters and the overlay's own over them.
        var byEra = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var era in eras)
        {
            var document = new JsonObject
            {
                ["id"] = $"{id}.{era.Id}",
                ["title"] = root["title"]?.DeepClone() ?? new JsonObject { ["vi"] = id, ["en"] = id },
                ["effectiveFrom"] = era.EffectiveFrom.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode)JsonValue.Create(s)!)]),
                ["parameters"] = Parameters(era, root["parameters"] as JsonObject),
                ["workflows"] = root["workflows"]?.DeepClone(),
            };
            var compiled = RuleSetLoader.Load(Encoding.UTF8.GetBytes(document.ToJsonString()), fileName);
            if (compiled.Value is null)
            {
                foreach (var e in compiled.Errors)
                {
                    var (line, column) = e.Path is { } p ? positions.Find(p) : (null, null);
                    errors.Add(e with { Line = line, Column = column, File = fileName });
                }

                break;
            }

            byEra[era.Id] = compiled.Value;
        }

        return errors.Count > 0
            ? new RuleLoadResult<RuleOverlay>(null, errors.DistinctBy(e => (e.Code, e.Path, e.Message)).ToArray())
            : new RuleLoadResult<RuleOverlay>(
                new RuleOverlay(id!, TitleOf(root["title"], id!), cells, superiors, from!.Value, to, sources, fileName,
                    "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(utf8Json)), byEra),
                []);
    }

    private static LocalizedText TitleOf(JsonNode? title, string id) =>
        new((string?)(title?["vi"] as JsonValue) ?? id, (string?)(title?["en"] as JsonValue) ?? id);

    private static JsonObject Parameters(RuleSet era, JsonObject? own)
    {
        var parameters = new JsonObject();
        foreach (var info in era.Parameters.Info.Values)
        {
            parameters[info.Name] = new JsonObject
            {
                ["value"] = info.Unit == "educationLevel"
                    ? JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(((EducationLevel)info.Value).ToString()))
                    : JsonValue.Create(info.Value),
                ["unit"] = info.Unit,
                ["source"] = info.Source,
            };
        }

        foreach (var (name, value) in own ?? [])
        {
            parameters[name] = value?.DeepClone();
        }

        return parameters;
    }

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Select(n => (n as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)]
            : [];
}
