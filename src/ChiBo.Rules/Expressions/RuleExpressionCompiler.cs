using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Parser;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Rules.Facts;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// A workflow compiled into one delegate: every rule of the workflow in order, reading the facts by reference,
/// allocating nothing. Bit i of the result is set when rule i holds; bit i of <paramref name="pending"/> when rule
/// i's <c>pendingWhen</c> holds (whether or not the rule holds); bit i of <paramref name="errors"/> when rule i's
/// expression or <c>pendingWhen</c> threw (then neither of its other bits is set). It never throws.
/// </summary>
/// <param name="facts">The facts of the gate.</param>
/// <param name="pending">The rules whose <c>pendingWhen</c> holds.</param>
/// <param name="errors">The rules that could not be evaluated.</param>
/// <returns>The rules that hold.</returns>
internal delegate ulong WorkflowPredicate(in GateFacts facts, out ulong pending, out ulong errors);

/// <summary>A refusal to compile an expression: code, message and the 0-based character position, if known.</summary>
internal sealed record ExpressionError(string Code, string Message, int? Position);

/// <summary>
/// An expression that parsed, passed the allow-list and gives true/false: its tree over one parameter per facts
/// group and <c>params</c>. Independent of the parameters' values, so that one parse serves every rule set that
/// writes the same text. Immutable.
/// </summary>
/// <param name="Body">The parsed tree.</param>
/// <param name="Groups">The parameters standing for the facts groups, in <see cref="RuleLanguage.Groups"/> order.</param>
/// <param name="Parameters">The parameter standing for <c>params</c>.</param>
internal sealed record CheckedExpression(Expression Body, IReadOnlyList<ParameterExpression> Groups, ParameterExpression Parameters);

/// <summary>
/// Turns rule text into compiled code in five steps, all at load: a lexical pre-check (<see cref="ExpressionLexer"/>:
/// length, nesting, and only the tokens and words of the documented language), the parser of RulesEngine's expressions
/// (System.Linq.Dynamic.Core's <see cref="ExpressionParser"/>, configured as RulesEngine 6's
/// <c>RuleExpressionParser</c> configures it, see <see cref="Config"/>) over one parameter per facts group and
/// <c>params</c>, the
/// <see cref="ExpressionGuard"/> allow-list (<see cref="Check"/>); then, per workflow, a rewrite that reads the
/// groups from one <c>in GateFacts</c> and folds <c>params.x</c> into constants, and one compilation of all the
/// workflow's rules into a single <see cref="WorkflowPredicate"/> (<see cref="CompileWorkflow"/>).
/// </summary>
internal static partial class RuleExpressionCompiler
{
    /// <summary>
    /// The parser's configuration: RulesEngine 6.0.1's <c>RuleExpressionParser</c> parses with
    /// <c>new ExpressionParser(parameters, text, [], new ParsingConfig { CustomTypeProvider = …, IsCaseSensitive = false })</c>;
    /// ChiBo does the same with two differences, both about names of types: <see cref="NoCustomTypes"/> makes no type
    /// of the process reachable by name, and the enumerations of the System namespace are not offered either
    /// (<c>SupportEnumerationsFromSystemNamespace = false</c>). RulesEngine's provider scans every loaded assembly,
    /// and the parser every type of the core library, for types to offer — together about a tenth of a second of
    /// the first load — and nothing they offered could pass the allow-list.
    /// </summary>
    private static readonly ParsingConfig Config = new()
    {
        CustomTypeProvider = new NoCustomTypes(),
        SupportEnumerationsFromSystemNamespace = false,
        IsCaseSensitive = false,
    };
    private static readonly Lock ParserLock = new();

    private static int warmingUp;

    /// <summary>
    /// Once per process, prepares the parser and the expression compiler on a thread-pool thread: their first use
    /// costs tens of milliseconds of JIT, which the first load thus spends while it reads and deserialises its files.
    /// </summary>
    public static void WarmUpInBackground()
    {
        if (Volatile.Read(ref warmingUp) == 0 && Interlocked.Exchange(ref warmingUp, 1) == 0)
        {
            _ = Task.Run(() => WarmUp());
        }
    }

