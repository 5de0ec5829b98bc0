using ChiBo.Evaluation;
using ChiBo.Rules.Facts;
using ChiBo.Text;

namespace ChiBo.Rules;

/// <summary>
/// One rule of a rule set (quy tắc), loaded and compiled: its stable id (the RulesEngine <c>RuleName</c>), its
/// expression in the rule language, its legal source and messages. Immutable and thread-safe.
/// </summary>
public sealed class RuleDefinition
{
    // The workflow holds the compiled code of all its rules; it attaches itself when it is built.
    private RuleWorkflow? workflow;
    private int index;

    // The rule's check in each state (passed, pending), built once: RuleCheck is an immutable record, so every
    // evaluation can share them and build only the list.
    private readonly RuleCheck[] checks;

    internal RuleDefinition(
        string id,
        string expression,
        string? pendingWhen,
        string source,
        LocalizedText message,
        string? description,
        LocalizedText? descriptionText = null,
        LocalizedText? title = null,
        Loading.FindingTemplate? finding = null,
        LocalizedText? findingText = null)
    {
        Id = id;
        Expression = expression;
        PendingWhen = pendingWhen;
        Source = source;
        Message = message;
        Description = description;
        DescriptionText = descriptionText;
        Title = title ?? DeriveTitle(message);
        Template = finding;
        Finding = finding is null ? null : findingText;
        FactNames = finding is null ? [] : [.. System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Concat(Loading.FindingTemplate.NamesIn(expression), finding.Names), System.StringComparer.Ordinal)];
        var shown = Title;
        checks =
        [
            new RuleCheck(id, false, message, source) { Title = shown },
            new RuleCheck(id, true, message, source) { Title = shown },
            new RuleCheck(id, false, message, source) { Pending = true, Title = shown },
            new RuleCheck(id, true, message, source) { Pending = true, Title = shown },
        ];
        ErrorCheck = new RuleCheck(id, false, message, source)
        {
            Title = shown,
            Error = new LocalizedText(
                $"Không đánh giá được quy tắc {id}: biểu thức của quy tắc gặp lỗi khi chạy. Quy tắc này không đạt cũng không trượt; hãy kiểm tra lại tệp quy tắc.",
                $"The rule {id} could not be evaluated: its expression failed when run. It is neither passed nor failed; check the rule file."),
        };
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

    /// <summary>
    /// A note on <see cref="Source"/> in both languages — what of the text was not read, what it is taken as (the file's
    /// <c>sourceNote</c>) — or null; shown by <c>chibo rules show</c>, kept out of the source a report cites.
    /// </summary>
    public LocalizedText? SourceNote { get; internal init; }

    /// <summary>What the rule requires, in Vietnamese and English.</summary>
    public LocalizedText Message { get; }

    /// <summary>
    /// The rule's title for tables and headings (tên quy định), e.g. "Biểu quyết của chi bộ đạt 2/3": the file's
    /// <c>title</c>, or, when it has none, the message's first clause (up to a colon, a semicolon or a full stop).
    /// </summary>
    public LocalizedText Title { get; }

    /// <summary>
    /// The rule's <c>finding</c> template as written (what a failure states, with placeholders over the facts the rule
    /// judged), or null when the file has none; filled into <see cref="RuleCheck.Finding"/> and <see cref="RuleViolation.Finding"/>.
    /// </summary>
    public LocalizedText? Finding { get; }

    /// <summary>The parsed finding template, or null.</summary>
    internal Loading.FindingTemplate? Template { get; }

    /// <summary>The names whose values a finding's <see cref="RuleCheck.Facts"/> lists: the expression's, then the template's.</summary>
    internal System.Collections.Immutable.ImmutableArray<string> FactNames { get; }

    /// <summary>
    /// <see cref="FactNames"/> as JSON property names for the writer's encoder, made once (for the last encoder asked):
    /// each the bytes a writer with <paramref name="encoder"/> writes for the name, or null for a name it would escape
    /// (none: the names are the rule language's), which the answer writer then writes as a string. Null without an encoder.
    /// </summary>
    internal System.Text.Json.JsonEncodedText?[]? FactNamesJson(System.Text.Encodings.Web.JavaScriptEncoder? encoder)
    {
        if (encoder is null)
        {
            return null;
        }

        var known = factNamesJson;
        if (known is not null && ReferenceEquals(known.Encoder, encoder))
        {
            return known.Names;
        }

        var names = new System.Text.Json.JsonEncodedText?[FactNames.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var name = FactNames[i];
            if (encoder.FindFirstCharacterToEncodeUtf8(System.Text.Encoding.UTF8.GetBytes(name)) < 0 && !System.Linq.Enumerable.Any(name, char.IsSurrogate))
            {
                names[i] = System.Text.Json.JsonEncodedText.Encode(name, encoder);
            }
        }

        factNamesJson = new EncodedNames(encoder, names);
        return names;
    }

