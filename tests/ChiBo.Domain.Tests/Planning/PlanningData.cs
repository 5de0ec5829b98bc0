using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using NodaTime;

namespace ChiBo.Tests.Planning;

/// <summary>Builders of small rosters for the planning tests.</summary>
internal static class PlanningData
{
    public static Cell Cell => TestData.GrassrootsCell;

    public static Person Person(string id, Occupation occupation = Occupation.Teacher, Sex sex = Sex.Male, bool youthUnion = false,
        Religion? religion = null, string? unit = null) =>
        new(id, "Người " + id, new LocalDate(1990, 1, 1), sex, occupation, EducationLevel.University,
            youthUnion ? new LocalDate(2005, 3, 26) : null, null, religion, unit);

    /// <summary>
    /// The events of an admission whose ceremony is on <paramref name="ceremony"/>, cut at <paramref name="stage"/>:
    /// source 200 days before, sympathiser 180 (helper the same day), course 150, dossier 120–80, vote 60, decision 30,
    /// decision received 20, ceremony; then full membership a year later.
    /// </summary>
    public static CaseEvent[] Upto(Stage stage, LocalDate ceremony, bool helper = true, bool received = true)
    {
        LocalDate D(int days) => ceremony.PlusDays(days);
        var end = ceremony.PlusMonths(12);
        var steps = new List<(CaseEvent Event, Stage After)>
        {
            (new IdentifiedAsSource(D(-200)), Stage.Source),
            (new AddedToSympathizerList(D(-180)), Stage.Sympathizer),
        };
        if (helper)
        {
            steps.Add((new HelperAssigned(D(-180), "dv-1"), Stage.Sympathizer));
        }

        steps.AddRange(
        [
            (new AwarenessCourseCompleted(D(-150)), Stage.Sympathizer),
            (new ApplicationSubmitted(D(-120)), Stage.Applicant),
            (new BackgroundDeclared(D(-110)), Stage.Applicant),
            (new BackgroundVerified(D(-100), BackgroundConclusion.Clear), Stage.Applicant),
            (new IntroducerAssigned(D(-95), "dv-2", new LocalDate(2005, 1, 1), new LocalDate(2010, 1, 1)), Stage.Applicant),
            (new YouthUnionEndorsed(D(-90)), Stage.Applicant),
            (new CommentsCollected(D(-80)), Stage.Applicant),
            (new CellVoted(D(-60), VotePurpose.Admission, 10, 12), Stage.ProposedByCell),
            (new AdmissionDecided(D(-30)), Stage.AdmissionDecided),
        ]);
        if (received || stage > Stage.AdmissionDecided)
        {
            steps.Add((new AdmissionDecisionReceived(D(-20)), Stage.AdmissionDecided));
        }

        steps.AddRange(
        [
            (new CeremonyHeld(ceremony), Stage.Probationary),
            (new SelfReviewSubmitted(end.PlusDays(-10)), Stage.Probationary),
            (new HelperReviewSubmitted(end.PlusDays(-8)), Stage.Probationary),
            (new CellVoted(end.PlusDays(10), VotePurpose.FullMembership, 10, 12), Stage.Probationary),
            (new FullMembershipDecided(end.PlusDays(20)), Stage.FullMember),
        ]);
        // A probationary case stops at its ceremony; other stages keep the events that only add to their record.
        var last = stage == Stage.Probationary ? steps.FindIndex(s => s.After == stage) : steps.FindLastIndex(s => s.After == stage);
        return steps.Take(last + 1).Select(s => s.Event).ToArray();
    }

    public static RosterCase Case(Person person, params CaseEvent[] events) => new($"{person.Id}.case.json", new CaseFile(person, Cell, events));

    public static RosterCase Case(string id, params CaseEvent[] events) => Case(Person(id), events);

    public static CellFile CellFile(
        AdmissionTarget? target = null,
        ImmutableArray<PriorityGroup> priorities = default,
        ImmutableArray<CellMeeting> meetings = default,
        Supervisor? supervisor = null,
        ImmutableArray<FullMemberCount> counts = default,
        ImmutableArray<PeriodicDuty> duties = default,
        ImmutableArray<string> unitsWithoutMembers = default) =>
        new(1, Cell, supervisor, counts, target is null ? [] : [target], priorities, unitsWithoutMembers, duties, meetings);

    public static Roster Roster(CellFile? cellFile, params RosterCase[] cases) => ChiBo.Planning.Roster.Of(cellFile, cases);

    public static CellPlanner Planner(ICaseRules? rules = null) => new(new CaseEvaluator(rules ?? NoCaseRules.Instance));
}

/// <summary>
/// A stand-in for the rule sets: every cell vote with fewer than two thirds in favour is a <c>vote.cellTwoThirds</c>
/// violation at the vote's index, so the audit can be tested without the real rules.
/// </summary>
internal sealed class TwoThirdsRules : ICaseRules
{
    public const string Source = "Quy định 29-QĐ/TW (2016), 4.2c";

    public GateAssessment Assess(CaseHistory history, Gate gate, LocalDate date) => GateAssessment.Empty;

    public IReadOnlyList<RuleViolation> FindViolations(CaseHistory history) =>
        history.EventsOf<CellVoted>()
            .Where(v => v.Event.InFavour * 3 < v.Event.FullMembers * 2)
            .Select(v => new RuleViolation("vote.cellTwoThirds", v.Index,
                new("Biểu quyết chưa đạt hai phần ba", "The vote lacked two thirds"), Source, "2016-qd29"))
            .ToArray();

    public LegalDurations DurationsOn(LocalDate date) => LegalDurations.Default;
}