    /// <summary>Parses, checks and compiles a small workflow in the rule language; true when it ran (a test keeps it so).</summary>
    internal static bool WarmUp()
    {
        // One expression with the usual operators, compiled as a workflow of two rules, one with pendingWhen.
        if (Check("age.months >= params.minAgeMonths && !(vote.held || cell.isSubordinate) || introducers.count * params.voteDenominator < params.voteNumerator").Expression is not { } rule
            || Check("!vote.held").Expression is not { } pending)
        {
            return false;
        }

        var parameters = new RuleParameters(RuleParameters.Names.ToDictionary(n => n, _ => 1), new Dictionary<string, RuleParameterInfo>());
        return CompileWorkflow([(rule, pending), (rule, null)], parameters)(default, out var pendingBits, out var errorBits) == 0b11
            && pendingBits == 0b01 && errorBits == 0;
    }

    /// <summary>
    /// The stack of the thread that parses when the caller's thread has little left (see <see cref="Check"/>): 1 MiB,
    /// eight times what the deepest expression the bounds admit needs (docs/reliability.md).
    /// </summary>
    private const int ParserThreadStackBytes = 1 << 20;

    /// <summary>
    /// The deepest nesting, and nesting of parentheses and calls (each costs the parser about 8 KB of stack), parsed on
    /// the caller's thread: at most about 40 KB of stack. Deeper text is parsed on a thread of its own.
    /// </summary>
    private const int CallerThreadNesting = 16, CallerThreadGroups = 4;

    /// <summary>Pre-checks, parses, guards and type-checks an expression; compiles nothing. Never throws.</summary>
    /// <param name="expression">The rule text.</param>
    /// <returns>The checked expression, or why it is refused.</returns>
    /// <remarks>
    /// The pre-check bounds the parser's recursion (<see cref="ExpressionLexer"/>): the deepest expression it admits
    /// loads in about 128 KB of stack. An expression nested deeper than <see cref="CallerThreadNesting"/> or
    /// <see cref="CallerThreadGroups"/> (rare: the shipped rules nest at most 2 deep), or any when the calling thread
    /// has less than 128 KB left (a host calling from deep in its own stack), is parsed on a thread of its own with
    /// <see cref="ParserThreadStackBytes"/>; so the caller's thread never needs more than a few tens of KB.
    /// </remarks>
    public static (CheckedExpression? Expression, ExpressionError? Error) Check(string expression)
    {
        if (ExpressionLexer.Check(expression, out var nesting, out var groups) is { } refused)
        {
            return (null, refused);
        }

        if (nesting > CallerThreadNesting || groups > CallerThreadGroups || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            (CheckedExpression?, ExpressionError?) result = default;
            var thread = new Thread(
                () =>
                {
                    // An exception left on this thread would end the process: whatever fails is a refusal.
                    try
                    {
                        result = ParseAndGuard(expression);
                    }
                    catch (Exception ex)
                    {
                        result = (null, new ExpressionError("expression.invalid", $"the expression could not be checked ({ex.GetType().Name})", null));
                    }
                },
                ParserThreadStackBytes) { IsBackground = true, Name = "ChiBo rule parser" };
            thread.Start();
            thread.Join();
            return result;
        }

        return ParseAndGuard(expression);
    }

