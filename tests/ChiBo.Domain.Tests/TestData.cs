using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Tests;

/// <summary>Sample files and builders shared by the tests.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SamplesDir => Path.Combine(RepoRoot, "samples", "cases");

    public static IEnumerable<string> SampleFiles => Directory.GetFiles(SamplesDir, "*.case.json").OrderBy(f => f, StringComparer.Ordinal);

    public static CaseFile LoadSample(string name) =>
        CaseFileSerializer.Read(File.ReadAllBytes(Path.Combine(SamplesDir, name)), name).GetValueOrThrow();

    public static Person Student(LocalDate? birth = null) => new("p1", "Nguyễn Văn Test", birth ?? new LocalDate(2000, 1, 1),
        Sex.Male, Occupation.Student, EducationLevel.UpperSecondary, new LocalDate(2015, 3, 26));

    public static Cell GrassrootsCell { get; } = new("cb", "Chi bộ Trường THPT Trần Phú", CellKind.GrassrootsCell, "Quận ủy Hải Châu");

    public static Cell SubordinateCell { get; } = new("cb2", "Chi bộ Giáo viên", CellKind.SubordinateCell, "Đảng ủy Trường");

    public static CaseFile Case(params CaseEvent[] events) => new(Student(), GrassrootsCell, events);

    public static CaseFile SubordinateCase(params CaseEvent[] events) => new(Student(), SubordinateCell, events);

    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    /// <summary>A full admission path for a grassroots cell, one event a week from 2018-01-01.</summary>
    public static CaseEvent[] PathToFullMember()
    {
        var d = new LocalDate(2018, 1, 1);
        LocalDate Next() => d = d.PlusDays(7);
        return
        [
            new IdentifiedAsSource(Next()),
            new AddedToSympathizerList(Next()),
            new AwarenessCourseCompleted(Next()),
            new ApplicationSubmitted(Next()),
            new BackgroundDeclared(Next()),
            new BackgroundVerified(Next(), BackgroundConclusion.Clear),
            new IntroducerAssigned(Next(), "dv1", new LocalDate(2010, 1, 1), new LocalDate(2015, 1, 1)),
            new YouthUnionEndorsed(Next()),
            new CommentsCollected(Next()),
            new CellVoted(Next(), VotePurpose.Admission, 10, 12),
            new AdmissionDecided(Next()),
            new AdmissionDecisionReceived(Next()),
            new CeremonyHeld(Next()),
            new SelfReviewSubmitted(d = d.PlusMonths(12)),
            new HelperReviewSubmitted(Next()),
            new CellVoted(Next(), VotePurpose.FullMembership, 10, 12),
            new FullMembershipDecided(Next()),
        ];
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChiBo.Domain.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>Builds random but valid event histories by walking the transition table.</summary>
internal static class HistoryWalker
{
    /// <summary>Walks up to <paramref name="steps"/> accepted events from a seed, one or more days apart.</summary>
    public static CaseFile Walk(int seed, int steps, bool subordinate)
    {
        var random = new Random(seed);
        var caseFile = subordinate ? TestData.SubordinateCase() : TestData.Case();
        var date = new LocalDate(2016, 1, 1);
        for (var i = 0; i < steps; i++)
        {
            date = date.PlusDays(random.Next(1, 60));
            var stage = CaseLifecycle.Replay(caseFile).History!.Stage;
            if (stage.IsTerminal())
            {
                break;
            }

            // Favour moving on (65%), sometimes leave by a way out (5%), else add to the record (30%),
            // so that walks reach every stage, terminal ones included.
            var accepted = TransitionTable.Standard.PermittedEvents(stage)
                .SelectMany(k => Candidates(k, date, random))
                .Select(e => CaseLifecycle.TryAppend(caseFile, e))
                .Where(r => r.IsAccepted)
                .Select(r => r.History!)
                .ToList();
            var advance = accepted.Where(h => h.Stage != stage && !h.Stage.IsTerminal()).ToList();
            var exit = accepted.Where(h => h.Stage.IsTerminal()).ToList();
            var keep = accepted.Where(h => h.Stage == stage).ToList();

            // The member phase's records (issue 12) are chosen 1 time in 4 only, so that walks still reach full
            // membership as often as before those events existed.
            var admissionKeep = keep.Where(h => !IsMemberPhase(h.Case.Events[^1].Kind)).ToList();
            if (admissionKeep.Count > 0 && admissionKeep.Count < keep.Count && random.Next(4) > 0)
            {
                keep = admissionKeep;
            }

            var roll = random.NextDouble();
            var pool = roll < 0.65 && advance.Count > 0 ? advance
                : roll < 0.70 && exit.Count > 0 ? exit
                : keep.Count > 0 ? keep
                : accepted;
            if (pool.Count == 0)
            {
                break;
            }

            caseFile = pool[random.Next(pool.Count)].Case;
        }

        return caseFile;
    }

    /// <summary>Whether a kind is one of the member phase's records (issue 12).</summary>
    public static bool IsMemberPhase(EventKind kind) =>
        kind is EventKind.MeetingMissed or EventKind.DuesUnpaid or EventKind.YearlyRating or EventKind.PartyCardReturned or EventKind.ExemptionReported;

    /// <summary>Every shape of event of a kind, on a date (votes with each purpose).</summary>
    public static IEnumerable<CaseEvent> Candidates(EventKind kind, LocalDate date, Random random)
    {
        int members = random.Next(1, 30), inFavour = random.Next(0, members + 1);
        switch (kind)
        {
            case EventKind.CellVoted:
                foreach (var p in Enum.GetValues<VotePurpose>())
                {
                    yield return new CellVoted(date, p, inFavour, members);
                }

                yield break;
            case EventKind.GrassrootsCommitteeVoted:
                foreach (var p in Enum.GetValues<VotePurpose>())
                {
                    yield return new GrassrootsCommitteeVoted(date, p, inFavour, members);
                }

                yield break;
            case EventKind.DecisionDeadlineExtended:
                foreach (var p in Enum.GetValues<DecisionPurpose>())
                {
                    yield return new DecisionDeadlineExtended(date, p, random.Next(1, 40));
                }

                yield break;
            default:
                yield return Make(kind, date);
                yield break;
        }
    }

    /// <summary>An event of a kind with plausible fields.</summary>
    public static CaseEvent Make(EventKind kind, LocalDate date) => kind switch
    {
        EventKind.IdentifiedAsSource => new IdentifiedAsSource(date),
        EventKind.AddedToSympathizerList => new AddedToSympathizerList(date),
        EventKind.RemovedFromSympathizerList => new RemovedFromSympathizerList(date, "không đủ tiêu chuẩn"),
        EventKind.HelperAssigned => new HelperAssigned(date, "dv-1"),
        EventKind.AwarenessCourseCompleted => new AwarenessCourseCompleted(date, "GCN-1"),
        EventKind.ApplicationSubmitted => new ApplicationSubmitted(date),
        EventKind.BackgroundDeclared => new BackgroundDeclared(date),
        EventKind.BackgroundVerified => new BackgroundVerified(date, BackgroundConclusion.Clear),
        EventKind.IntroducerAssigned => new IntroducerAssigned(date, "dv-2", date.PlusYears(-5), date.PlusYears(-2)),
        EventKind.YouthUnionEndorsed => new YouthUnionEndorsed(date),
        EventKind.TradeUnionEndorsed => new TradeUnionEndorsed(date),
        EventKind.CommentsCollected => new CommentsCollected(date),
        EventKind.AgeExceptionApproved => new AgeExceptionApproved(date, "Tỉnh ủy"),
        EventKind.EducationExceptionApproved => new EducationExceptionApproved(date, "Ban Tổ chức Trung ương"),
        EventKind.CellVoted => new CellVoted(date, VotePurpose.Admission, 9, 12),
        EventKind.GrassrootsCommitteeVoted => new GrassrootsCommitteeVoted(date, VotePurpose.Admission, 5, 7),
        EventKind.AdmissionDecided => new AdmissionDecided(date, "123-QĐ/QU"),
        EventKind.AdmissionDecisionReceived => new AdmissionDecisionReceived(date),
        EventKind.AdmissionRefused => new AdmissionRefused(date, "chưa đủ điều kiện"),
        EventKind.CeremonyDelayApproved => new CeremonyDelayApproved(date),
        EventKind.CeremonyHeld => new CeremonyHeld(date),
        EventKind.SelfReviewSubmitted => new SelfReviewSubmitted(date),
        EventKind.HelperReviewSubmitted => new HelperReviewSubmitted(date),
        EventKind.FullMembershipDecided => new FullMembershipDecided(date),
        EventKind.ProbationaryStruckOff => new ProbationaryStruckOff(date, "không đủ tư cách"),
        EventKind.ExemptionGranted => new ExemptionGranted(date, "tuổi cao", (ExemptionGrounds)(date.Day % 3), date.Day % 2 == 0),
        EventKind.ExemptionEnded => new ExemptionEnded(date, "sức khỏe hồi phục"),
        EventKind.StruckOff => new StruckOff(date, "bỏ sinh hoạt"),
        EventKind.Expelled => new Expelled(date, "vi phạm nghiêm trọng"),
        EventKind.TransferredOut => new TransferredOut(date, "Đảng bộ phường Thạch Thang"),
        EventKind.DecisionDeadlineExtended => new DecisionDeadlineExtended(date, DecisionPurpose.Admission, 20),
        EventKind.IntroducerReplaced => new IntroducerReplaced(date, "dv-3", "dv-2", IntroducerReplacementReason.Transferred, date.PlusYears(-4)),
        EventKind.ReadmissionConsentGiven => new ReadmissionConsentGiven(date, "Ban Thường vụ Thành ủy Đà Nẵng"),
        EventKind.MeetingMissed => new MeetingMissed(date, new YearMonth(date.Year, date.Month), date.Day % 3 == 0),
        EventKind.DuesUnpaid => new DuesUnpaid(date, new YearMonth(date.Year, date.Month)),
        EventKind.YearlyRating => new YearlyRating(date, date.Year, (MemberRating)(date.Day % 4)),
        EventKind.PartyCardReturned => new PartyCardReturned(date),
        EventKind.ExemptionReported => new ExemptionReported(date),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
