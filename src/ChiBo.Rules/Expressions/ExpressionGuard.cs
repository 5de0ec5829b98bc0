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
/// run without bound.
/// </summary>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    // No decimal: its arithmetic throws on overflow, and no fact or parameter needs it (1.5 is a double).
    private static readonly HashSet<Type> LiteralTypes =
        [typeof(bool), typeof(int), typeof(long), typeof(double), typeof(string)];

    private static readonly HashSet<Type> NumericTypes =
        [typeof(int), typeof(long), typeof(double), typeof(float), typeof(short), typeof(byte)];

    private static readonly HashSet<ExpressionType> BinaryOperators =
    [
        ExpressionType.Add, ExpressionType.Subtract, ExpressionType.Multiply, ExpressionType.Divide,
        ExpressionType.Modulo, ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.And,
        ExpressionType.Or, ExpressionType.ExclusiveOr, ExpressionType.Equal, ExpressionType.NotEqual,
        ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan,
        ExpressionType.GreaterThanOrEqual, ExpressionType.Coalesce,
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
            return base.Visit(node);
        }
        finally
        {
            depth--;
        }
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!parameters.Contains(node))
        {
            Refuse($"'{node.Name}' is not a name of the rule language");
        }

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

        return base.VisitMember(node);
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
        if (node.Value is not null && !LiteralTypes.Contains(node.Type))
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
            ExpressionType.Not or ExpressionType.Negate or ExpressionType.UnaryPlus => node.Method is null,
            ExpressionType.Convert or ExpressionType.ConvertChecked =>
                node.Method is null && IsSimple(node.Type) && IsSimple(node.Operand.Type),
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

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(bool) || NumericTypes.Contains(underlying);
    }

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
