using System;
using System.Collections.Generic;
using System.Linq;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Planning;

/// <summary>
/// The cell's year over a roster: the admission plan (<see cref="Plan"/>), the due work (<see cref="Due"/>) and the
/// supervision audit (<see cref="Audit"/>). Each case is evaluated with the given <see cref="CaseEvaluator"/>, so
/// stages, deadlines and violations are exactly those of <c>evaluate</c>: the planner never judges a rule itself.
/// Thread-safe; deterministic given the roster and the dates.
/// </summary>
public sealed partial class CellPlanner
{
    /// <summary>
    /// The "chasing numbers" heuristic (chạy theo số lượng, which Chỉ thị 28-CT/TW warns against: admitting to fill
    /// the year's quota): a year is flagged when it has at least this many admissions and more than half of them
    /// had their ceremony in December, the year's last month. It is a prompt to look at the quality of those
    /// dossiers, not a finding of a breach.
    /// </summary>
    public const int ConcentrationMinimumAdmissions = 2;

    /// <summary>The earliest plan year accepted (the Party was founded in 1930).</summary>
    public const int MinYear = 1930;

    /// <summary>The latest plan year accepted (the working-day calendar ends in 2100).</summary>
    public const int MaxYear = 2099;

    /// <summary>How many working days ahead an item counts as due soon, the due day included (as for deadlines).</summary>
    public const int DueSoonWorkingDays = 5;

    private const string PlanSource = "Chỉ thị 28-CT/TW (21/01/2019) của Ban Bí thư; kế hoạch chi bộ";

    private static readonly EventKind[] OutcomeKinds =
    [
        EventKind.StruckOff, EventKind.Expelled, EventKind.ExemptionGranted, EventKind.TransferredOut,
        EventKind.ProbationaryStruckOff, EventKind.RemovedFromSympathizerList, EventKind.AdmissionRefused,
    ];

    private readonly CaseEvaluator evaluator;
    private readonly WorkingDayCalendar calendar;

    /// <summary>Creates a planner.</summary>
    /// <param name="evaluator">The evaluator of single cases (the same one <c>evaluate</c> uses).</param>
    /// <param name="calendar">The working days for the status of periodic duties; <see cref="WorkingDayCalendar.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is null.</exception>
    public CellPlanner(CaseEvaluator evaluator, WorkingDayCalendar? calendar = null)
    {
        this.evaluator = Preconditions.CheckNotNull(evaluator, nameof(evaluator));
        this.calendar = calendar ?? WorkingDayCalendar.Default;
    }

    /// <summary>
    /// The "chasing numbers" heuristic in words, for reports that show the warning
    /// (see <see cref="ConcentrationMinimumAdmissions"/>).
    /// </summary>
    public static LocalizedText ConcentrationHeuristic { get; } = new(
        $"Dấu hiệu \"chạy theo số lượng\" (Chỉ thị 28-CT/TW): năm có từ {ConcentrationMinimumAdmissions} đảng viên được kết nạp trở lên "
        + "và hơn một nửa số lễ kết nạp dồn vào tháng 12. Đây là gợi ý để rà soát chất lượng hồ sơ, không phải kết luận vi phạm.",
        $"\"Chasing numbers\" heuristic (Chỉ thị 28-CT/TW): a year with at least {ConcentrationMinimumAdmissions} admissions, more than "
        + "half of whose ceremonies fell in December. It prompts a review of those dossiers' quality; it is not a finding of a breach.");

    /// <summary>The stages of the pipeline (source to admission decided): people being developed, not yet admitted.</summary>
    public static IReadOnlyList<Stage> PipelineStages { get; } =
    [
        Stage.Source, Stage.Sympathizer, Stage.Applicant, Stage.ProposedByCell,
        Stage.ApprovedByGrassrootsCommittee, Stage.AdmissionDecided,
    ];

