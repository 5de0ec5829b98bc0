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

    /// <summary>
    /// Every rule of every workflow of every shipped era, on 200 seeded random fact sets around the legal boundaries:
    /// ChiBo's compiled delegate (parsed and compiled by ChiBo, one delegate per gate) and RulesEngine's own engine
    /// agree on each rule.
    /// </summary>
    [Fact]
    public async Task Every_shipped_rule_agrees_with_RulesEngine_on_random_facts()
    {
        var random = new System.Random(20261125);
        bool B() => random.Next(2) == 1;
        int Around(int value, int spread) => value + random.Next(-spread, spread + 1);
        var compared = 0;
        var expected = 0;
        foreach (var file in RuleFiles.Shipped)
        {
            var set = RuleSetLoader.LoadFile(file).GetValueOrThrow();
            var engine = new RulesEngine.RulesEngine(RulesEngineInterop.ToWorkflows(set));
            expected += 200 * set.Workflows.Sum(w => w.Rules.Length);
            for (var n = 0; n < 200; n++)
            {
                var members = random.Next(1, 20);
                var facts = new GateFacts
                {
                    Age = new AgeFacts { Months = Around(216, 3) + (B() ? 0 : Around(504, 3)), Years = Around(30, 2), ExceptionApproved = B() },
                    Person = new PersonFacts { YouthUnionMember = B(), TradeUnionMember = B(), IsFemale = B() },
                    Education = new EducationFacts { Level = random.Next(0, 8), ExceptionApproved = B() },
                    Course = new CourseFacts { Completed = B(), MonthsSinceCertificate = Around(60, 2) },
                    Dossier = new DossierFacts
                    {
                        ApplicationSubmitted = B(), BackgroundDeclared = B(), BackgroundVerified = B(), BackgroundClear = B(),
                        CommentsCollected = B(), YouthUnionEndorsed = B(), TradeUnionEndorsed = B(),
                        SelfReviewSubmitted = B(), HelperReviewSubmitted = B(), HelperAssigned = B(),
                    },
                    Introducers = new IntroducerFacts { Count = random.Next(0, 4), AllFullMembers = B(), MinMonthsWorkedTogether = Around(12, 2) },
                    Cell = new CellFacts { HasYouthUnion = B(), HasTradeUnion = B(), IsSubordinate = B() },
                    Vote = new VoteFacts { Held = B(), InFavour = random.Next(0, members + 1), FullMembers = members },
                    CommitteeVote = new CommitteeVoteFacts { Held = B(), InFavour = random.Next(0, 10), Members = 9 },
                    Ceremony = new CeremonyFacts { DecisionReceived = B(), Held = B(), DelayApproved = B(), WorkingDaysSinceDecision = Around(30, 2) },
                    Probation = new ProbationFacts { Started = B(), FullMonths = Around(12, 2), WorkingDaysAfterEnd = Around(30, 2) },
                    Decision = new DecisionFacts { WorkingDaysSinceAdmissionResolution = Around(60, 2), AdmissionExtensionWorkingDays = Around(30, 2) * (B() ? 1 : 0), WorkingDaysSinceFullMembershipResolution = Around(30, 2) + (B() ? 0 : Around(30, 2)), FullMembershipExtensionWorkingDays = Around(30, 2) * (B() ? 1 : 0) },
                };
                var inputs = RulesEngineInterop.Inputs(in facts, set.Parameters);
                foreach (var workflow in set.Workflows)
                {
                    var outcome = workflow.Evaluate(in facts);
                    var results = await engine.ExecuteAllRulesAsync(workflow.Name, inputs);
                    for (var i = 0; i < results.Count; i++)
                    {
                        Assert.True(outcome.IsPassed(i) == results[i].IsSuccess,
                            $"{set.Id}/{workflow.Rules[i].Id}: ChiBo {outcome.IsPassed(i)}, RulesEngine {results[i].IsSuccess} {results[i].ExceptionMessage}");
                        compared++;
                    }
                }
            }
        }

        Assert.True(RuleFiles.Shipped.Length >= 4, "four eras are shipped");
        Assert.Equal(expected, compared);
    }
}