    private static (CheckedExpression? Expression, ExpressionError? Error) ParseAndGuard(string expression)
    {
        var groups = RuleLanguage.Groups.Select(g => Expression.Parameter(g.Property.PropertyType, g.Name)).ToArray();
        var parametersParameter = Expression.Parameter(typeof(RuleParameters), RuleLanguage.ParametersName);
        var all = groups.Append(parametersParameter).ToArray();
        Expression body;
        try
        {
            lock (ParserLock)
            {
                body = new ExpressionParser(all, expression, [], Config).Parse(typeof(bool));
            }
        }
        catch (ParseException ex)
        {
            return (null, new ExpressionError(CodeOf(ex.Message), Explain(ex.Message), ex.Position));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or FormatException or OverflowException)
        {
            return (null, new ExpressionError("expression.type", ex.Message, null));
        }
        catch (Exception ex)
        {
            // System.Linq.Dynamic.Core fails this way on some malformed text (found by fuzzing: an IndexOutOfRangeException
            // in np() with an operator inside); whatever the parser throws, the text is refused like any other that
            // does not parse: the loader never throws.
            return (null, new ExpressionError("expression.syntax", $"the expression could not be parsed (the parser failed with {ex.GetType().Name})", null));
        }

        if (ExpressionGuard.Check(body, new HashSet<ParameterExpression>(all)) is { } refusal)
        {
            return (null, new ExpressionError(refusal.Code, refusal.Message, null));
        }

        if (body.Type != typeof(bool))
        {
            return (null, new ExpressionError("expression.type", $"the expression gives {body.Type.Name}, not true/false", null));
        }

        return (new CheckedExpression(body, groups, parametersParameter), null);
    }

    /// <summary>
    /// The refusal of an expression under a rule set's parameters, or null: a whole-number <c>/</c> or <c>%</c> must
    /// divide by a literal or parameter other than 0 (the only check that depends on the parameters' values, so it
    /// runs for each rule set while <see cref="Check"/> runs once per text).
    /// </summary>
    /// <param name="expression">The checked expression.</param>
    /// <param name="parameters">The rule set's parameters.</param>
    /// <returns>The refusal, or null.</returns>
    public static ExpressionError? CheckWith(CheckedExpression expression, RuleParameters parameters) =>
        DivisionCheck.Find(expression.Body, expression.Parameters, parameters) is { } division
            ? new ExpressionError("expression.forbidden", division, null)
            : null;

    /// <summary>
    /// Compiles the rules of a workflow, in order, into one delegate: the rule set's parameters become constants,
    /// each rule sets its bit of the result and each <c>pendingWhen</c> its bit of <c>pending</c>. Each rule runs in
    /// its own <c>try</c>: the loader refuses every expression that could throw, and should one throw anyway, its bit
    /// of <c>errors</c> is set and the other rules are still judged (defence in depth; a <c>try</c> that does not
    /// throw costs nothing).
    /// </summary>
    /// <param name="rules">Each rule's expression and <c>pendingWhen</c> (or null), at most 64.</param>
    /// <param name="parameters">The rule set's parameters.</param>
    /// <returns>The delegate.</returns>
    /// <param name="deferred">
    /// Whether to build the expression tree now (every binding error shows at once) but leave its compilation to the
    /// first evaluation (issue 17: a process that asks one question compiles only the workflows it needs). Compiling a
    /// tree that was built should not fail; if it ever does, the deferred delegate reports every rule as having thrown
    /// (its <c>errors</c> bit), as a rule that throws does.
    /// </param>
    public static WorkflowPredicate CompileWorkflow(IReadOnlyList<(CheckedExpression Predicate, CheckedExpression? Pending)> rules, RuleParameters parameters, bool deferred = false)
    {
        var facts = Expression.Parameter(typeof(GateFacts).MakeByRefType(), "facts");
        var pendingOut = Expression.Parameter(typeof(ulong).MakeByRefType(), "pending");
        var errorsOut = Expression.Parameter(typeof(ulong).MakeByRefType(), "errors");
        var passed = Expression.Variable(typeof(ulong), "passed");
        var pending = Expression.Variable(typeof(ulong), "pendingBits");
        var errors = Expression.Variable(typeof(ulong), "errorBits");
        var steps = new List<Expression>(rules.Count + 6)
        {
            Expression.Assign(passed, Expression.Constant(0UL)),
            Expression.Assign(pending, Expression.Constant(0UL)),
            Expression.Assign(errors, Expression.Constant(0UL)),
        };
        for (var i = 0; i < rules.Count; i++)
        {
            var bit = Expression.Constant(1UL << i);
            var notBit = Expression.Constant(~(1UL << i));
            var judge = new List<Expression> { Expression.IfThen(Bind(rules[i].Predicate, facts, parameters), Expression.OrAssign(passed, bit)) };
            if (rules[i].Pending is { } pendingWhen)
            {
                judge.Add(Expression.IfThen(Bind(pendingWhen, facts, parameters), Expression.OrAssign(pending, bit)));
            }

            steps.Add(Expression.TryCatch(
                Expression.Block(typeof(void), judge),
                Expression.Catch(typeof(Exception), Expression.Block(
                    typeof(void),
                    Expression.AndAssign(passed, notBit),
                    Expression.AndAssign(pending, notBit),
                    Expression.OrAssign(errors, bit)))));
        }

        steps.Add(Expression.Assign(pendingOut, pending));
        steps.Add(Expression.Assign(errorsOut, errors));
        steps.Add(passed);
        var lambda = Expression.Lambda<WorkflowPredicate>(Expression.Block([passed, pending, errors], steps), facts, pendingOut, errorsOut);
        return deferred ? new DeferredWorkflow(lambda, rules.Count).Run : lambda.Compile();
    }

