using System;
using System.Collections.Concurrent;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// The checked expressions of one load of rule files, by text. The rule sets of the eras repeat most expressions
/// word for word (only their parameters differ, and those are folded in when a workflow compiles), so each
/// distinct text is parsed and checked once per load. Thread-safe.
/// </summary>
internal sealed class ExpressionCache
{
    private static readonly Func<string, (CheckedExpression?, ExpressionError?)> CheckText = RuleExpressionCompiler.Check;

    private readonly ConcurrentDictionary<string, (CheckedExpression?, ExpressionError?)> byText = new(StringComparer.Ordinal);

    /// <summary>The expression checked, or why it is refused: <see cref="RuleExpressionCompiler.Check"/>, once per text.</summary>
    /// <param name="text">The rule text.</param>
    /// <returns>The checked expression, or the refusal.</returns>
    public (CheckedExpression? Expression, ExpressionError? Error) Check(string text) => byText.GetOrAdd(text, CheckText);
}
