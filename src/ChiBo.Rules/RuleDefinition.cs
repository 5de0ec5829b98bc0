using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using ChiBo.Text;

namespace ChiBo.Rules;

/// <summary>
/// One rule of a rule set (quy tắc), loaded and compiled: its stable id (the RulesEngine <c>RuleName</c>), its
/// expression in the rule language, its legal source and messages. Immutable and thread-safe.
/// </summary>
public sealed class RuleDefinition
{
    private readonly RulePredicate predicate;
    private readonly RulePredicate? pending;

    internal RuleDefinition(
        string id,
        string expression,
        string? pendingWhen,
        string source,
        LocalizedText message,
        string? description,
        RulePredicate predicate,
        RulePredicate? pending)
    {
        Id = id;
        Expression = expression;
        PendingWhen = pendingWhen;
        Source = source;
        Message = message;
        Description = description;
        this.predicate = predicate;
        this.pending = pending;
    }

    /// <summary>The stable rule id, e.g. <c>age.minimum</c>.</summary>
    public string Id { get; }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>
    /// The expression that says the rule cannot be judged yet because the gate's own act (the vote) has not
    /// happened, or null; while it holds, the check is reported as pending rather than failed.
    /// </summary>
    public string? PendingWhen { get; }

    /// <summary>The legal source: document and article.</summary>
    public string Source { get; }

    /// <summary>What the rule requires, in Vietnamese and English.</summary>
    public LocalizedText Message { get; }

    /// <summary>The reading taken where the law is ambiguous, or null.</summary>
    public string? Description { get; }

    /// <summary>Whether the rule holds for the facts.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>True when the rule holds.</returns>
    public bool IsSatisfiedBy(in GateFacts facts) => predicate(in facts);

    /// <summary>Whether the rule must wait for the gate's act before it can be judged.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>True when pending.</returns>
    public bool IsPending(in GateFacts facts) => pending is not null && pending(in facts);

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