    /// <summary>Whether a workflow's delegate is compiled (false only for a deferred one not yet evaluated).</summary>
    internal static bool IsCompiled(WorkflowPredicate run) => run.Target is not DeferredWorkflow deferred || deferred.IsCompiled;

    /// <summary>A workflow's tree compiled on its first evaluation, once (a race compiles twice and keeps one: both are the same).</summary>
    private sealed class DeferredWorkflow(Expression<WorkflowPredicate> lambda, int ruleCount)
    {
        private WorkflowPredicate? compiled;

        public bool IsCompiled => Volatile.Read(ref compiled) is not null;

        public ulong Run(in GateFacts facts, out ulong pending, out ulong errors) =>
            (Volatile.Read(ref compiled) ?? CompileOnce())(in facts, out pending, out errors);

        private WorkflowPredicate CompileOnce()
        {
            WorkflowPredicate run;
            try
            {
                run = lambda.Compile();
            }
            catch (Exception)
            {
                var all = ruleCount >= 64 ? ulong.MaxValue : (1UL << ruleCount) - 1;
                run = (in GateFacts _, out ulong pending, out ulong errors) =>
                {
                    pending = 0;
                    errors = all;
                    return 0;
                };
            }

            return Interlocked.CompareExchange(ref compiled, run, null) ?? run;
        }
    }

    /// <summary>The expression over the one <c>in GateFacts</c> parameter, with the parameters' values folded in.</summary>
    private static Expression Bind(CheckedExpression expression, ParameterExpression facts, RuleParameters parameters) =>
        new Rewriter(facts, expression.Groups, expression.Parameters, parameters).Visit(expression.Body);

    private static string CodeOf(string message) =>
        message.Contains("expected", StringComparison.Ordinal) && message.Contains("of type", StringComparison.Ordinal)
        || message.StartsWith("Operator", StringComparison.Ordinal)
        || message.Contains("incompatible", StringComparison.Ordinal)
            ? "expression.type"
            : UnknownMember().IsMatch(message) || UnknownIdentifier().IsMatch(message) ? "expression.unknownName" : "expression.syntax";

    /// <summary>Rewrites the parser's wording about ChiBo's types into the names an editor wrote.</summary>
    private static string Explain(string message)
    {
        var member = UnknownMember().Match(message);
        if (member.Success)
        {
            var name = member.Groups["name"].Value;
            var type = member.Groups["type"].Value;
            if (type == nameof(RuleParameters))
            {
                return $"unknown parameter '{name}';{Loading.Suggestions.Hint(name, RuleParameters.Names)} the parameters are: {string.Join(", ", RuleParameters.Names)}";
            }

            var group = RuleLanguage.Groups.FirstOrDefault(g => g.Property.PropertyType.Name == type);
            if (group.Name is not null)
            {
                return $"'{group.Name}' has no '{name}'; it has: {string.Join(", ", RuleLanguage.MembersByType[group.Property.PropertyType])}";
            }

            return $"'{name}' does not exist on {type}";
        }

        var identifier = UnknownIdentifier().Match(message);
        if (identifier.Success)
        {
            return $"unknown name '{identifier.Groups["name"].Value}'; the names are: "
                + string.Join(", ", RuleLanguage.Groups.Select(g => g.Name).Append(RuleLanguage.ParametersName));
        }

        return message;
    }