    /// <summary>
    /// The admission plan of a year: the year's target against the people admitted in it (by ceremony date), the
    /// roster by stage, counts by priority group, the admissions and full memberships expected within the year, and
    /// warnings (codes: <c>cell.noCellFile</c>, <c>target.none</c>, <c>target.missed</c>, <c>target.atRisk</c>,
    /// <c>target.exceeded</c>, <c>admissions.concentratedInLastMonth</c> (see <see cref="ConcentrationHeuristic"/>),
    /// <c>sympathizer.noHelper</c>, <c>probationary.noHelper</c>, <c>deadline.overdue</c>, <c>priority.noCandidates</c>).
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="year">The plan year.</param>
    /// <param name="asOf">The date to evaluate the roster on; the year's last day when null.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/>, or the year of <paramref name="asOf"/>, is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public AdmissionPlan Plan(Roster roster, int year, LocalDate? asOf = null)
    {
        Preconditions.CheckNotNull(roster, nameof(roster));
        Preconditions.CheckArgumentRange(nameof(year), year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(nameof(asOf), asOf?.Year ?? year, MinYear, MaxYear);
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
        var priorities = cellFile?.PriorityGroupsOrEmpty ?? [];
        var groups = Enum.GetValues<PriorityGroup>()
            .Select(g => new PriorityCount(g, priorities.Contains(g),
                admitted.Count(e => IsIn(e, g, cellFile)), pipeline.Count(e => IsIn(e, g, cellFile))))
            .ToArray();

        // Expected within the year, given the deadlines: a decided admission whose ceremony is due by the year's end
        // (or not yet due at all: the decision is not yet received, and the ceremony may follow at once); a probation
        // that ends within the year (full membership takes effect on that day, Quy định 29-QĐ/TW §4.2b).
        var expectedAdmissions = evaluated
            .Where(e => e.Evaluation.Stage == Stage.AdmissionDecided)
            .Select(e => (e, Due: CeremonyDue(e.Evaluation)))
            .Where(x => x.Due is not { } due || due <= yearEnd)
            .Select(x => new PlanEntry(x.e.Person, x.e.Evaluation.Stage, x.Due))
            .ToList();
        var expectedFull = evaluated
            .Where(e => e.Evaluation.Stage == Stage.Probationary && e.Evaluation.Dates.ProbationEnds is { } end && end.Year == year)
            .OrderBy(e => e.Evaluation.Dates.ProbationEnds)
            .Select(e => new PlanEntry(e.Person, e.Evaluation.Stage, e.Evaluation.Dates.ProbationEnds))
            .ToList();

        var warnings = new List<PlanWarning>();
        if (cellFile is null)
        {
            warnings.Add(new("cell.noCellFile",
                new("Không có tệp chi bộ (cell.json): không có chỉ tiêu, đối tượng ưu tiên và nhiệm vụ định kỳ",
                    "No cell file (cell.json): no target, priority groups or periodic duties"), []));
        }

        var target = cellFile?.TargetFor(year);
        var count = admitted.Count;
        if (cellFile is not null && target is null)
        {
            warnings.Add(new("target.none",
                new($"Chi bộ chưa đặt chỉ tiêu kết nạp cho năm {year}", $"The cell has set no admission target for {year}"), []));
        }

        if (target is not null)
        {
            if (date >= yearEnd && count < target.Min)
            {
                var n = target.Min - count;
                warnings.Add(new("target.missed",
                    new($"Không đạt chỉ tiêu kết nạp: thiếu {n} (kết nạp {count}, chỉ tiêu {target.Min}–{target.Max})",
                        $"Admission target missed by {n} (admitted {count}, target {target.Min}–{target.Max})"), []));
            }
            else if (date < yearEnd && count + expectedAdmissions.Count < target.Min)
            {
                var n = target.Min - count - expectedAdmissions.Count;
                warnings.Add(new("target.atRisk",
                    new($"Có nguy cơ không đạt chỉ tiêu: đã kết nạp {count}, dự kiến thêm {expectedAdmissions.Count}, còn thiếu {n} so với chỉ tiêu tối thiểu {target.Min}",
                        $"Target at risk: admitted {count}, {expectedAdmissions.Count} more expected, {n} short of the minimum of {target.Min}"), []));
            }

            if (count > target.Max)
            {
                warnings.Add(new("target.exceeded",
                    new($"Kết nạp {count}, vượt mức tối đa của kế hoạch ({target.Max}): rà soát chất lượng, không chạy theo số lượng",
                        $"Admitted {count}, above the plan's maximum of {target.Max}: review quality over numbers"), Refs(admitted)));
            }
        }

        var december = admitted.Where(e => e.History.PartyEntry!.Value.Month == 12).ToList();
        if (count >= ConcentrationMinimumAdmissions && december.Count * 2 > count)
        {
            warnings.Add(new("admissions.concentratedInLastMonth",
                new($"{december.Count}/{count} lễ kết nạp trong năm dồn vào tháng 12: dấu hiệu chạy theo chỉ tiêu (Chỉ thị 28-CT/TW); rà soát chất lượng các hồ sơ này",
                    $"{december.Count} of {count} ceremonies of the year fell in December: the 'chasing numbers' pattern Chỉ thị 28-CT/TW warns against; review these dossiers"),
                Refs(december)));
        }

        // A helper assigned at any stage counts: the cell keeps the same helper through probation unless it names another.
        var noHelper = evaluated.Where(e => e.History.First<HelperAssigned>() is null).ToList();
        var sympathizersWithout = noHelper
            .Where(e => e.Evaluation.Stage is Stage.Sympathizer or Stage.Applicant or Stage.ProposedByCell
                or Stage.ApprovedByGrassrootsCommittee or Stage.AdmissionDecided)
            .ToList();
        if (sympathizersWithout.Count > 0)
        {
            warnings.Add(new("sympathizer.noHelper",
                new($"{sympathizersWithout.Count} quần chúng trong danh sách cảm tình đảng chưa được phân công đảng viên chính thức giúp đỡ",
                    $"{sympathizersWithout.Count} person(s) on the sympathiser list without an assigned helper"), Refs(sympathizersWithout)));
        }

        var probationWithout = noHelper.Where(e => e.Evaluation.Stage == Stage.Probationary).ToList();
        if (probationWithout.Count > 0)
        {
            warnings.Add(new("probationary.noHelper",
                new($"{probationWithout.Count} đảng viên dự bị chưa có đảng viên chính thức giúp đỡ, theo dõi",
                    $"{probationWithout.Count} probationary member(s) without a helper to follow them"), Refs(probationWithout)));
        }

        var overdue = evaluated
            .Where(e => !e.Evaluation.Stage.IsTerminal() && OpenDeadlines(e).Any(d => d.Status == DeadlineStatus.Overdue))
            .ToList();
        if (overdue.Count > 0)
        {
            // Each case by name with what is overdue and by how much, so that the warning states the facts.
            var each = overdue.SelectMany(e => OpenDeadlines(e).Where(d => d.Status == DeadlineStatus.Overdue).Select(d => OverdueText(e.Person, d))).ToArray();
            warnings.Add(new("deadline.overdue",
                new($"{overdue.Count} hồ sơ có thời hạn đã quá hạn mà chưa thực hiện: {string.Join("; ", each.Select(t => t.Vi))}",
                    $"{overdue.Count} case(s) with a deadline passed and not met: {string.Join("; ", each.Select(t => t.En))}"), Refs(overdue)));
        }

        foreach (var group in groups.Where(g => g.IsPriority && g.Admitted + g.InPipeline == 0))
        {
            warnings.Add(new("priority.noCandidates",
                new($"Đối tượng ưu tiên '{GroupName(group.Group).Vi}' chưa có ai trong nguồn hoặc được kết nạp trong năm",
                    $"Priority group '{GroupName(group.Group).En}' has nobody in the pipeline or admitted this year"), []));
        }

        var admittedEntries = admitted.Select(e => new PlanEntry(e.Person, e.Evaluation.Stage, e.History.PartyEntry)).ToArray();
        return new AdmissionPlan(year, date, cellFile?.Cell, cellFile?.Supervisor, target, admittedEntries, byStage, pipeline.Count,
            groups, expectedAdmissions, expectedFull, warnings, errors) { Screening = ScreeningOf(evaluated, year) };
    }

    /// <summary>
    /// Due work on a date: every open deadline of each case's evaluation (ceremonies, full-membership votes,
    /// probation ends, expiring certificates; those met are left out, and so are cases that reached a way out) and
    /// the next occurrence of each periodic duty of the cell file, all sorted by due date (then overdue first, then by
    /// person). A duty's item is the current period's if it was not yet held in it (due at the period's end), the next
    /// period's if it was, and the previous period's, overdue, when that one passed without a meeting. Beside them,
    /// <see cref="DueWork.Screening"/> lists each member to consider striking off (<c>considerStrikeOff</c>).
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The due work.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year of <paramref name="asOf"/> is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public DueWork Due(Roster roster, LocalDate asOf)
    {
        Preconditions.CheckNotNull(roster, nameof(roster));
        Preconditions.CheckArgumentRange(nameof(asOf), asOf.Year, MinYear, MaxYear);
        var (evaluated, errors) = EvaluateAll(roster, asOf);
        var items = new List<DueItem>();
        foreach (var e in evaluated.Where(e => !e.Evaluation.Stage.IsTerminal()))
        {
            items.AddRange(OpenDeadlines(e).Select(d =>
                new DueItem(DueKind.Deadline, JsonName(d.Action.ToString()), e.Person, d.Due, d.Status, d.Source)
                {
                    Start = d.Start,
                    StartEvent = d.StartEvent,
                    WorkingDaysLate = d.WorkingDaysLate,
                    Finding = d.Finding,
                }));
        }

        if (roster.CellFile is { } cellFile)
        {
            items.AddRange(cellFile.EffectiveDuties.Select(duty => DutyItem(cellFile, duty, asOf)));
        }

        var sorted = items
            .OrderBy(i => i.Due)
            .ThenBy(i => i.Status == DeadlineStatus.Overdue ? 0 : 1)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.Person?.FullName, StringComparer.Ordinal)
            .ThenBy(i => i.Action, StringComparer.Ordinal)
            .ToArray();
        return new DueWork(asOf, roster.CellFile?.Cell, sorted, errors) { Screening = Candidates(evaluated) };
    }

