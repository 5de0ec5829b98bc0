using System;
using System.Collections.Generic;

namespace ChiBo.Rules;

/// <summary>
/// A reload of a <see cref="RuleCatalogProvider"/> failed (<see cref="RuleCatalogProvider.ReloadFailed"/>): the errors,
/// each naming its file, rule and line, and the last good catalog, which stays in use.
/// </summary>
public sealed class RuleCatalogReloadFailedEventArgs : EventArgs
{
    internal RuleCatalogReloadFailedEventArgs(IReadOnlyList<RuleLoadError> errors, RuleCatalog kept, long generation)
    {
        Errors = errors;
        Kept = kept;
        Generation = generation;
    }

    /// <summary>Every error of the folder, as <see cref="RuleCatalog.LoadDirectory"/> found them.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; }

    /// <summary>The catalog that stays in use.</summary>
    public RuleCatalog Kept { get; }

    /// <summary>The generation of the catalog kept.</summary>
    public long Generation { get; }
}
