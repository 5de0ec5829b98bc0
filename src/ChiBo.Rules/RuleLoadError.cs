using System.Diagnostics.CodeAnalysis;
using System.Collections.Generic;
using ChiBo.Serialization;
using ChiBo.Text;

namespace ChiBo.Rules;

/// <summary>
/// Why a rule file (tệp quy tắc) could not be loaded, and where: the file, the workflow and rule, the JSON path
/// and the line and column (1-based) when known. <see cref="Code"/> is stable: <c>file.tooLarge</c>, <c>file.unreadable</c>,
/// <c>file.notRegular</c>, <c>file.danglingLink</c>, <c>file.linkLoop</c>,
/// <c>json.syntax</c>, <c>json.encoding</c>, <c>json.duplicateProperty</c>, <c>json.unknownProperty</c>,
/// <c>json.missingProperty</c>, <c>json.wrongType</c>, <c>json.invalid</c>, <c>json.null</c>, <c>ruleSet.missingField</c>,
/// <c>ruleSet.badId</c>, <c>ruleSet.duplicateId</c>, <c>ruleSet.duplicateStart</c>, <c>ruleSet.none</c>, <c>parameter.unknown</c>,
/// <c>parameter.missing</c>, <c>parameter.missingField</c>, <c>parameter.wrongType</c>, <c>parameter.outOfRange</c>,
/// <c>workflow.missingField</c>, <c>workflow.unknownGate</c>, <c>workflow.duplicate</c>, <c>rule.missingField</c>, <c>rule.badId</c>,
/// <c>rule.duplicateId</c>, <c>rule.unsupported</c>, <c>rule.message</c>, <c>rule.description</c>, <c>expression.syntax</c>, <c>expression.type</c>,
/// <c>expression.unknownName</c>, <c>expression.forbidden</c>, <c>expression.literal</c>, <c>expression.tooComplex</c>, <c>limit.exceeded</c>.
/// </summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">What is wrong, in English, naming the offending text.</param>
/// <param name="File">The file name, or null.</param>
/// <param name="Rule">The rule's id (<c>RuleName</c>), or null.</param>
/// <param name="Workflow">The workflow (<c>WorkflowName</c>), or null.</param>
/// <param name="Line">The 1-based line, or null.</param>
/// <param name="Column">The 1-based column, or null.</param>
/// <param name="Path">The JSON path, or null.</param>
public sealed record RuleLoadError(
    string Code,
    string Message,
    string? File,
    string? Rule = null,
    string? Workflow = null,
    int? Line = null,
    int? Column = null,
    string? Path = null)
{
    /// <summary>
    /// What is wrong in Vietnamese and English, for officials (<c>chibo rules validate</c> prints the Vietnamese by
    /// default): the common codes have a Vietnamese sentence of their own naming the same text; the others a Vietnamese
    /// lead-in followed by the English detail. <see cref="Message"/> stays the English text.
    /// </summary>
    public LocalizedText Text => RuleLoadErrorText.Of(this);

    /// <summary>One line in a language: <c>file:line:column (path) quy định 'x' trong bước 'y': message [code]</c>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The error as one line.</returns>
    public string ToString(Language language)
    {
        if (language == Language.English)
        {
            return ToString();
        }

        var text = FileLocation.Start(File, "<rules>", Line, Column, Path);
        if (Rule is not null)
        {
            text.Append("quy định '").Append(Rule).Append('\'');
            if (Workflow is not null)
            {
                text.Append(" của bước '").Append(Workflow).Append('\'');
            }

            text.Append(": ");
        }
        else if (Workflow is not null)
        {
            text.Append("bước '").Append(Workflow).Append("': ");
        }

        return text.Append(Text.Vi).Append(" [").Append(Code).Append(']').ToString();
    }

    /// <summary>One line: <c>file:line:column (path) workflow/rule: message [code]</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString()
    {
        var text = FileLocation.Start(File, "<rules>", Line, Column, Path);
        if (Rule is not null)
        {
            text.Append("rule '").Append(Rule).Append("'");
            if (Workflow is not null)
            {
                text.Append(" in workflow '").Append(Workflow).Append("'");
            }

            text.Append(": ");
        }
        else if (Workflow is not null)
        {
            text.Append("workflow '").Append(Workflow).Append("': ");
        }

        return text.Append(Message).Append(" [").Append(Code).Append(']').ToString();
    }
}

/// <summary>The outcome of loading rule files: the value, or every error found (never both).</summary>
/// <typeparam name="T">The loaded value.</typeparam>
/// <param name="Value">The value, or null when there are errors.</param>
/// <param name="Errors">The errors; empty when <paramref name="Value"/> is set.</param>
public sealed record RuleLoadResult<T>(T? Value, IReadOnlyList<RuleLoadError> Errors)
    where T : class
{
    /// <summary>Whether the load succeeded: then <see cref="Value"/> is not null, as the compiler knows.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The value, or a <see cref="RuleLoadException"/> listing every error.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="RuleLoadException">The load failed.</exception>
    public T GetValueOrThrow() => Value ?? throw new RuleLoadException(Errors);
}
