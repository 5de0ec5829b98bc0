using System;
using System.Collections.Generic;
using System.Linq;

namespace ChiBo.Rules;

/// <summary>Thrown by <see cref="RuleLoadResult{T}.GetValueOrThrow"/> when rule files could not be loaded.</summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors; at least one.</param>
    public RuleLoadException(IReadOnlyList<RuleLoadError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; }
}
