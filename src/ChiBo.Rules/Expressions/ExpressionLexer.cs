using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// The pre-check of an expression, before the parser sees it: a tokenizer that cuts the text exactly as the parser's
/// (System.Linq.Dynamic.Core 1.6.2's <c>TextParser</c>) does — string literals with their escapes (<c>\"</c> does not
/// end a string) included — and refuses, with the position of the token:
/// <list type="bullet">
/// <item>text too long, and nesting the parser would follow by recursion — parentheses and calls, operators in a
/// row (<c>!!x</c>, <c>- -x</c>, <c>not not x</c>), conditionals (<c>a ? b : c ? …</c>) — beyond the bounds of
/// <see cref="RuleLanguage"/>, so that parsing needs a bounded stack on any thread (<c>expression.tooComplex</c>);</item>
/// <item>every token the documented language does not have: brackets and braces, <c>=</c>, <c>&lt;&gt;</c>,
/// <c>&amp;</c>, <c>|</c>, <c>^</c>, <c>~</c>, <c>??</c>, <c>?.</c>, <c>=&gt;</c>, shifts, character literals, the
/// parser's keywords (<c>new</c>, <c>np</c>, <c>null</c>, <c>in</c>, <c>is</c>, <c>as</c>, <c>it</c>, <c>mod</c>,
/// <c>eq</c>, …) in any letter case, as the parser reads them, and the number types other than int, long and double
/// (<c>expression.forbidden</c>);</item>
/// <item>names that start an expression and are not the language's (<c>expression.unknownName</c>).</item>
/// </list>
/// Allocation-free apart from the error. A text it passes can still be refused by the parser and the allow-list.
/// </summary>
internal static class ExpressionLexer
{
    /// <summary>The words that may start a name or a call, compared as the parser compares them.</summary>
    private static readonly FrozenSet<string> CaseInsensitiveWords =
        RuleLanguage.Groups.Select(g => g.Name).Concat([RuleLanguage.ParametersName, "true", "false", "iif"])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The type names the language uses; the parser reads type names in their exact case.</summary>
    private static readonly FrozenSet<string> TypeWords = new[] { "int", "long", "double", "Math" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of the parser refused on purpose, each with the reason (compared without regard to case, as the parser does).</summary>
    private static readonly FrozenDictionary<string, string> RefusedWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["new"] = "creating objects is not in the rule language",
        ["np"] = "the rule language has no null values: every fact and parameter has one",
        ["null"] = "the rule language has no null values: every fact and parameter has one",
        ["isnull"] = "the rule language has no null values: every fact and parameter has one",
        ["it"] = "write a fact (age.months) or a parameter (params.minAgeMonths)",
        ["parent"] = "write a fact (age.months) or a parameter (params.minAgeMonths)",
        ["root"] = "write a fact (age.months) or a parameter (params.minAgeMonths)",
        ["is"] = "type tests are not in the rule language",
        ["as"] = "type conversions other than int(…), long(…) and double(…) are not in the rule language",
        ["cast"] = "type conversions other than int(…), long(…) and double(…) are not in the rule language",
        ["ofType"] = "type tests are not in the rule language",
        ["out"] = "not in the rule language",
        ["in"] = "'in' is not in the rule language: write a == b || a == c",
        ["mod"] = "write %",
        ["eq"] = "write ==",
        ["equal"] = "write ==",
        ["ne"] = "write !=",
        ["neq"] = "write !=",
        ["notequal"] = "write !=",
        ["lt"] = "write <",
        ["LessThan"] = "write <",
        ["le"] = "write <=",
        ["LessThanEqual"] = "write <=",
        ["gt"] = "write >",
        ["GreaterThan"] = "write >",
        ["ge"] = "write >=",
        ["GreaterThanEqual"] = "write >=",
        ["AndAlso"] = "write && (or and)",
        ["OrElse"] = "write || (or or)",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Number and character types of the parser: refused, the language's numbers being int, long and double.</summary>
    private static readonly FrozenSet<string> RefusedTypes = new[]
    {
        "byte", "sbyte", "short", "ushort", "uint", "ulong", "float", "decimal", "char", "nint", "nuint",
        "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "Char",
        "Half", "Int128", "UInt128", "IntPtr", "UIntPtr", "BigInteger",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly char[] EscapeCharacters = ['\\', 'a', 'b', 'f', 'n', 'r', 't', 'v'];

    private enum Previous
    {
        /// <summary>Nothing yet, an operator, '(', ',', '?' or ':': a '-' or '+' here is unary.</summary>
        Operator,

        /// <summary>A name, a literal or ')': a '-' or '+' here is binary.</summary>
        Operand,

        /// <summary>A '.': the next identifier is a member's name.</summary>
        Dot,
    }

    /// <summary>The refusal of the text, or null when the parser may read it.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="deepest">The deepest nesting met (at most <see cref="RuleLanguage.MaxNesting"/> when the text passes).</param>
    /// <param name="deepestGroups">The deepest nesting of parentheses and calls met, the costliest levels for the parser's stack.</param>
    /// <returns>The refusal, with the 0-based position of the token refused.</returns>
    public static ExpressionError? Check(string text, out int deepest, out int deepestGroups)
    {
        deepest = 0;
        deepestGroups = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExpressionError("expression.syntax", "the expression is empty", null);
        }

        if (text.Length > RuleLanguage.MaxExpressionLength)
        {
            return new ExpressionError("expression.tooComplex",
                $"the expression has {text.Length} characters; at most {RuleLanguage.MaxExpressionLength} are accepted", null);
        }

        // The parser recurses once per group ('(' of a parenthesis or a call), per operator in a row and per '?' of a
        // group; 'nesting' counts them all, as the depth of the parser's recursion. Each group remembers its own
        // operators in a row and conditionals, which end with it.
        Span<int> unaryOf = stackalloc int[RuleLanguage.MaxParenthesisDepth + 2];
        Span<int> questionsOf = stackalloc int[RuleLanguage.MaxParenthesisDepth + 2];
        var groups = 0;
        var nesting = 0;
        var previous = Previous.Operator;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return null;
            }

            var at = i;
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            ExpressionError? error = null;
            switch (c)
            {
                case '(':
                    if (groups == RuleLanguage.MaxParenthesisDepth)
                    {
                        return TooComplex($"parentheses nest deeper than {RuleLanguage.MaxParenthesisDepth}", at);
                    }

                    groups++;
                    deepestGroups = Math.Max(deepestGroups, groups);
                    unaryOf[groups] = 0;
                    questionsOf[groups] = 0;
                    error = Deeper(ref nesting, ref deepest, 1, at);
                    previous = Previous.Operator;
                    i++;
                    break;

                case ')':
                    if (groups == 0)
                    {
                        return new ExpressionError("expression.syntax", "a ')' closes no '('", at);
                    }

                    nesting -= 1 + unaryOf[groups] + questionsOf[groups];
                    groups--;
                    previous = Previous.Operand;
                    i++;
                    break;

                case '!' when next == '=':
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i += 2;
                    break;

                case '!':
                    error = Unary(unaryOf, groups, ref nesting, ref deepest, at);
                    previous = Previous.Operator;
                    i++;
                    break;

                case '-' or '+' when previous == Previous.Operator:
                    error = Unary(unaryOf, groups, ref nesting, ref deepest, at);
                    i++;
                    break;

                case '-' or '+' or '*' or '/' or '%':
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i++;
                    break;

                case '&' or '|' when next == c:
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i += 2;
                    break;

                case '&' or '|':
                    return Forbidden($"'{c}' is not in the rule language: write {c}{c}", at);

                case '=' when next == '=':
                case '<' when next == '=':
                case '>' when next == '=':
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i += 2;
                    break;

                case '=' when next == '>':
                    return Forbidden("'=>' is not in the rule language: lambdas are not allowed", at);
                case '=':
                    return Forbidden("'=' is not in the rule language: write ==", at);
                case '<' when next == '>':
                    return Forbidden("'<>' is not in the rule language: write !=", at);
                case '<' when next == '<':
                case '>' when next == '>':
                    return Forbidden($"'{c}{c}' is not in the rule language: shifts are not allowed", at);

                case '<' or '>':
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i++;
                    break;

                case '?' when next == '?':
                    return Forbidden("'??' is not in the rule language: the language has no null values", at);
                case '?' when next == '.':
                    return Forbidden("'?.' is not in the rule language: the language has no null values", at);
                case '?':
                    EndOperand(unaryOf, groups, ref nesting);
                    questionsOf[groups]++;
                    error = Deeper(ref nesting, ref deepest, 1, at);
                    previous = Previous.Operator;
                    i++;
                    break;

                case ':':
                    EndOperand(unaryOf, groups, ref nesting);
                    previous = Previous.Operator;
                    i++;
                    break;

                case ',':
                    // Each argument of a call is parsed afresh: its conditionals end with it.
                    EndOperand(unaryOf, groups, ref nesting);
                    nesting -= questionsOf[groups];
                    questionsOf[groups] = 0;
                    previous = Previous.Operator;
                    i++;
                    break;

                case '.':
                    previous = Previous.Dot;
                    i++;
                    break;

                case '[' or ']':
                    return Forbidden($"'{c}' is not in the rule language: indexing is not allowed", at);
                case '{' or '}':
                    return Forbidden($"'{c}' is not in the rule language", at);
                case '\'':
                    return Forbidden("the character ''' is not allowed in rule expressions: strings are written in double quotes", at);
                case '@' or '$' or '^' or '~':
                    return Forbidden($"the character '{c}' is not allowed in rule expressions", at);

                case '"':
                    if (SkipString(text, ref i) is { } unterminated)
                    {
                        return unterminated;
                    }

                    previous = Previous.Operand;
                    break;

                default:
                    if (char.IsLetter(c) || c == '_')
                    {
                        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                        {
                            i++;
                        }

                        var word = text.AsSpan(at, i - at);
                        if (previous == Previous.Dot)
                        {
                            previous = Previous.Operand; // a member's name: the parser and the allow-list judge it
                            break;
                        }

                        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
                        {
                            error = Unary(unaryOf, groups, ref nesting, ref deepest, at);
                            previous = Previous.Operator;
                            break;
                        }

                        if (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase))
                        {
                            EndOperand(unaryOf, groups, ref nesting);
                            previous = Previous.Operator;
                            break;
                        }

                        error = Word(text.Substring(at, i - at), at);
                        previous = Previous.Operand;
                        break;
                    }

                    if (char.IsDigit(c))
                    {
                        SkipNumber(text, ref i);
                        previous = Previous.Operand;
                        break;
                    }

                    return new ExpressionError("expression.syntax", $"the character '{c}' is not allowed in rule expressions", at);
            }

