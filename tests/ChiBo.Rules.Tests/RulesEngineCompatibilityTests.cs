using System.Linq;
using System.Threading.Tasks;
using ChiBo.Lifecycle;
using ChiBo.Rules.Facts;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// The shipped rule files keep RulesEngine's workflow shape: loaded into Microsoft's RulesEngine 6.0.1 itself and
/// run with ExecuteAllRulesAsync, they give the same answers as ChiBo's compiled rules (and prove the package's
/// dependencies — System.Linq.Dynamic.Core, FastExpressionCompiler, FluentValidation — load and run together).
/// </summary>
public class RulesEngineCompatibilityTests
{
    [Theory]
    [InlineData(216, true, 9, 12)]
    [InlineData(215, false, 5, 9)]
    [InlineData(730, true, 6, 9)]
    public async Task Admission_rules_give_the_same_answers_in_RulesEngine_and_in_ChiBo(int ageMonths, bool documents, int inFavour, int fullMembers)
    {
        var set = RuleFiles.Load(RuleFiles.Text("2016-qd29")).GetValueOrThrow();
        var facts = new GateFacts
        {
            Age = new AgeFacts { Months = ageMonths, Years = ageMonths / 12 },
            Person = new PersonFacts { YouthUnionMember = true },
            Education = new EducationFacts { Level = 3 },
            Course = new CourseFacts { Completed = documents, MonthsSinceCertificate = 10 },
            Dossier = new DossierFacts
            {
                ApplicationSubmitted = documents, BackgroundDeclared = true, BackgroundVerified = true, BackgroundClear = true,
                CommentsCollected = documents,
            },
            Introducers = new IntroducerFacts { Count = 2, AllFullMembers = true, MinMonthsWorkedTogether = 14 },
            Cell = new CellFacts { HasYouthUnion = true, HasTradeUnion = true },
            Vote = new VoteFacts { Held = true, InFavour = inFavour, FullMembers = fullMembers },
        };

        var workflow = set.WorkflowFor(Gate.CellAdmissionVote)!;
        var chibo = workflow.Evaluate(in facts);

        var engine = new RulesEngine.RulesEngine(RulesEngineInterop.ToWorkflows(set));
        var results = await engine.ExecuteAllRulesAsync("cellAdmissionVote", RulesEngineInterop.Inputs(in facts, set.Parameters));

        Assert.Equal(workflow.Rules.Length, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            // RulesEngine reports a failed rule's ErrorMessage as its ExceptionMessage; anything else is a real exception.
            Assert.True(string.IsNullOrEmpty(results[i].ExceptionMessage) || results[i].ExceptionMessage == workflow.Rules[i].Message.En,
                results[i].ExceptionMessage);
            Assert.Equal(workflow.Rules[i].Id, results[i].Rule.RuleName);
            Assert.True(chibo.IsPassed(i) == results[i].IsSuccess, $"{workflow.Rules[i].Id}: ChiBo {chibo.IsPassed(i)}, RulesEngine {results[i].IsSuccess}");
        }

        Assert.Equal(chibo.AllPassed, results.All(r => r.IsSuccess));
    }
}
