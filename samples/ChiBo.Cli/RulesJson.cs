using System.Collections.Generic;
using System.Linq;
using ChiBo.Lifecycle;
using ChiBo.Rules;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>
/// The rules as data (<c>chibo rules show --format json</c>, and the service's <c>GET /v1/rules</c>, which links this
/// file): each era with its sources and provenance, its parameters (with the shipped value beside an edited one), and
/// each gate's rules with message, reading, source, parameters used and expression.
/// </summary>
internal static class RulesJson
{
    public static IEnumerable<EraJson> Model(IEnumerable<RuleSet> eras) =>
        eras.Select(s => new EraJson(
            s.Id,
            s.Title,
            s.EffectiveFrom,
            s.Sources,
            s.Digest,
            s.Origin,
            s.Parameters.Info.Values.OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .Select(p => new ParameterJson(p.Name, p.Value, p.Unit, p.Source, p.Description, s.Origin == Evaluation.RuleSetOrigin.Edited ? (s.Shipped is { } sh && sh.Parameters.Info.TryGetValue(p.Name, out var o) ? o.Value : (int?)null) : null)),
            s.Workflows.Select(w => new GateJson(
                w.Gate.JsonName(),
                w.Rules.Select(r => new RuleJson(
                    r.Id,
                    r.Message,
                    r.DescriptionText ?? (r.Description is { } d ? new LocalizedText(d, d) : null),
                    r.Source,
                    r.SourceNote,
                    Provenance.ParametersOf(r),
                    r.Expression,
                    r.PendingWhen))))));

    // Named, not anonymous, so that their JSON metadata can be generated at build time (a Native AOT build of the
    // tool has no reflection-made metadata); the properties and their order are those the anonymous types had.

    /// <summary>An era as data.</summary>
    internal sealed record EraJson(string Id, LocalizedText Title, NodaTime.LocalDate EffectiveFrom, System.Collections.Immutable.ImmutableArray<string> Sources,
        string RuleSetDigest, Evaluation.RuleSetOrigin RuleSetOrigin, IEnumerable<ParameterJson> Parameters, IEnumerable<GateJson> Gates);

    /// <summary>A parameter, with the shipped value beside an edited one.</summary>
    internal sealed record ParameterJson(string Name, int Value, string? Unit, string Source, string? Description, int? ShippedValue);

    /// <summary>A gate's rules.</summary>
    internal sealed record GateJson(string Gate, IEnumerable<RuleJson> Rules);

    /// <summary>A rule as data (<c>Rule</c> is its id).</summary>
    internal sealed record RuleJson(string Rule, LocalizedText Message, LocalizedText? Description, string Source, LocalizedText? SourceNote,
        IReadOnlyList<string> Parameters, string Expression, string? PendingWhen);
}
