using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Rules;
using NodaTime;

namespace ChiBo.Benchmarks;

/// <summary>
/// A case at the case file's limit of 10,000 events (issue "Reliability, second pass", defect 8): an applicant with
/// <see cref="Events"/> introducer events before the cell's vote — distinct members, or two members reassigned again
/// and again — evaluated whole. Building the facts is linear in the events, so the cost per event stays flat as the
/// count grows (before the fix, 10,000 distinct introducers took 1.8–2.0 s per evaluation).
/// </summary>
[MemoryDiagnoser]
public class LargeCaseBenchmarks
{
    private static readonly LocalDate Vote = new(2019, 6, 10);

    private CaseEvaluator evaluator = null!;
    private CaseFile caseFile = null!;

    /// <summary>How many introducer events the case holds.</summary>
    [Params(100, 1_000, 9_990)]
    public int Events { get; set; }

    /// <summary>Whether every introducer event names a distinct member (else two members, reassigned).</summary>
    [Params(true, false)]
    public bool Distinct { get; set; }

    /// <summary>Loads the rules and builds the case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        evaluator = new CaseEvaluator(RuleCatalog.LoadShipped().GetValueOrThrow());
        var day = Vote.PlusDays(-50);
        var events = new List<CaseEvent>
        {
            new IdentifiedAsSource(Vote.PlusDays(-300)),
            new AddedToSympathizerList(Vote.PlusDays(-290)),
            new AwarenessCourseCompleted(Vote.PlusDays(-200)),
            new ApplicationSubmitted(Vote.PlusDays(-100)),
        };
        for (var i = 0; i < Events; i++)
        {
            events.Add(new IntroducerAssigned(day, Distinct ? $"dv-{i:D5}" : $"dv-{i % 2}", new LocalDate(2005, 1, 1), day.PlusYears(-3)));
        }

        events.Add(new CellVoted(Vote, VotePurpose.Admission, 9, 12));
        var person = new Person("p1", "Trần Thị Thử", new LocalDate(1995, 3, 2), Sex.Female, Occupation.Teacher,
            EducationLevel.UpperSecondary, new LocalDate(2010, 3, 26), null);
        caseFile = new CaseFile(person, new Cell("cb", "Chi bộ", CellKind.GrassrootsCell, "Quận ủy"), [.. events]);
    }

    /// <summary>One evaluation of the whole case, as of the day after the vote (the vote re-checked, the next gate assessed).</summary>
    /// <returns>The number of checks, so nothing is optimised away.</returns>
    [Benchmark]
    public int Evaluate() => evaluator.Evaluate(caseFile, Vote.PlusDays(1)).Value!.Checks.Count;
}
