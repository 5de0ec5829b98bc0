using System;
using System.Collections.Generic;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace ChiBo.Rules.Expressions;

/// <summary>
/// The rule language's type provider for System.Linq.Dynamic.Core: no custom types, no extension methods, and no
/// type resolved by name. An expression reaches only the parameters it is given (the facts groups and
/// <c>params</c>) and the parser's predefined types, which <see cref="ExpressionGuard"/> then narrows to its
/// allow-list. Immutable.
/// </summary>
internal sealed class NoCustomTypes : IDynamicLinqCustomTypeProvider
{
    private static readonly HashSet<Type> NoTypes = [];
    private static readonly Dictionary<Type, List<MethodInfo>> NoMethods = [];

    public HashSet<Type> GetCustomTypes() => NoTypes;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => NoMethods;

    public Type? ResolveType(string typeName) => null;

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => null;
}
