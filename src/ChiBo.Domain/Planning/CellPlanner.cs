using System;
using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Planning;

/// <summary>
/// The cell's year: the admission plan, due work and the supervision audit over a roster. Each case is evaluated
/// with the given <see cref="CaseEvaluator"/> (so the same rules and deadlines as <c>evaluate</c>). Thread-safe,
/// deterministic given the roster and the dates.
/// </summary>
public sealed partial class CellPlanner
{
    /// <summary>
    /// "Chasing numbers" heuristic (Chỉ thị 28-CT/TW warns against admitting to fill a quota): a year with at least
    /// this many admissions, more than half of them in its last month, is flagged.
    /// </summary>
    public const int ConcentrationMinimumAdmissions = 2;

    private const string Directive28 = "Chỉ thị 28-CT/TW; kế hoạch phát triển đảng viên của chi bộ";

    private static readonly Stage[] PipelineStages =
    [
        Stage.Source, Stage.Sympathizer, Stage.Applicant, Stage.ProposedByCell,
        Stage.ApprovedByGrassrootsCommittee, Stage.AdmissionDecided,
    ];

    private static readonly EventKind[] OutcomeKinds =
    [
        EventKind.RemovedFromSympathizerList, EventKind.AdmissionRefused, EventKind.ProbationaryStruckOff,
        EventKind.StruckOff, EventKind.Expelled, EventKind.ExemptionGranted, EventKind.TransferredOut,
    ];

    private readonly CaseEvaluator evaluator;

    /// <summary>Creates a planner.</summary>
    /// <param name="evaluator">The evaluator of single cases.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is null.</exception>
    public CellPlanner(CaseEvaluator evaluator)
    {
        this.evaluator = Preconditions.CheckNotNull(evaluator, nameof(evaluator));
    }

