using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ChiBo.Rules.Facts;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// The closed expression language of rule files (ngôn ngữ biểu thức): RulesEngine's lambda syntax over the names
/// ChiBo exposes — the groups of <see cref="GateFacts"/> and <c>params</c> — and nothing else. Documented in
/// <c>docs/rules-language.md</c>; every expression is checked against it when a rule set loads.
/// </summary>
public static class RuleLanguage
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxExpressionLength = 2000;

    /// <summary>The deepest nesting of parentheses accepted, and the most operators in a row (<c>!!x</c>, <c>- -x</c>, <c>not not x</c>).</summary>
    public const int MaxParenthesisDepth = 16;

    /// <summary>The deepest expression tree accepted, in nodes.</summary>
    public const int MaxTreeDepth = 64;

    /// <summary>
    /// The deepest nesting the parser may follow, counted before parsing: parentheses and calls, operators in a row and
    /// conditionals together (each is one level of the parser's recursion). The same bound as the tree's depth.
    /// </summary>
    internal const int MaxNesting = MaxTreeDepth;

    /// <summary>The name under which expressions read the rule set's parameters.</summary>
    public const string ParametersName = "params";

    /// <summary>Each top-level name of the language (<c>age</c>, <c>person</c>, …) and the facts group it reads.</summary>
    public static ImmutableArray<(string Name, PropertyInfo Property)> Groups { get; } =
        typeof(GateFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (CamelCase(p.Name), p))
            .ToImmutableArray();

    /// <summary>The names readable inside a group or <c>params</c>, camelCase, by the group's CLR type.</summary>
    internal static ImmutableDictionary<Type, ImmutableArray<string>> MembersByType { get; } =
        Groups.Select(g => g.Property.PropertyType).Append(typeof(RuleParameters))
            .ToImmutableDictionary(t => t, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsPrimitive)
                .Select(p => CamelCase(p.Name))
                .ToImmutableArray());

    /// <summary>Every name an expression may read, as <c>group.member</c>, for documentation and messages.</summary>
    /// <returns>The names, in declaration order.</returns>
    public static IEnumerable<string> Names() =>
        Groups.SelectMany(g => MembersByType[g.Property.PropertyType].Select(m => $"{g.Name}.{m}"))
            .Concat(RuleParameters.Names.Select(n => $"{ParametersName}.{n}"));

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
