using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// The allow-list walk over a parsed expression: only ChiBo's fact groups and parameters, literals of simple
/// types, arithmetic, comparison, logic, the conditional, numeric conversions and <c>Math.Min/Max/Abs</c> pass.
/// Reflection (<c>GetType()</c>, <c>typeof</c>), static members (<c>DateTime.Now</c>), constructors, lambdas,
/// collections and every other method are refused — so an expression can neither leave the case's facts nor
/// run without bound. Every value of the tree is true/false, an int, a long, a double or a string: no null, no
/// nullable value (whose conversion to a number throws when it has none), no narrower number (whose conversion
/// changes a value: <c>byte(256)</c> is 0), and a group or <c>params</c> only as the owner of a member it reads.
/// </summary>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    // No decimal: its arithmetic throws on overflow, and no fact or parameter needs it (1.5 is a double).
    private static readonly HashSet<Type> LiteralTypes =
        [typeof(bool), typeof(int), typeof(long), typeof(double), typeof(string)];

    // The numbers of the language; a literal of any other numeric type is refused as a number in the text.
    private static readonly HashSet<Type> NumericTypes = [typeof(int), typeof(long), typeof(double)];

    // The type of every value in the tree (a group or params may only own a member read: see VisitMember).
    private static readonly HashSet<Type> ValueTypes = [typeof(bool), typeof(int), typeof(long), typeof(double), typeof(string)];

    // The documented operators only: no '&', '|', '^' (bitwise, or logic that evaluates both sides), no '??'.
    private static readonly HashSet<ExpressionType> BinaryOperators =
    [
        ExpressionType.Add, ExpressionType.Subtract, ExpressionType.Multiply, ExpressionType.Divide,
        ExpressionType.Modulo, ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.Equal,
        ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan,
        ExpressionType.GreaterThanOrEqual,
    ];

    private readonly IReadOnlySet<ParameterExpression> parameters;
    private int depth;

    private ExpressionGuard(IReadOnlySet<ParameterExpression> parameters)
    {
        this.parameters = parameters;
    }

    /// <summary>The first refusal: its code and message.</summary>
    public (string Code, string Message)? Refusal { get; private set; }

    public static (string Code, string Message)? Check(Expression expression, IReadOnlySet<ParameterExpression> parameters)
    {
        var guard = new ExpressionGuard(parameters);
        guard.Visit(expression);
        return guard.Refusal;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || Refusal is not null)
        {
            return node;
        }

        if (++depth > RuleLanguage.MaxTreeDepth)
        {
            Refusal = ("expression.tooComplex", $"the expression nests deeper than {RuleLanguage.MaxTreeDepth} operations");
            return node;
        }

        try
        {
            var visited = base.Visit(node);

            // After the node's own check (which names a method or an operator better than its type would).
            if (Refusal is null && node is not ParameterExpression && !ValueTypes.Contains(node.Type))
            {
                Refuse(DescribeValue(node.Type));
            }

            return visited;
        }
        finally
        {
            depth--;
        }
    }

    // Reached only for a group or params used as a value ('params == null', 'iif(c, age, age)'): VisitMember does
    // not visit the owner of a member it allows.
    protected override Expression VisitParameter(ParameterExpression node)
    {
        Refuse(parameters.Contains(node)
            ? $"'{node.Name}' is not a value: write one of its names ({node.Name}.{(RuleLanguage.MembersByType.TryGetValue(node.Type, out var names) ? names[0] : "…")})"
            : $"'{node.Name}' is not a name of the rule language");
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is null)
        {
            Refuse($"'{node.Member.DeclaringType?.Name}.{node.Member.Name}' is outside the rule language: only the case's facts and params can be read");
            return node;
        }

        if (node.Member is not PropertyInfo property
            || !RuleLanguage.MembersByType.TryGetValue(property.DeclaringType!, out var members)
            || !members.Contains(RuleLanguage.CamelCase(property.Name)))
        {
            Refuse($"'{node.Member.Name}' of {Describe(node.Expression.Type)} is outside the rule language");
            return node;
        }

        if (node.Expression is not ParameterExpression owner || !parameters.Contains(owner))
        {
            Refuse($"'{node.Member.Name}' is read from a computed value: write {Describe(node.Expression.Type)}.{RuleLanguage.CamelCase(property.Name)} itself");
            return node;
        }

        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Math)
            && node.Method.Name is nameof(Math.Min) or nameof(Math.Max) or nameof(Math.Abs)
            && NumericTypes.Contains(node.Method.ReturnType))
        {
            return base.VisitMethodCall(node);
        }

        Refuse($"the method '{node.Method.Name}' is not allowed in rule expressions (allowed: Math.Min, Math.Max, Math.Abs)");
        return node;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is null)
        {
            Refuse("null is not in the rule language: every fact and parameter has a value");
        }
        else if (!LiteralTypes.Contains(node.Type))
        {
            Refuse($"a value of type {node.Type.Name} is not allowed in rule expressions");
        }
        else if (NumericTypes.Contains(node.Type))
        {
            // Numbers live in the rule set's parameters, each with its legal source, never in rule text.
            Refusal ??= ("expression.literal", $"the number {node.Value} is written in the expression: put it in 'parameters' (with its source) and write params.name");
        }

        return node;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var allowed = node.NodeType switch
        {
            // '!' of a number would be its bitwise complement: '!' and 'not' are logic only.
            ExpressionType.Not => node.Method is null && node.Operand.Type == typeof(bool),
            ExpressionType.Negate or ExpressionType.UnaryPlus => node.Method is null,
            ExpressionType.Convert or ExpressionType.ConvertChecked =>
                node.Method is null && (node.Type == node.Operand.Type || NumericTypes.Contains(node.Type) && NumericTypes.Contains(node.Operand.Type)),
            _ => false,
        };
        if (!allowed)
        {
            Refuse($"the operation '{node.NodeType}' to {node.Type.Name} is not allowed in rule expressions");
            return node;
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var allowed = BinaryOperators.Contains(node.NodeType)
            && (node.Method is null
                || (node.Method.DeclaringType == typeof(string) && node.Method.Name is "op_Equality" or "op_Inequality"));
        if (!allowed)
        {
            Refuse(node.Left.Type == typeof(decimal) || node.Right.Type == typeof(decimal)
                ? "decimal numbers (with the suffix 'm') are not allowed in rule expressions: write 1.5, not 1.5m"
                : $"the operation '{node.NodeType}' is not allowed in rule expressions");
            return node;
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitConditional(ConditionalExpression node) => base.VisitConditional(node);

    protected override Expression VisitLambda<T>(Expression<T> node) => RefuseNode(node, "a lambda");

    protected override Expression VisitNew(NewExpression node) => RefuseNode(node, "creating objects ('new')");

    protected override Expression VisitNewArray(NewArrayExpression node) => RefuseNode(node, "creating arrays");

    protected override Expression VisitInvocation(InvocationExpression node) => RefuseNode(node, "invoking a delegate");

    protected override Expression VisitIndex(IndexExpression node) => RefuseNode(node, "indexing");

    protected override Expression VisitTypeBinary(TypeBinaryExpression node) => RefuseNode(node, "type tests ('is')");

    protected override Expression VisitDefault(DefaultExpression node) => RefuseNode(node, "default values");

    protected override Expression VisitListInit(ListInitExpression node) => RefuseNode(node, "collections");

    protected override Expression VisitMemberInit(MemberInitExpression node) => RefuseNode(node, "creating objects");

    protected override Expression VisitBlock(BlockExpression node) => RefuseNode(node, "blocks");

    protected override Expression VisitLoop(LoopExpression node) => RefuseNode(node, "loops");

    protected override Expression VisitExtension(Expression node) => RefuseNode(node, "this construct");

    protected override Expression VisitDynamic(DynamicExpression node) => RefuseNode(node, "dynamic calls");

    private static string DescribeValue(Type type) =>
        Nullable.GetUnderlyingType(type) is not null || type == typeof(object)
            ? "a value that can be null (null, np(…), or arithmetic or iif with null) is not in the rule language: every fact and parameter has a value"
            : type == typeof(decimal)
                ? "decimal numbers (with the suffix 'm') are not allowed in rule expressions: write 1.5, not 1.5m"
                : type.IsPrimitive
                    ? $"a value of type {type.Name} is not in the rule language: its numbers are int, long and double (a conversion to a narrower type can change a value: byte(256) is 0)"
                    : $"a value of type {type.Name} is not in the rule language";

    private static string Describe(Type type) =>
        RuleLanguage.Groups.FirstOrDefault(g => g.Property.PropertyType == type).Name is { } group
            ? $"'{group}'"
            : type == typeof(RuleParameters) ? $"'{RuleLanguage.ParametersName}'" : $"type {type.Name}";

    private Expression RefuseNode(Expression node, string what)
    {
        Refuse($"{what} is not allowed in rule expressions");
        return node;
    }

    private void Refuse(string message) => Refusal ??= ("expression.forbidden", message);
}
