using ChiBo.Evaluation;

namespace ChiBo.HostSample;

/// <summary>The rules this host evaluates with.</summary>
internal static class HostRules
{
    /// <summary>
    /// THE PLACE WHERE CHIBO.RULES PLUGS IN. Until the rules catalog of ChiBo.Rules exists this host runs without
    /// rules (no rule set, no checks, no violations, default legal durations). Replace the body with the catalog
    /// of the shipped rule sets, e.g. <c>return RuleCatalog.LoadEmbedded();</c> — whatever ChiBo.Rules names it —
    /// and nothing else in the sample changes.
    /// </summary>
    public static ICaseRules Create() => NoCaseRules.Instance;
}