    // Published whole (a race makes two equal arrays and keeps one).
    private EncodedNames? factNamesJson;

    private sealed record EncodedNames(System.Text.Encodings.Web.JavaScriptEncoder Encoder, System.Text.Json.JsonEncodedText?[] Names);

    /// <summary>The check with its finding and facts, when the rule has a template.</summary>
    internal RuleCheck WithFinding(RuleCheck check, Facts.FindingFacts facts) =>
        Template is not null ? check.WithFinding(new RuleFinding(this, facts)) : check;

    /// <summary>The violation of the rule at an event, with its title, finding and facts.</summary>
    internal RuleViolation Violation(int eventIndex, Cases.CaseEvent? @event, string ruleSet, Facts.FindingFacts? facts) =>
        Template is not null && facts is not null
            ? Bare(eventIndex, @event, ruleSet).Attach(new RuleFinding(this, facts))
            : Bare(eventIndex, @event, ruleSet);

    private RuleViolation Bare(int eventIndex, Cases.CaseEvent? @event, string ruleSet) =>
        new(Id, eventIndex, Message, Source, ruleSet)
        {
            Title = Title,
            EventKind = @event?.Kind,
            EventDate = @event?.Date,
        };

    /// <summary>The facts a finding lists: each of <see cref="FactNames"/> whose value is a number, a yes/no or a date, in order.</summary>
    internal FactValues FactsOf(Facts.FindingFacts facts)
    {
        var values = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, object>>(FactNames.Length);
        foreach (var name in FactNames)
        {
            if (Loading.FindingTemplate.Value(name, facts, Expression) is { } value and (int or bool or NodaTime.LocalDate))
            {
                values.Add(new(name, value));
            }
        }

        return new FactValues(values);
    }

    private static LocalizedText DeriveTitle(LocalizedText message)
    {
        static string Clause(string text)
        {
            var end = text.IndexOfAny([':', ';', '.', '(']);
            return (end > 8 ? text[..end] : text).Trim();
        }

        return new LocalizedText(Clause(message.Vi), Clause(message.En));
    }

    /// <summary>The reading taken where the law is ambiguous, or null: in English, or the text of a legacy file's one-language <c>description</c>.</summary>
    public string? Description { get; }

    /// <summary>
    /// The reading taken, in Vietnamese and English, when the file writes <c>description</c> as
    /// <c>{ "vi": …, "en": … }</c> (the shipped files do); null for a legacy file's plain string.
    /// </summary>
    public LocalizedText? DescriptionText { get; }

    /// <summary>The file's <c>ErrorMessage</c> (RulesEngine's one-language text), or null: checked for stale numbers by <see cref="RuleSetWarnings"/>.</summary>
    internal string? ErrorMessage { get; init; }

    /// <summary>Whether the rule holds for the facts.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>True when the rule holds.</returns>
    /// <remarks>Runs the workflow's compiled rules and reads this rule's result: a gate's rules are compiled together.</remarks>
    public bool IsSatisfiedBy(in GateFacts facts) => (workflow!.Run(in facts, out _) & (1UL << index)) != 0;

    /// <summary>Whether the rule must wait for the gate's act before it can be judged.</summary>
    /// <param name="facts">The facts of the gate.</param>
    /// <returns>True when pending.</returns>
    public bool IsPending(in GateFacts facts)
    {
        workflow!.Run(in facts, out var pending);
        return (pending & (1UL << index)) != 0;
    }

    /// <summary>The rule's check: shared instances, one per state.</summary>
    internal RuleCheck Check(bool passed, bool pending) => checks[(passed ? 1 : 0) | (pending ? 2 : 0)];

    /// <summary>The rule's check when its expression failed when run: neither passed, nor failed, nor pending (shared).</summary>
    internal RuleCheck ErrorCheck { get; }

    internal void AttachTo(RuleWorkflow owner, int position)
    {
        workflow = owner;
        index = position;
    }

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}

/// <summary>
/// A rule's finding and facts over a gate's facts, made when first read (<see cref="DeferredFinding"/>): the template
/// filled in both languages and <see cref="RuleDefinition.FactsOf"/>. The sweep's answer writer writes it straight
/// from here (<see cref="Batch.AnswerWriter"/>) without making them, to the same bytes.
/// </summary>
internal sealed class RuleFinding(RuleDefinition rule, FindingFacts facts) : FindingSource
{
    /// <summary>The rule (with a template).</summary>
    public RuleDefinition Rule { get; } = rule;

    /// <summary>The facts its template and facts read.</summary>
    public FindingFacts Facts { get; } = facts;

    /// <inheritdoc />
    public override (LocalizedText? Text, FactValues? Facts) Make() => (Rule.Template!.Render(Facts, Rule.Expression), Rule.FactsOf(Facts));
}
