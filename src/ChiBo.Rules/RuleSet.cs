using System;
using System.Collections.Immutable;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Rules;

/// <summary>
/// A rule set of one era (bộ quy tắc theo thời kỳ), e.g. <c>2016-qd29</c>: its parameters and one workflow of
/// rules per gate, every expression already checked and compiled. In force from <see cref="EffectiveFrom"/> until
/// the next rule set of a rule catalog. Immutable and thread-safe; load it with
/// <see cref="RuleSetLoader"/>.
/// </summary>
public sealed class RuleSet
{
    private readonly RuleWorkflow?[] byGate;

    internal RuleSet(
        string id,
        LocalizedText title,
        string? description,
        LocalDate effectiveFrom,
        ImmutableArray<string> sources,
        RuleParameters parameters,
        ImmutableArray<RuleWorkflow> workflows,
        string? file)
    {
        Id = id;
        Title = title;
        Description = description;
        EffectiveFrom = effectiveFrom;
        Sources = sources;
        Parameters = parameters;
        Workflows = workflows;
        File = file;
        Durations = parameters.ToDurations(sources.IsDefaultOrEmpty ? id : sources[0]);
        byGate = new RuleWorkflow?[(int)Gate.None + 1];
        foreach (var workflow in workflows)
        {
            if (workflow.IsGate)
            {
                byGate[(int)workflow.Gate] = workflow;
            }
            else if (workflow.Name == MemberWorkflows.Standing)
            {
                MemberStanding = workflow;
            }
            else if (workflow.Name == MemberWorkflows.Exemption)
            {
                Exemption = workflow;
            }
        }
    }

    /// <summary>The <c>memberStanding</c> workflow (standing of probationary and full members), or null when the file has none.</summary>
    public RuleWorkflow? MemberStanding { get; }

    /// <summary>The <c>exemption</c> workflow (an exemption judged on its date), or null when the file has none.</summary>
    public RuleWorkflow? Exemption { get; }

    /// <summary>The stable id, e.g. <c>2016-qd29</c>.</summary>
    public string Id { get; }

    /// <summary>The title, in Vietnamese and English.</summary>
    public LocalizedText Title { get; }

    /// <summary>What the rule set covers, or null.</summary>
    public string? Description { get; }

    /// <summary>The first day the rule set is in force (inclusive).</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The documents the rule set implements.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The parameters.</summary>
    public RuleParameters Parameters { get; }

    /// <summary>The legal durations of the parameters, for deadlines.</summary>
    public LegalDurations Durations { get; }

    /// <summary>The workflows, one per gate, in the file's order.</summary>
    public ImmutableArray<RuleWorkflow> Workflows { get; }

    /// <summary>The file the rule set came from, or null.</summary>
    public string? File { get; }

    /// <summary>The hash of the file's bytes as loaded: <c>sha256:</c> and 64 lower-case hex digits (<c>ruleSetDigest</c>).</summary>
    public string Digest { get; internal set; } = string.Empty;

    /// <summary>
    /// Whether this is the rule set shipped with ChiBo (<see cref="RuleSetOrigin.Shipped"/>: same id, same bytes), an
    /// edited copy of it (<see cref="RuleSetOrigin.Edited"/>: a shipped id, other bytes), or a local one
    /// (<see cref="RuleSetOrigin.Local"/>: an id no shipped set has).
    /// </summary>
    public RuleSetOrigin Origin
    {
        get
        {
            // Computed once (the shipped catalog is looked up on first use): 0 unknown, else the origin + 1.
            var known = System.Threading.Volatile.Read(ref origin);
            if (known == 0)
            {
                known = 1 + (int)(Shipped is not { } shipped ? RuleSetOrigin.Local
                    : string.Equals(shipped.Digest, Digest, StringComparison.Ordinal) ? RuleSetOrigin.Shipped : RuleSetOrigin.Edited);
                System.Threading.Volatile.Write(ref origin, known);
            }

            return (RuleSetOrigin)(known - 1);
        }
    }

    private int origin;

    /// <summary>The shipped rule set with this id (itself when this is it), or null for a local id: to compare an edited value with the shipped one.</summary>
    public RuleSet? Shipped => IsShippedResource ? this : RuleCatalog.Shipped.RuleSets.FirstOrDefault(s => string.Equals(s.Id, Id, StringComparison.Ordinal));

    /// <summary>Set on the rule sets read from this assembly's resources, so that they need not look themselves up.</summary>
    internal bool IsShippedResource { get; set; }

    /// <summary>The workflow of a gate, or null when the rule set has no rules for it.</summary>
    /// <param name="gate">The gate.</param>
    /// <returns>The workflow, or null.</returns>
    public RuleWorkflow? WorkflowFor(Gate gate) => (uint)gate < (uint)byGate.Length ? byGate[(int)gate] : null;

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
