using System;
using System.Diagnostics.CodeAnalysis;

namespace ChiBo.Utility;

/// <summary>
/// Argument checks for public members. Exceptions are for a caller's bug only; ordinary bad data
/// (a malformed case file, an impossible event order) is reported as a result, never thrown.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, string paramName) where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"Value should be in range [{minInclusive}-{maxInclusive}]");
        }
    }
}
