using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Rules.Tests;

/// <summary>Builders of legal cases for the rule tests: an applicant whose dossier is complete, then variations.</summary>
internal static class Cases
{
    public static RuleCatalog Catalog => RuleCatalog.Shipped;

    public static Cell GrassrootsCell { get; } = new("cb-thpt-tran-phu", "Chi bộ Trường THPT Trần Phú", CellKind.GrassrootsCell, "Quận ủy Hải Châu");

    public static Cell SubordinateCell { get; } = new("cb-gv", "Chi bộ Giáo viên", CellKind.SubordinateCell, "Đảng ủy Trường");

    /// <summary>A teacher; a Youth Union member from 15 unless <paramref name="youthUnionMember"/> is false.</summary>
    public static Person Person(LocalDate birth, EducationLevel education = EducationLevel.UpperSecondary, LocalDate? youthUnionSince = null,
        LocalDate? tradeUnionSince = null, bool youthUnionMember = true) =>
        new("p1", "Trần Thị Thử", birth, Sex.Female, Occupation.Teacher, education,
            youthUnionMember ? youthUnionSince ?? birth.PlusYears(15) : null, tradeUnionSince);

    /// <summary>A complete admission dossier, every document dated well before <paramref name="vote"/>.</summary>
    public static List<CaseEvent> Dossier(LocalDate vote) =>
    [
        new IdentifiedAsSource(vote.PlusDays(-300)),
        new AddedToSympathizerList(vote.PlusDays(-290)),
        new HelperAssigned(vote.PlusDays(-289), "dv-01"),
        new AwarenessCourseCompleted(vote.PlusDays(-200)),
        new ApplicationSubmitted(vote.PlusDays(-100)),
        new BackgroundDeclared(vote.PlusDays(-95)),
        new BackgroundVerified(vote.PlusDays(-60), BackgroundConclusion.Clear),
        new IntroducerAssigned(vote.PlusDays(-50), "dv-01", new LocalDate(2005, 1, 1), vote.PlusDays(-50).PlusYears(-3)),
        new IntroducerAssigned(vote.PlusDays(-50), "dv-02", new LocalDate(2008, 1, 1), vote.PlusDays(-50).PlusYears(-2)),
        new CommentsCollected(vote.PlusDays(-30)),
    ];

    public static CaseHistory History(CaseFile file, LocalDate asOf)
    {
        var replay = CaseLifecycle.Replay(file, asOf);
        Xunit.Assert.Null(replay.Rejection);
        return replay.History!;
    }

    /// <summary>The admission vote's checks on <paramref name="vote"/>, for a case still before the vote.</summary>
    public static Dictionary<string, RuleCheck> AdmissionChecks(Person person, LocalDate vote, IEnumerable<CaseEvent> events, Cell? cell = null)
    {
        var history = History(new CaseFile(person, cell ?? GrassrootsCell, [.. events]), vote);
        Xunit.Assert.Equal(Gate.CellAdmissionVote, history.NextGate);
        var assessment = Catalog.Assess(history, Gate.CellAdmissionVote, vote);
        return assessment.Checks.ToDictionary(c => c.Rule);
    }

    public static IReadOnlyList<RuleViolation> Violations(CaseFile file, LocalDate asOf) => Catalog.FindViolations(History(file, asOf));

    /// <summary>A case through the admission vote (9 of 12), decision, receipt and ceremony.</summary>
    public static List<CaseEvent> Admitted(LocalDate vote, LocalDate received, LocalDate ceremony)
    {
        var events = Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        events.Add(new AdmissionDecided(received.PlusDays(-3), "123-QĐ/QU"));
        events.Add(new AdmissionDecisionReceived(received));
        events.Add(new CeremonyHeld(ceremony));
        return events;
    }
}
