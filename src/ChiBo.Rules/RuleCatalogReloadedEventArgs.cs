using System;

namespace ChiBo.Rules;

/// <summary>A reload of a <see cref="RuleCatalogProvider"/> replaced its catalog (<see cref="RuleCatalogProvider.Reloaded"/>).</summary>
public sealed class RuleCatalogReloadedEventArgs : EventArgs
{
    internal RuleCatalogReloadedEventArgs(RuleCatalog previous, RuleCatalog current, long generation)
    {
        Previous = previous;
        Current = current;
        Generation = generation;
    }

    /// <summary>The catalog replaced.</summary>
    public RuleCatalog Previous { get; }

    /// <summary>The catalog now in use.</summary>
    public RuleCatalog Current { get; }

    /// <summary>The provider's generation after the swap (1 after the first reload).</summary>
    public long Generation { get; }
}