    /// <summary>
    /// The supervision audit of a year: every violation (from each case's evaluation) whose event falls in the
    /// year, grouped by rule and by person, with its legal source; findings (codes: <c>plan.noSupervisor</c>,
    /// <c>deadline.overdue</c>, <c>duty.missed</c>, <c>vote.fullMembersMismatch</c>); and the member-management
    /// outcomes of the year with their counts.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="year">The audited year.</param>
    /// <param name="asOf">The date to evaluate on; the year's last day when null.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/>, or the year of <paramref name="asOf"/>, is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public SupervisionAudit Audit(Roster roster, int year, LocalDate? asOf = null)
    {
        Preconditions.CheckNotNull(roster, nameof(roster));
        Preconditions.CheckArgumentRange(nameof(year), year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(nameof(asOf), asOf?.Year ?? year, MinYear, MaxYear);
        var date = asOf ?? new LocalDate(year, 12, 31);
        var (evaluated, errors) = EvaluateAll(roster, date);
        var cellFile = roster.CellFile;

        var violations = evaluated
            .SelectMany(e => e.Evaluation.Violations.Select(v => (e, v, Date: e.Case.Case.Events[v.Event].Date)))
            .Where(x => x.Date.Year == year)
            .Select(x => new AuditViolation(x.e.Person, x.v.Rule, x.v.Event, x.Date, x.v.Message, x.v.Source, x.v.RuleSet)
            {
                Title = x.v.Title,
                Finding = x.v.Finding,
                Facts = x.v.Facts,
                EventKind = x.e.Case.Case.Events[x.v.Event].Kind,
            })
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

        foreach (var e in evaluated.Where(e => !e.Evaluation.Stage.IsTerminal()))
        {
            foreach (var d in OpenDeadlines(e).Where(d => d.Status == DeadlineStatus.Overdue))
            {
                findings.Add(new("deadline.overdue", OverdueText(e.Person, d), [e.Person]) { Deadline = d });
            }
        }

        if (cellFile is not null)
        {
            foreach (var duty in cellFile.EffectiveDuties)
            {
                var missed = MissedPeriods(cellFile, duty, year, date);
                if (missed.Count > 0)
                {
                    var periods = string.Join(", ", missed.Select(p => PeriodLabel(duty, p)));
                    findings.Add(new("duty.missed",
                        new($"'{DutyName(duty.Kind).Vi}': không có buổi nào được ghi nhận trong {missed.Count} kỳ ({periods})",
                            $"'{DutyName(duty.Kind).En}': no meeting recorded in {missed.Count} period(s) ({periods})"), []));
                }
            }
        }

        foreach (var e in evaluated)
        {
            foreach (var (index, vote) in e.History.EventsOf<CellVoted>().Where(v => v.Event.Date.Year == year))
            {
                if (cellFile?.FullMembersOn(vote.Date) is { } known && known != vote.FullMembers)
                {
                    findings.Add(new("vote.fullMembersMismatch",
                        new($"{e.Person.FullName}: {Labels.EventOn(EventKind.CellVoted, vote.Date).Vi} (sự kiện thứ {index + 1} của hồ sơ) ghi {vote.FullMembers} đảng viên chính thức, tệp chi bộ ghi {known} vào ngày đó",
                            $"{e.Person.FullName}: {Labels.EventOn(EventKind.CellVoted, vote.Date).En} (event {index + 1} of the file) records {vote.FullMembers} full members; the cell file has {known} on that day"),
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

        return new SupervisionAudit(year, date, cellFile?.Cell, cellFile?.Supervisor, violations.Count, byRule, byPerson, findings,
            counts, outcomes, errors) { Screening = ScreeningOf(evaluated, year) };
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

    /// <summary>The name of a periodic duty in both languages.</summary>
    /// <param name="kind">The duty.</param>
    /// <returns>The name.</returns>
    public static LocalizedText DutyName(DutyKind kind) => kind switch
    {
        DutyKind.SympathizerListReview => new("Rà soát danh sách cảm tình đảng", "Review the sympathiser list"),
        DutyKind.SourceSurvey => new("Khảo sát, đánh giá quần chúng ưu tú", "Survey outstanding people"),
        DutyKind.ReportToSuperior => new("Báo cáo cấp ủy cấp trên", "Report to the superior committee"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    /// <summary>The name of a deadline's action in both languages.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The name.</returns>
    public static LocalizedText DeadlineName(DeadlineAction action) => action switch
    {
        DeadlineAction.HoldCeremony => new("Tổ chức lễ kết nạp", "Hold the admission ceremony"),
        DeadlineAction.ProbationEnds => new("Hết thời gian dự bị", "Probation ends"),
        DeadlineAction.FullMembershipVote => new("Chi bộ xét công nhận đảng viên chính thức", "Cell's full-membership vote"),
        DeadlineAction.CertificateExpires => new("Giấy chứng nhận bồi dưỡng nhận thức về Đảng hết hạn", "Awareness-course certificate expires"),
        DeadlineAction.DecideAdmission => new("Cấp ủy cấp trên quyết định kết nạp", "Superior committee decides on admission"),
        DeadlineAction.DecideFullMembership => new("Cấp ủy cấp trên quyết định công nhận đảng viên chính thức", "Superior committee decides on full membership"),
        _ => new(action.ToString(), action.ToString()),
    };

    /// <summary>
    /// An overdue deadline in words: "Trương Thị Bích Ngọc — Tổ chức lễ kết nạp: chưa tổ chức lễ kết nạp, đã quá hạn 12 ngày
    /// làm việc so với hạn 13/12/2019 (nhận quyết định kết nạp ngày 01/11/2019); căn cứ Quy định 29-QĐ/TW (2016), 4.1".
    /// </summary>
    private static LocalizedText OverdueText(PersonRef person, Deadline d)
    {
        var due = Labels.Date(d.Due);
        var found = d.Finding ?? new LocalizedText($"đến hạn ngày {due.Vi} nhưng chưa thực hiện", $"was due on {due.En} and is not done");
        return new($"{person.FullName} — {DeadlineName(d.Action).Vi}: {found.Vi}; căn cứ {d.Source}",
            $"{person.FullName} — {DeadlineName(d.Action).En}: {found.En}; source: {d.Source}");
    }

    internal static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);


    private static LocalDate? CeremonyDue(CaseEvaluation evaluation) =>
        evaluation.Deadlines.Where(d => d.Action == DeadlineAction.HoldCeremony).Select(d => (LocalDate?)d.Due).FirstOrDefault();

    private static IEnumerable<Deadline> OpenDeadlines(Evaluated e) =>
        e.Evaluation.Deadlines.Where(d => d.Status is DeadlineStatus.Pending or DeadlineStatus.DueSoon or DeadlineStatus.Overdue);

    private DueItem DutyItem(CellFile cellFile, PeriodicDuty duty, LocalDate asOf)
    {
        var lastHeld = cellFile.MeetingsOrEmpty
            .Where(m => m.Kind == duty.Kind && m.Date <= asOf)
            .Select(m => (LocalDate?)m.Date)
            .Max();
        var currentStart = duty.PeriodStart(asOf);
        var currentEnd = duty.PeriodEnd(asOf);
        var source = $"{PlanSource} ({DutyPeriodName(duty.EveryMonths).Vi})";
        if (lastHeld is { } held && held >= currentStart)
        {
            var nextEnd = duty.PeriodEnd(currentEnd.PlusDays(1));
            return new DueItem(DueKind.Duty, JsonName(duty.Kind.ToString()), null, nextEnd, StatusBefore(asOf, nextEnd), source, lastHeld);
        }

        var previousEnd = currentStart.PlusDays(-1);
        var previousStart = duty.PeriodStart(previousEnd);
        if (lastHeld is not { } last || last < previousStart)
        {
            return new DueItem(DueKind.Duty, JsonName(duty.Kind.ToString()), null, previousEnd, DeadlineStatus.Overdue, source, lastHeld);
        }

        return new DueItem(DueKind.Duty, JsonName(duty.Kind.ToString()), null, currentEnd, StatusBefore(asOf, currentEnd), source, lastHeld);
    }

    /// <summary>The periods of a duty in a year that ended before the as-of date with no meeting held in them.</summary>
    private static List<LocalDate> MissedPeriods(CellFile cellFile, PeriodicDuty duty, int year, LocalDate asOf)
    {
        var missed = new List<LocalDate>();
        for (var start = new LocalDate(year, 1, 1); start.Year == year; start = start.PlusMonths(duty.EveryMonths))
        {
            var end = duty.PeriodEnd(start);
            if (end >= asOf)
            {
                break; // the period is not over: it is due work, not a missed one
            }

            if (!cellFile.MeetingsOrEmpty.Any(m => m.Kind == duty.Kind && m.Date >= start && m.Date <= end))
            {
                missed.Add(start);
            }
        }

        return missed;
    }

    private static string PeriodLabel(PeriodicDuty duty, LocalDate start) => duty.EveryMonths switch
    {
        1 => $"{start.Month:00}/{start.Year}",
        12 => $"{start.Year}",
        _ => $"{start.Month:00}–{duty.PeriodEnd(start).Month:00}/{start.Year}",
    };

    private static LocalizedText DutyPeriodName(int everyMonths) => everyMonths switch
    {
        1 => new("hằng tháng", "monthly"),
        3 => new("hằng quý", "quarterly"),
        6 => new("6 tháng một lần", "half-yearly"),
        12 => new("hằng năm", "yearly"),
        _ => new($"{everyMonths} tháng một lần", $"every {everyMonths} months"),
    };

    /// <summary>
    /// The status of an open item on the as-of date: overdue once the due day has passed; due soon when the due day
    /// is within the next <see cref="DueSoonWorkingDays"/> working days (today and the days up to the 5th working day
    /// after it); pending otherwise.
    /// </summary>
    private DeadlineStatus StatusBefore(LocalDate asOf, LocalDate due) =>
        due < asOf ? DeadlineStatus.Overdue
        : due <= calendar.AddWorkingDays(asOf, DueSoonWorkingDays) ? DeadlineStatus.DueSoon
        : DeadlineStatus.Pending;

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

    /// <summary>
    /// The members with a failed standing check (Quy định 24-QĐ/TW §8.1; Chỉ thị 28-CT/TW), in roster order: a
    /// probationary member is a candidate for <c>probationaryStruckOff</c>, a full member for <c>struckOff</c>.
    /// </summary>
    private static ScreeningCandidate[] Candidates(List<Evaluated> evaluated) =>
        evaluated
            .Where(e => e.Evaluation.Standing is { } standing && standing.Any(c => !c.Passed && !c.Pending && c.Error is null))
            .Select(e => new ScreeningCandidate(ScreeningCandidate.ConsiderStrikeOff, e.Person, e.Evaluation.Stage,
                e.Evaluation.Stage == Stage.Probationary ? EventKind.ProbationaryStruckOff : EventKind.StruckOff,
                [.. e.Evaluation.Standing!.Where(c => !c.Passed && !c.Pending && c.Error is null)]))
            .ToArray();

    /// <summary>The members to screen on the date and the year's struck off, expelled and exempted (events on or before the date).</summary>
    private static ScreeningSummary ScreeningOf(List<Evaluated> evaluated, int year)
    {
        int Count(EventKind kind) => evaluated.Sum(e => e.History.Applied.Count(a => a.Event.Kind == kind && a.Event.Date.Year == year));
        return new ScreeningSummary(Candidates(evaluated), Count(EventKind.StruckOff), Count(EventKind.ProbationaryStruckOff),
            Count(EventKind.Expelled), Count(EventKind.ExemptionGranted));
    }

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