    /// <summary>The admission plan of a year.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="year">The plan year.</param>
    /// <param name="asOf">The date to evaluate on; the year's last day when null.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    public AdmissionPlan Plan(Roster roster, int year, LocalDate? asOf = null)
    {
        Preconditions.CheckNotNull(roster, nameof(roster));
        var yearEnd = new LocalDate(year, 12, 31);
        var date = asOf ?? yearEnd;
        var (evaluated, errors) = EvaluateAll(roster, date);
        var cellFile = roster.CellFile;

        var admitted = evaluated
            .Where(e => e.History.PartyEntry is { } entry && entry.Year == year)
            .OrderBy(e => e.History.PartyEntry)
            .ToList();
        var pipeline = evaluated.Where(e => PipelineStages.Contains(e.Evaluation.Stage)).ToList();
        var byStage = Enum.GetValues<Stage>()
            .Select(s => new StageCount(s, evaluated.Count(e => e.Evaluation.Stage == s)))
            .ToArray();
        var groups = Enum.GetValues<PriorityGroup>()
            .Select(g => new PriorityCount(g, admitted.Count(e => IsIn(e, g, cellFile)), pipeline.Count(e => IsIn(e, g, cellFile))))
            .ToArray();
        var expectedAdmissions = evaluated
            .Where(e => e.Evaluation.Stage == Stage.AdmissionDecided
                && e.Evaluation.Deadlines.Where(d => d.Action == DeadlineAction.HoldCeremony).All(d => d.Due <= yearEnd))
            .ToList();
        var expectedFull = evaluated
            .Where(e => e.Evaluation.Stage == Stage.Probationary && e.Evaluation.Dates.ProbationEnds is { } end && end.Year == year)
            .ToList();

        var warnings = new List<PlanWarning>();
        var target = cellFile?.TargetFor(year);
        if (target is not null)
        {
            var count = admitted.Count;
            if (date >= yearEnd && count < target.Min)
            {
                var n = target.Min - count;
                warnings.Add(new("target.missed",
                    new($"Chưa đạt chỉ tiêu kết nạp: thiếu {n} (kết nạp {count}, chỉ tiêu {target.Min}–{target.Max})",
                        $"Admission target missed by {n} (admitted {count}, target {target.Min}–{target.Max})"), []));
            }
            else if (date < yearEnd && count + expectedAdmissions.Count < target.Min)
            {
                var n = target.Min - count - expectedAdmissions.Count;
                warnings.Add(new("target.atRisk",
                    new($"Có nguy cơ không đạt chỉ tiêu: kết nạp {count}, dự kiến thêm {expectedAdmissions.Count}, còn thiếu {n} so với chỉ tiêu {target.Min}",
                        $"Target at risk: admitted {count}, {expectedAdmissions.Count} more expected, {n} short of the target of {target.Min}"), []));
            }

            if (count > target.Max)
            {
                warnings.Add(new("target.exceeded",
                    new($"Kết nạp {count}, vượt chỉ tiêu tối đa {target.Max}: rà soát chất lượng, không chạy theo số lượng",
                        $"Admitted {count}, above the planned maximum of {target.Max}: check quality over numbers"), Refs(admitted)));
            }
        }

        var lastMonth = admitted.Where(e => e.History.PartyEntry!.Value.Month == 12).ToList();
        if (admitted.Count >= ConcentrationMinimumAdmissions && lastMonth.Count * 2 > admitted.Count)
        {
            warnings.Add(new("admissions.concentratedInLastMonth",
                new($"{lastMonth.Count}/{admitted.Count} lễ kết nạp dồn vào tháng 12: dấu hiệu chạy theo chỉ tiêu (Chỉ thị 28-CT/TW)",
                    $"{lastMonth.Count} of {admitted.Count} ceremonies in December: the 'chasing numbers' pattern Chỉ thị 28-CT/TW warns against"),
                Refs(lastMonth)));
        }

        var noHelper = evaluated
            .Where(e => (e.Evaluation.Stage is Stage.Sympathizer or Stage.Applicant or Stage.ProposedByCell
                    or Stage.ApprovedByGrassrootsCommittee or Stage.AdmissionDecided or Stage.Probationary)
                && e.History.First<HelperAssigned>() is null)
            .ToList();
        var sympathizersWithout = noHelper.Where(e => e.Evaluation.Stage != Stage.Probationary).ToList();
        if (sympathizersWithout.Count > 0)
        {
            warnings.Add(new("sympathizer.noHelper",
                new($"{sympathizersWithout.Count} cảm tình đảng chưa được phân công đảng viên chính thức giúp đỡ",
                    $"{sympathizersWithout.Count} sympathiser(s) without an assigned helper"), Refs(sympathizersWithout)));
        }

        var probationWithout = noHelper.Where(e => e.Evaluation.Stage == Stage.Probationary).ToList();
        if (probationWithout.Count > 0)
        {
            warnings.Add(new("probationary.noHelper",
                new($"{probationWithout.Count} đảng viên dự bị chưa có đảng viên chính thức giúp đỡ, theo dõi",
                    $"{probationWithout.Count} probationary member(s) without a helper to follow them"), Refs(probationWithout)));
        }

        foreach (var group in cellFile?.PriorityGroupsOrEmpty ?? [])
        {
            var count = groups.First(g => g.Group == group);
            if (count.Admitted + count.InPipeline == 0)
            {
                warnings.Add(new("priority.noCandidates",
                    new($"Đối tượng ưu tiên '{GroupName(group).Vi}' chưa có ai trong nguồn hoặc được kết nạp",
                        $"Priority group '{GroupName(group).En}' has nobody in the pipeline or admitted"), []));
            }
        }

        return new AdmissionPlan(year, date, cellFile?.Cell, cellFile?.Supervisor, target, Refs(admitted), byStage, groups,
            Refs(expectedAdmissions), Refs(expectedFull), warnings, errors);
    }

