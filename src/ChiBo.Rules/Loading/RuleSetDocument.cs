using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace ChiBo.Rules.Loading;

// The rule file as written: RulesEngine's workflow shape (WorkflowName, Rules, RuleName, Expression, …, in
// RulesEngine's PascalCase) inside ChiBo's envelope (camelCase). Every field is optional here so that the
// loader can report a missing one with the rule's name and line instead of a bare JSON error.

internal sealed class RuleSetDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Id { get; init; }

    public TextDocument? Title { get; init; }

    public string? Description { get; init; }

    public LocalDate? EffectiveFrom { get; init; }

    public List<string>? Sources { get; init; }

    public Dictionary<string, ParameterDocument>? Parameters { get; init; }

    public List<WorkflowDocument>? Workflows { get; init; }

    public JsonElement? Extensions { get; init; }
}

internal sealed class TextDocument
{
    public string? Vi { get; init; }

    public string? En { get; init; }
}

internal sealed class ParameterDocument
{
    public JsonElement Value { get; init; }

    public string? Unit { get; init; }

    public string? Source { get; init; }

    public string? Description { get; init; }
}

internal sealed class WorkflowDocument
{
    [JsonPropertyName("WorkflowName")]
    public string? WorkflowName { get; init; }

    [JsonPropertyName("Description")]
    public string? Description { get; init; }

    [JsonPropertyName("Rules")]
    public List<RuleDocument>? Rules { get; init; }
}

internal sealed class RuleDocument
{
    [JsonPropertyName("RuleName")]
    public string? RuleName { get; init; }

    [JsonPropertyName("Expression")]
    public string? Expression { get; init; }

    [JsonPropertyName("RuleExpressionType")]
    public string? RuleExpressionType { get; init; }

    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("SuccessEvent")]
    public string? SuccessEvent { get; init; }

    [JsonPropertyName("Enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("LocalParams")]
    public JsonElement? LocalParams { get; init; }

    [JsonPropertyName("Rules")]
    public JsonElement? Rules { get; init; }

    public string? Source { get; init; }

    public TextDocument? Messages { get; init; }

    public string? Description { get; init; }

    public string? PendingWhen { get; init; }
}
