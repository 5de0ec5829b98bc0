using System.Linq;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Tokenizer;
using ChiBo.Rules.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Rules.Tests.Fuzzing;

/// <summary>
/// The pre-check's tokenizer must cut strings exactly where the parser's does (issue 18 defect 1: the old pre-check
/// took <c>\"</c> for the end of a string, so the parentheses after it went uncounted and overflowed the stack).
/// </summary>
public class ExpressionLexerTests
{
    private static readonly ParsingConfig Config = new() { IsCaseSensitive = false };

    // Law: on any text that starts with a string literal — quotes, backslashes, escapes, parentheses — the tokenizer
    // ends the string where System.Linq.Dynamic.Core's TextParser does, or both find it unterminated.
    [Property(MaxTest = 3000, Replay = "(20261203,20261207)")]
    public Property Strings_end_where_the_parser_s_tokenizer_ends_them() =>
        Prop.ForAll(Gen.Elements('"', '\\', '(', 'a', 'n', 't', 'q', '\'', ' ', ')').ArrayOf().Select(c => "\"" + new string(c)).ToArbitrary(), text =>
        {
            int? theirs;
            try
            {
                var token = new TextParser(Config, text).CurrentToken;
                Assert.Equal(TokenId.StringLiteral, token.Id);
                theirs = token.Text.Length;
            }
            catch (ParseException)
            {
                theirs = null;
            }

            var at = 0;
            int? ours = ExpressionLexer.SkipString(text, ref at) is null ? at : null;
            Assert.Equal(theirs, ours);
            return true.Collect(theirs is null ? "unterminated" : theirs == text.Length ? "the whole text" : "ends inside");
        });

    [Theory]
    [InlineData("\"\\\"\" == \"\"", 4)] // "\"" is one string
    [InlineData("\"\\\\\" == \"\"", 4)] // "\\" too
    [InlineData("\"\" == \"\"", 2)]
    [InlineData("\"a\\\"b(\" || x", 7)]
    public void An_escaped_quote_does_not_end_a_string(string text, int end)
    {
        var at = 0;
        Assert.Null(ExpressionLexer.SkipString(text, ref at));
        Assert.Equal(end, at);
    }

    [Fact]
    public void Nesting_behind_an_escaped_quote_is_counted()
    {
        var error = ExpressionLexer.Check("\"\\\"\" == \"\" || " + new string('(', 17) + "true" + new string(')', 17), out _, out _);
        Assert.Equal("expression.tooComplex", error!.Code);
        Assert.Equal(14 + RuleLanguage.MaxParenthesisDepth, error.Position);
    }
}