    /// <summary>The supervision audit of a year.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="year">The audited year.</param>
    /// <param name="asOf">The date to evaluate on; the year's last day when null.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    public SupervisionAudit Audit(Roster roster, int year, LocalDate? asOf = null)
    {
        Preconditions.CheckNotNull(roster, nameof(roster));
        var date = asOf ?? new LocalDate(year, 12, 31);
        var (evaluated, errors) = EvaluateAll(roster, date);
        var cellFile = roster.CellFile;

        var violations = evaluated
            .SelectMany(e => e.Evaluation.Violations.Select(v => (e, v, Date: e.Case.Case.Events[v.Event].Date)))
            .Where(x => x.Date.Year == year)
            .Select(x => new AuditViolation(x.e.Person, x.v.Rule, x.v.Event, x.Date, x.v.Message, x.v.Source, x.v.RuleSet))
            .ToList();
        var byRule = violations
            .GroupBy(v => v.Rule, StringComparer.Ordinal)
            .Select(g => new RuleViolationGroup(g.Key, g.First().Source, g.Count(), g.OrderBy(v => v.Date).ToArray()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Rule, StringComparer.Ordinal)
            .ToArray();
        var byPerson = evaluated
            .Select(e => new PersonViolations(e.Person, violations.Where(v => v.Person == e.Person).OrderBy(v => v.Date).ToArray()))
            .Where(p => p.Violations.Count > 0)
            .ToArray();

        var findings = new List<PlanWarning>();
        if (cellFile is not null && cellFile.Supervisor is null)
        {
            findings.Add(new("plan.noSupervisor",
                new("Kế hoạch chưa phân công người giám sát", "The plan names no supervisor"), []));
        }

        foreach (var e in evaluated)
        {
            foreach (var (index, vote) in e.History.EventsOf<CellVoted>().Where(v => v.Event.Date.Year == year))
            {
                if (cellFile?.FullMembersOn(vote.Date) is { } known && known != vote.FullMembers)
                {
                    findings.Add(new("vote.fullMembersMismatch",
                        new($"Sự kiện #{index} ({vote.Date:yyyy-MM-dd}): biểu quyết ghi {vote.FullMembers} đảng viên chính thức, chi bộ có {known} vào ngày đó",
                            $"Event #{index} ({vote.Date:yyyy-MM-dd}): the vote records {vote.FullMembers} full members; the cell had {known} on that day"),
                        [e.Person]));
                }
            }
        }

        var outcomes = evaluated
            .SelectMany(e => e.History.Applied
                .Where(a => a.Event.Date.Year == year && OutcomeKinds.Contains(a.Event.Kind))
                .Select(a => new MemberOutcome(e.Person, a.Event.Kind, a.Event.Date, Detail(a.Event))))
            .OrderBy(o => o.Date).ThenBy(o => o.Person.Id, StringComparer.Ordinal)
            .ToArray();
        var counts = OutcomeKinds.Select(k => new OutcomeCount(k, outcomes.Count(o => o.Event == k))).ToArray();

        return new SupervisionAudit(year, date, cellFile?.Cell, cellFile?.Supervisor, byRule, byPerson, findings, counts, outcomes, errors);
    }

    /// <summary>The name of a priority group in both languages.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The name.</returns>
    public static LocalizedText GroupName(PriorityGroup group) => group switch
    {
        PriorityGroup.Teacher => new("giáo viên", "teachers"),
        PriorityGroup.Student => new("học sinh, sinh viên", "students"),
        PriorityGroup.Staff => new("nhân viên", "staff"),
        PriorityGroup.Women => new("nữ", "women"),
        PriorityGroup.YouthUnion => new("đoàn viên", "Youth Union members"),
        PriorityGroup.Religious => new("người có đạo", "religious people"),
        PriorityGroup.UnitWithoutMembers => new("đơn vị chưa có hoặc ít đảng viên", "units with no or few members"),
        _ => new(group.ToString(), group.ToString()),
    };

    private static string? Detail(CaseEvent e) => e switch
    {
        RemovedFromSympathizerList x => x.Reason,
        AdmissionRefused x => x.Reason,
        ProbationaryStruckOff x => x.Reason,
        StruckOff x => x.Reason,
        Expelled x => x.Reason,
        ExemptionGranted x => x.Reason,
        TransferredOut x => x.To,
        _ => null,
    };

    private static bool IsIn(Evaluated e, PriorityGroup group, CellFile? cellFile)
    {
        var person = e.Case.Case.Person;
        return group switch
        {
            PriorityGroup.Teacher => person.Occupation == Occupation.Teacher,
            PriorityGroup.Student => person.Occupation == Occupation.Student,
            PriorityGroup.Staff => person.Occupation == Occupation.Staff,
            PriorityGroup.Women => person.Sex == Sex.Female,
            PriorityGroup.YouthUnion => person.YouthUnionMemberSince is { } since && since <= e.Evaluation.AsOf,
            PriorityGroup.Religious => person.Religion is not null,
            PriorityGroup.UnitWithoutMembers => cellFile?.IsUnitWithoutMembers(person.WorkUnit) == true,
            _ => false,
        };
    }

    private static PersonRef[] Refs(IEnumerable<Evaluated> cases) => cases.Select(c => c.Person).ToArray();

    private (List<Evaluated> Cases, List<CaseFileError> Errors) EvaluateAll(Roster roster, LocalDate asOf)
    {
        var errors = roster.Errors.ToList();
        var cases = new List<Evaluated>(roster.Cases.Length);
        foreach (var rosterCase in roster.Cases)
        {
            var replay = CaseLifecycle.Replay(rosterCase.Case, asOf);
            if (replay.History is not { } history)
            {
                errors.Add(replay.Rejection!.ToError(rosterCase.FileName));
                continue;
            }

            var person = new PersonRef(rosterCase.Case.Person.Id, rosterCase.Case.Person.FullName, rosterCase.FileName);
            cases.Add(new Evaluated(rosterCase, person, history, evaluator.Evaluate(history, asOf)));
        }

        return (cases, errors);
    }

    private sealed record Evaluated(RosterCase Case, PersonRef Person, CaseHistory History, CaseEvaluation Evaluation);
}