    [GeneratedRegex(@"No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"Unknown identifier '(?<name>[^']+)'")]
    private static partial Regex UnknownIdentifier();

    /// <summary>
    /// Refuses a whole-number division or remainder whose divisor is not a parameter above 0, written as itself
    /// (<c>params.x</c>, or widened: <c>long(params.x)</c>): any other divisor can be 0 (a vote not yet held counts 0
    /// members), which throws <see cref="DivideByZeroException"/>, or -1 under the smallest number, which throws
    /// <see cref="OverflowException"/> (<c>int.MinValue / -1</c>); and evaluation must never throw. A parameter is
    /// never negative, so a parameter above 0 can be neither. Division of doubles gives ∞ or NaN and is not checked.
    /// </summary>
    private sealed class DivisionCheck(ParameterExpression parametersParameter, RuleParameters parameters) : ExpressionVisitor
    {
        private string? refusal;

        public static string? Find(Expression body, ParameterExpression parametersParameter, RuleParameters parameters)
        {
            var check = new DivisionCheck(parametersParameter, parameters);
            check.Visit(body);
            return check.refusal;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (refusal is null
                && node.NodeType is ExpressionType.Divide or ExpressionType.Modulo
                && !IsFloatingPoint(node.Type)
                && !IsParameterAboveZero(node.Right))
            {
                var what = node.NodeType == ExpressionType.Divide ? "'/'" : "'%'";
                refusal = $"{what} of whole numbers is allowed only by a parameter above 0 written as itself (age.months / params.probationMonths): "
                    + "any other divisor can be 0, or -1 under the smallest number, and such a division cannot be evaluated. "
                    + "Multiply instead (vote.inFavour * params.voteDenominator >= vote.fullMembers * params.voteNumerator), or divide in double(…)";
            }

            return base.VisitBinary(node);
        }

        private static bool IsFloatingPoint(Type type) => type == typeof(double) || type == typeof(float);

        private bool IsParameterAboveZero(Expression divisor)
        {
            // Only conversions that keep every value: to the same type, or from int to long.
            while (divisor is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion
                && (conversion.Type == conversion.Operand.Type || conversion.Operand.Type == typeof(int) && conversion.Type == typeof(long)))
            {
                divisor = conversion.Operand;
            }

            return divisor is MemberExpression { Member: System.Reflection.PropertyInfo property } member
                && member.Expression == parametersParameter
                && property.GetValue(parameters) is int value
                && value > 0;
        }
    }

    /// <summary>
    /// Reads each group from the one <c>in GateFacts</c> parameter and folds parameters into constants; and makes
    /// what could throw on an extreme value total: conversions are unchecked, and <c>Math.Abs</c> of a whole number
    /// is <c>x &lt; 0 ? -x : x</c> (which leaves the smallest int as it is instead of throwing).
    /// </summary>
    private sealed class Rewriter(
        ParameterExpression facts,
        IReadOnlyList<ParameterExpression> groups,
        ParameterExpression parametersParameter,
        RuleParameters parameters) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                if (node == groups[i])
                {
                    return Expression.Property(facts, RuleLanguage.Groups[i].Property);
                }
            }

            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == parametersParameter && node.Member is System.Reflection.PropertyInfo property)
            {
                return Expression.Constant(property.GetValue(parameters), property.PropertyType);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var operand = Visit(node.Operand);
            return node.NodeType == ExpressionType.ConvertChecked
                ? Expression.Convert(operand, node.Type)
                : node.Update(operand);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Math) && node.Method.Name == nameof(Math.Abs)
                && node.Type is var type && (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)))
            {
                var value = Expression.Variable(type, "x");
                return Expression.Block(
                    [value],
                    Expression.Assign(value, Visit(node.Arguments[0])),
                    Expression.Condition(Expression.LessThan(value, Expression.Default(type)), Expression.Negate(value), value));
            }

            return base.VisitMethodCall(node);
        }
    }
}