            if (error is not null)
            {
                return error;
            }
        }
    }

    /// <summary>The refusal of a name that starts an operand, or null for a word of the language.</summary>
    private static ExpressionError? Word(string word, int at)
    {
        if (CaseInsensitiveWords.Contains(word) || TypeWords.Contains(word))
        {
            return null;
        }

        if (RefusedWords.TryGetValue(word, out var why))
        {
            return Forbidden($"'{word}' is not allowed in rule expressions: {why}", at);
        }

        if (RefusedTypes.Contains(word))
        {
            return Forbidden(
                $"'{word}' is not allowed in rule expressions: the language's numbers are int, long and double, and a conversion to a narrower type can change a value (byte(256) is 0)",
                at);
        }

        return new ExpressionError("expression.unknownName",
            $"unknown name '{word}'; the names are: {string.Join(", ", RuleLanguage.Groups.Select(g => g.Name).Append(RuleLanguage.ParametersName))}, "
            + "and the words true, false, iif, int, long, double, Math, and, or, not",
            at);
    }

    /// <summary>
    /// Skips a string literal as the parser's tokenizer does: a backslash before one of <c>\ a b f n r t v</c> or before
    /// <c>"</c> takes that character with it, so <c>"\""</c> is one string.
    /// </summary>
    internal static ExpressionError? SkipString(string text, ref int i)
    {
        var start = i;
        var balanced = false;
        i++;
        while (i < text.Length && text[i] != '"')
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (text[i] == '\\' && (Array.IndexOf(EscapeCharacters, next) >= 0 || next == '"'))
            {
                i++;
            }

            i++;
            if (i < text.Length && text[i] == '"')
            {
                balanced = !balanced;
            }
        }

        if (i >= text.Length && !balanced)
        {
            return new ExpressionError("expression.syntax", "a string is not closed (a '\"' is missing)", start);
        }

        i = Math.Min(i + 1, text.Length);
        return null;
    }

    /// <summary>Skips a number as the parser's tokenizer does (digits, a base, a suffix, a fraction, an exponent).</summary>
    private static void SkipNumber(string text, ref int i)
    {
        static bool At(string text, int i, Func<char, bool> what) => i < text.Length && what(text[i]);
        while (At(text, i, char.IsDigit))
        {
            i++;
        }

        if (At(text, i, c => c is 'b' or 'B' or 'x' or 'X'))
        {
            i++;
            while (At(text, i, char.IsAsciiHexDigit))
            {
                i++;
            }
        }

        if (At(text, i, c => c is 'U' or 'L'))
        {
            i++;
            if (At(text, i, c => c == 'L'))
            {
                i++;
            }

            return;
        }

        if (At(text, i, c => c == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]))
        {
            i++;
            while (At(text, i, char.IsDigit))
            {
                i++;
            }
        }

        if (At(text, i, c => c is 'e' or 'E'))
        {
            i++;
            if (At(text, i, c => c is '+' or '-'))
            {
                i++;
            }

            while (At(text, i, char.IsDigit))
            {
                i++;
            }
        }

        while (At(text, i, c => c is 'f' or 'F' or 'd' or 'D' or 'm' or 'M'))
        {
            i++;
        }
    }

    private static ExpressionError? Unary(Span<int> unaryOf, int group, ref int nesting, ref int deepest, int at)
    {
        if (++unaryOf[group] > RuleLanguage.MaxParenthesisDepth)
        {
            return TooComplex($"more than {RuleLanguage.MaxParenthesisDepth} operators in a row", at);
        }

        return Deeper(ref nesting, ref deepest, 1, at);
    }

    /// <summary>A binary operator ends the operand before it: the operators in a row that applied to it are done.</summary>
    private static void EndOperand(Span<int> unaryOf, int group, ref int nesting)
    {
        nesting -= unaryOf[group];
        unaryOf[group] = 0;
    }

    private static ExpressionError? Deeper(ref int nesting, ref int deepest, int by, int at)
    {
        nesting += by;
        deepest = Math.Max(deepest, nesting);
        return nesting > RuleLanguage.MaxNesting
            ? TooComplex($"the expression nests deeper than {RuleLanguage.MaxNesting} (parentheses, calls, operators in a row and conditionals together)", at)
            : null;
    }

    private static ExpressionError TooComplex(string message, int at) => new("expression.tooComplex", message, at);

    private static ExpressionError Forbidden(string message, int at) => new("expression.forbidden", message, at);
}
