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
    public static IEnumerable<object> Model(IEnumerable<RuleSet> eras) =>
        eras.Select(s => new
        {
            id = s.Id,
            title = s.Title,
            effectiveFrom = s.EffectiveFrom,
            sources = s.Sources,
            ruleSetDigest = s.Digest,
            ruleSetOrigin = s.Origin,
            parameters = s.Parameters.Info.Values.OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .Select(p => new { name = p.Name, value = p.Value, unit = p.Unit, source = p.Source, description = p.Description, shippedValue = s.Origin == Evaluation.RuleSetOrigin.Edited ? (s.Shipped is { } sh && sh.Parameters.Info.TryGetValue(p.Name, out var o) ? o.Value : (int?)null) : null }),
            gates = s.Workflows.Select(w => new
            {
                gate = w.Gate.JsonName(),
                rules = w.Rules.Select(r => new
                {
                    rule = r.Id,
                    message = r.Message,
                    description = r.DescriptionText ?? (r.Description is { } d ? new LocalizedText(d, d) : null),
                    source = r.Source,
                    sourceNote = r.SourceNote,
                    parameters = Provenance.ParametersOf(r),
                    expression = r.Expression,
                    pendingWhen = r.PendingWhen,
                }),
            }),
        });
}
