using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 17 (cold start): loading a catalog validates and binds every rule, but compiles a workflow only when a question
/// first needs it; the answers are those of a catalog used before (ParallelEvaluationTests races the first uses).
/// </summary>
public class DeferredCompilationTests
{
    [Fact]
    public void A_loaded_catalog_compiles_only_the_workflows_a_question_needs()
    {
        var catalog = RuleCatalog.LoadShipped().GetValueOrThrow();
        var workflows = catalog.RuleSets.SelectMany(s => s.Workflows).ToArray();
        Assert.All(workflows, w => Assert.False(w.IsCompiled, $"{w.Name} compiled at load"));

        var generated = CaseGenerator.Generate(3, 50).First(c => CaseLifecycle.Replay(c.File, c.AsOf).History!.Stage == Stage.Applicant);
        var answer = new CaseEvaluator(catalog).Evaluate(generated.File, generated.AsOf).GetValueOrThrow();
        var compiled = workflows.Count(w => w.IsCompiled);
        Assert.InRange(compiled, 1, workflows.Length - 1);
        Assert.Contains(workflows, w => w.IsCompiled && w.Gate == answer.NextGate);

        // The same answer as from a catalog whose workflows were all compiled before.
        var warm = RuleCatalog.LoadShipped().GetValueOrThrow();
        foreach (var c in CaseGenerator.Generate(4, 300))
        {
            new CaseEvaluator(warm).Evaluate(c.File, c.AsOf);
        }

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(new CaseEvaluator(warm).Evaluate(generated.File, generated.AsOf).Value, Serialization.ChiBoJson.CompactOptions),
            System.Text.Json.JsonSerializer.Serialize(answer, Serialization.ChiBoJson.CompactOptions));
    }
}
