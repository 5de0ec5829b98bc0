using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using ChiBo.Serialization;
using ChiBo.Text;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Rules;

/// <summary>
/// The rule sets of every era (danh mục bộ quy tắc), and ChiBo's <see cref="ICaseRules"/> on them. The rule set
/// that judges a gate is the one in force on the day of the gate's event (the vote, the ceremony) — a 2019 vote is
/// judged by <c>2016-qd29</c> even when asked in 2026 — and, for a gate not yet passed, the one in force on the
/// "as of" date. Immutable and thread-safe: one catalog serves any number of concurrent evaluations.
/// </summary>
public sealed class RuleCatalog : ICaseRules
{
    private static readonly Lazy<RuleCatalog> ShippedCatalog = new(() =>
    {
        var catalog = LoadShipped().GetValueOrThrow();
        foreach (var set in catalog.RuleSets)
        {
            set.IsShippedResource = true;
        }

        return catalog;
    });

    // The default calendar is resolved at its first use, not when the rule sets load: reading its official years
    // is the calendar's cost, not the rules'.
    private static readonly WorkingDayCounter CountOnDefaultCalendar = (from, to) => WorkingDayCalendar.Default.CountWorkingDays(from, to);

    private readonly WorkingDayCalendar? calendar;
    private readonly WorkingDayCounter countWorkingDays;

    /// <summary>Creates a catalog of loaded rule sets.</summary>
    /// <param name="ruleSets">The rule sets; ids and start dates must be distinct.</param>
    /// <param name="calendar">The working-day calendar for deadlines counted in working days.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Two rule sets share an id or a start date.</exception>
    public RuleCatalog(IEnumerable<RuleSet> ruleSets, WorkingDayCalendar calendar)
        : this(Preconditions.CheckNotNull(calendar, nameof(calendar)), ruleSets)
    {
    }

    /// <summary>A catalog on the given calendar, or on <see cref="WorkingDayCalendar.Default"/> (resolved at first use) when null.</summary>
    private RuleCatalog(WorkingDayCalendar? calendar, IEnumerable<RuleSet> ruleSets)
    {
        Preconditions.CheckNotNull(ruleSets, nameof(ruleSets));
        this.calendar = calendar;
        RuleSets = [.. ruleSets.OrderBy(s => s.EffectiveFrom)];
        Preconditions.CheckArgument(RuleSets.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == RuleSets.Length,
            nameof(ruleSets), "two rule sets share an id");
        Preconditions.CheckArgument(RuleSets.Select(s => s.EffectiveFrom).Distinct().Count() == RuleSets.Length,
            nameof(ruleSets), "two rule sets start on the same day");
        countWorkingDays = calendar is null ? CountOnDefaultCalendar : calendar.CountWorkingDays;
    }

    /// <summary>The local overlays (stricter local criteria, <see cref="RuleOverlay"/>) whose checks this catalog adds; empty by default.</summary>
    public ImmutableArray<RuleOverlay> Overlays { get; private init; } = [];

    /// <summary>
    /// This catalog with local overlays (<c>"kind": "overlay"</c> files, see <see cref="RuleOverlay"/>): each overlay's
    /// <c>local.*</c> rules are added to the gates it names, for the cells it applies to, compiled with each era's parameters.
    /// </summary>
    /// <param name="files">Each overlay file's name (cited in errors) and bytes.</param>
    /// <returns>The catalog with the overlays, or every error of every file (an overlay that would remove or loosen a national rule is <c>overlay.loosens</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    public RuleLoadResult<RuleCatalog> WithOverlays(IEnumerable<(string Name, byte[] Content)> files)
    {
        Preconditions.CheckNotNull(files, nameof(files));
        var overlays = Overlays.ToBuilder();
        var errors = new List<RuleLoadError>();
        foreach (var (name, content) in files)
        {
            var loaded = RuleOverlay.Load(content, name, RuleSets);
            errors.AddRange(loaded.Errors);
            if (loaded.Value is { } overlay)
            {
                overlays.Add(overlay);
            }
        }

        foreach (var group in overlays.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleLoadError("overlay.invalid", $"the overlay id '{group.Key}' is used twice", group.Last().File));
        }

        return errors.Count > 0
            ? new RuleLoadResult<RuleCatalog>(null, errors)
            : new RuleLoadResult<RuleCatalog>(new RuleCatalog(calendar, RuleSets) { Overlays = overlays.ToImmutable() }, []);
    }

    /// <summary>
    /// This catalog with the overlay files at the given paths, each read with the safe reader of
    /// <see cref="RuleSetLoader.LoadFile(string)"/> (only a regular file is opened, at most <see cref="RuleSetLoader.MaxFileBytes"/>).
    /// </summary>
    /// <param name="paths">The overlay files.</param>
    /// <returns>The catalog with the overlays, or every error of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is null.</exception>
    public RuleLoadResult<RuleCatalog> WithOverlayFiles(IEnumerable<string> paths)
    {
        Preconditions.CheckNotNull(paths, nameof(paths));
        var files = new List<(string, byte[])>();
        var errors = new List<RuleLoadError>();
        foreach (var path in paths)
        {
            var (bytes, error) = RegularFile.ReadAllBytes(path, RuleSetLoader.MaxFileBytes);
            if (error is not null)
            {
                errors.Add(new RuleLoadError(error.Code, error.Message, path, Path: error.Path ?? "$"));
            }
            else
            {
                files.Add((path, bytes!));
            }
        }

        return errors.Count > 0 ? new RuleLoadResult<RuleCatalog>(null, errors) : WithOverlays(files);
    }

    /// <summary>The rule sets shipped with ChiBo (embedded in this assembly), on the default calendar.</summary>
    public static RuleCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The rule sets, by start date.</summary>
    public ImmutableArray<RuleSet> RuleSets { get; }

    /// <summary>The working-day calendar.</summary>
    public WorkingDayCalendar Calendar => calendar ?? WorkingDayCalendar.Default;

    /// <summary>Loads the rule sets shipped with ChiBo from this assembly's embedded resources.</summary>
    /// <param name="calendar">The calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <returns>The catalog, or every error.</returns>
    public static RuleLoadResult<RuleCatalog> LoadShipped(WorkingDayCalendar? calendar = null)
    {
        // The parser's first use is the longest part of a first load: start it before reading the resources.
        RuleExpressionCompiler.WarmUpInBackground();
        var assembly = typeof(RuleCatalog).Assembly;
        const string prefix = "ChiBo.Rules.RuleSets.";
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return ("rules/rulesets/" + n[prefix.Length..], copy.ToArray());
            });
        return Load(files, calendar);
    }

    /// <summary>
    /// Loads every <c>*.json</c> rule file of a folder (not its subfolders), e.g. edited copies of <c>rules/rulesets</c>.
    /// Each entry named <c>*.json</c> is read with <see cref="RuleSetLoader.LoadFile(string)"/>: one that is not a regular
    /// file (a folder, a named pipe, a device, a broken link) is an error of the catalog, never opened and never skipped.
    /// </summary>
    /// <param name="path">The folder.</param>
    /// <param name="calendar">The calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <returns>The catalog, or every error of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RuleLoadResult<RuleCatalog> LoadDirectory(string path, WorkingDayCalendar? calendar = null)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        RuleExpressionCompiler.WarmUpInBackground();
        return ListRuleFiles(path, out var files) is { } error
            ? new RuleLoadResult<RuleCatalog>(null, [error])
            : LoadEach(files, RuleSetLoader.LoadFile, calendar, path);
    }

    /// <summary>
    /// Loads every rule file of a folder as <see cref="LoadDirectory"/> does, the files read asynchronously (a host's
    /// start-up or a request need not block a thread on the disk); parsing and compiling run on the calling thread.
    /// </summary>
    /// <param name="path">The folder.</param>
    /// <param name="calendar">The calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load between files and during a read.</param>
    /// <returns>The catalog, or every error of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static async Task<RuleLoadResult<RuleCatalog>> LoadDirectoryAsync(string path, WorkingDayCalendar? calendar = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        RuleExpressionCompiler.WarmUpInBackground();
        if (ListRuleFiles(path, out var files) is { } error)
        {
            return new RuleLoadResult<RuleCatalog>(null, [error]);
        }

        var read = new List<(string Path, (byte[]? Bytes, CaseFileError? Error) Read)>(files.Length);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read.Add((file, await RegularFile.ReadAllBytesAsync(file, RuleSetLoader.MaxFileBytes, cancellationToken).ConfigureAwait(false)));
        }

        return LoadEach(read, (file, cache) => RuleSetLoader.FromRead(file.Path, file.Read, cache), calendar, path);
    }

    /// <summary>Every entry named <c>*.json</c> directly in a folder, in ordinal order, or the error listing it.</summary>
    private static RuleLoadError? ListRuleFiles(string path, out string[] files)
    {
        try
        {
            // Every entry named *.json, not only files: a folder, a pipe or a broken link named like a rule file is
            // reported by the reader (file.notRegular, file.danglingLink…), never skipped or opened blindly.
            files = Directory.GetFileSystemEntries(path, "*.json", SearchOption.TopDirectoryOnly);
            Array.Sort(files, StringComparer.Ordinal);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            files = [];
            return new RuleLoadError("file.unreadable", ex.Message, path);
        }
    }

    /// <summary>Loads rule sets from named UTF-8 JSON contents.</summary>
    /// <param name="files">Each file's name (cited in errors) and bytes.</param>
    /// <param name="calendar">The calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <returns>The catalog, or every error of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    public static RuleLoadResult<RuleCatalog> Load(IEnumerable<(string Name, byte[] Content)> files, WorkingDayCalendar? calendar = null)
    {
        Preconditions.CheckNotNull(files, nameof(files));
        return LoadEach(files, (file, cache) => RuleSetLoader.Load(file.Content, file.Name, cache), calendar, null);
    }

    /// <summary>
    /// Makes a catalog of rule sets already loaded, with the era-level checks of the loaders: ids distinct
    /// (<c>ruleSet.duplicateId</c>), start dates distinct (<c>ruleSet.duplicateStart</c>), at least one set.
    /// </summary>
    /// <param name="ruleSets">The rule sets.</param>
    /// <param name="calendar">The calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <returns>The catalog, or the errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSets"/> is null.</exception>
    public static RuleLoadResult<RuleCatalog> Create(IEnumerable<RuleSet> ruleSets, WorkingDayCalendar? calendar = null) =>
        Build([.. Preconditions.CheckNotNull(ruleSets, nameof(ruleSets))], [], calendar, null);

    /// <summary>The rule set in force on a date: the latest whose <see cref="RuleSet.EffectiveFrom"/> is on or before it.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The rule set, or null before the first era.</returns>
    public RuleSet? InForce(LocalDate date)
    {
        var sets = RuleSets.AsSpan();
        for (var i = sets.Length - 1; i >= 0; i--)
        {
            if (sets[i].EffectiveFrom <= date)
            {
                return sets[i];
            }
        }

        return null;
    }

    /// <summary>The facts of a gate ahead of a case on a date, as the rule set in force then sees them.</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="date">The date (the "as of" date).</param>
    /// <returns>The rule set in force and the facts, or null when no rule set is in force.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public (RuleSet RuleSet, GateFacts Facts)? FactsOn(CaseHistory history, LocalDate date)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        return InForce(date) is { } set
            ? (set, GateFactsBuilder.Build(history, history.Steps.Length, date, null, set.Parameters, countWorkingDays))
            : null;
    }

    /// <summary>Runs a gate's rules on a case without building messages: the allocation-free path.</summary>
    /// <param name="history">The replayed case.</param>
    /// <param name="gate">The gate ahead.</param>
    /// <param name="date">The date (the "as of" date).</param>
    /// <returns>The outcome, or null when no rule set is in force or it has no rules for the gate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public GateOutcome? Evaluate(CaseHistory history, Gate gate, LocalDate date)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        if (InForce(date) is not { } set || set.WorkflowFor(gate) is not { } workflow)
        {
            return null;
        }

        var facts = GateFactsBuilder.Build(history, history.Steps.Length, date, null, set.Parameters, countWorkingDays);
        return workflow.Evaluate(in facts);
    }

    /// <inheritdoc />
    public GateAssessment Assess(CaseHistory history, Gate gate, LocalDate date)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        if (InForce(date) is not { } set)
        {
            return GateAssessment.Empty;
        }

        IReadOnlyList<RuleCheck> checks = [];
        List<string>? applied = null;
        var workflow = set.WorkflowFor(gate);
        if (workflow is not null || !Overlays.IsEmpty)
        {
            var facts = GateFactsBuilder.Build(history, history.Steps.Length, date, null, set.Parameters, countWorkingDays);
            // Made for the first failed check with a finding (not through a closure: every answer passes here).
            FindingFacts? findingFacts = null;
            if (workflow is not null)
            {
                var outcome = workflow.Evaluate(in facts);
                checks = HasFindings(in outcome)
                    ? Applicable(WithFindings(outcome, ref findingFacts, history, date, in facts, set), history)
                    : workflow.SharedChecks(in outcome, withoutReadmission: history.Case.Person.PreviousMembership is null);
            }

            if (!Overlays.IsEmpty)
            {
                var cell = history.Case.Cell.On(date);
                foreach (var overlay in Overlays)
                {
                    if (overlay.AppliesTo(cell, date) && overlay.WorkflowFor(set, gate) is { } local)
                    {
                        checks = [.. checks, .. WithFindings(local.Evaluate(in facts), ref findingFacts, history, date, in facts, set)];
                        (applied ??= []).Add(overlay.Id);
                    }
                }
            }
        }

        return new GateAssessment(set.Id, checks)
        {
            RuleSetDigest = set.Digest,
            RuleSetOrigin = set.Origin,
            Overlays = applied ?? (IReadOnlyList<string>)[],
        };
    }

    /// <summary>Whether some check of an outcome gets a finding: failed (not passed, not pending, not in error), with a template.</summary>
    private static bool HasFindings(in GateOutcome outcome)
    {
        var rules = outcome.Workflow.Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (!outcome.IsPassed(i) && !outcome.IsPending(i) && !outcome.IsError(i) && rules[i].Template is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The checks of an outcome, each failed one (not passed, not pending, not in error) with its finding and facts.</summary>
    private IReadOnlyList<RuleCheck> WithFindings(GateOutcome outcome, ref FindingFacts? findingFacts, CaseHistory history, LocalDate date, in GateFacts facts, RuleSet set)
    {
        // The outcome's own new array, filled in place (no copy for the findings).
        var checks = outcome.ToCheckArray();
        for (var i = 0; i < checks.Length; i++)
        {
            if (!outcome.IsPassed(i) && !outcome.IsPending(i) && !outcome.IsError(i) && outcome.Workflow.Rules[i].Template is not null)
            {
                findingFacts ??= FindingFacts.Of(history, history.Steps.Length, date, in facts, set.Parameters, Calendar, passed: false);
                checks[i] = outcome.Workflow.Rules[i].WithFinding(checks[i], findingFacts);
            }
        }

        return checks;
    }

    /// <summary>
    /// The checks that apply to the case: the <c>readmission.*</c> rules only to a person with a previous membership
    /// (contract: "only for a person with a previous membership"); their expressions also pass without one, so that
    /// the allocation-free path and the violations agree.
    /// </summary>
    private static IReadOnlyList<RuleCheck> Applicable(IReadOnlyList<RuleCheck> checks, CaseHistory history)
    {
        if (history.Case.Person.PreviousMembership is not null || !checks.Any(c => c.Rule.StartsWith(ReadmissionPrefix, StringComparison.Ordinal)))
        {
            return checks;
        }

        return [.. checks.Where(c => !c.Rule.StartsWith(ReadmissionPrefix, StringComparison.Ordinal))];
    }

    private const string ReadmissionPrefix = RuleWorkflow.ReadmissionPrefix;

    /// <inheritdoc />
    /// <remarks>
    /// Runs the <c>memberStanding</c> workflow of the rule set in force on the date over the member's
    /// <see cref="StandingFacts"/> (and the gate facts on the date beside them), and gives each check a
    /// <see cref="RuleCheck.Detail"/> naming the months, years or date found. Empty for anyone who is not a
    /// probationary or full member, or when the rule set has no such workflow.
    /// </remarks>
    public GateAssessment AssessStanding(CaseHistory history, LocalDate date)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        if (history.Stage is not (Stage.Probationary or Stage.FullMember) || InForce(date) is not { } set)
        {
            return GateAssessment.Empty;
        }

        if (set.MemberStanding is not { } workflow)
        {
            return new GateAssessment(set.Id, []);
        }

        var facts = StandingFactsOn(history, date, set);
        var standing = facts.Standing;
        var outcome = workflow.Evaluate(in facts);
        // The list shared by every member with nothing found and no finding (most members); else one array, the
        // outcome's own, given its details and findings in place.
        var checks = MemberDetails.WithDetails(null, in outcome, workflow, standing);
        if (checks is null && !HasFindings(in outcome))
        {
            return new GateAssessment(set.Id, workflow.SharedChecks(in outcome, withoutReadmission: false));
        }

        checks ??= outcome.ToCheckArray();
        FindingFacts? findingFacts = null;
        for (var i = 0; i < checks.Length; i++)
        {
            if (!outcome.IsPassed(i) && !outcome.IsPending(i) && !outcome.IsError(i) && workflow.Rules[i].Template is not null)
            {
                findingFacts ??= FindingFacts.Of(history, history.Steps.Length, date, in facts, set.Parameters, Calendar, passed: false);
                checks[i] = workflow.Rules[i].WithFinding(checks[i], findingFacts);
            }
        }

        return new GateAssessment(set.Id, checks);
    }

    /// <summary>The facts the <c>memberStanding</c> workflow reads: the standing on the date beside the gate facts then.</summary>
    private GateFacts StandingFactsOn(CaseHistory history, LocalDate date, RuleSet set) =>
        GateFactsBuilder.Build(history, history.Steps.Length, date, null, set.Parameters, countWorkingDays) with
        {
            Standing = MemberFactsBuilder.Standing(history, date),
        };

    /// <summary>
    /// The violations of each exemption granted with its grounds stated, judged on the grant's date by the rule set then
    /// in force (<c>exemption.grounds</c>, <c>exemption.reported</c>); a grant without grounds is a legacy record, not judged.
    /// One pass to find the reports, one to judge: linear in the events. The exemption's violations follow the gates'
    /// in the list, each in replay order.
    /// </summary>
    private void AddExemptionViolations(CaseHistory history, ref List<RuleViolation>? violations)
    {
        var applied = history.Steps;
        Span<bool> reported = applied.Length <= 256 ? stackalloc bool[applied.Length] : new bool[applied.Length];
        var any = false;
        foreach (var step in applied)
        {
            any |= step.Event is ExemptionGranted { Grounds: not null };
        }

        if (!any)
        {
            return;
        }

        MemberFactsBuilder.MarkReported(applied, reported);
        for (var k = 0; k < applied.Length; k++)
        {
            if (applied[k].Event is not ExemptionGranted { Grounds: not null } grant
                || InForce(grant.Date) is not { } set || set.Exemption is not { } workflow)
            {
                continue;
            }

            // Only the exemption's own facts: building the gate facts of every grant would rescan the events before
            // it for each grant, quadratic in a file of thousands of grants and ends.
            var facts = new GateFacts { Exemption = MemberFactsBuilder.Exemption(history.Case.Person, grant, reported[k], set.Parameters) };
            var outcome = workflow.Evaluate(in facts);
            for (var i = 0; i < workflow.Rules.Length; i++)
            {
                if (!outcome.IsPassed(i) && !outcome.IsPending(i) && !outcome.IsError(i))
                {
                    var rule = workflow.Rules[i];
                    (violations ??= []).Add(rule.Violation(applied[k].Index, grant, set.Id, FindingFacts.OfExemption(in facts, grant.Date, set.Parameters)) with
                    {
                        Detail = MemberDetails.Exemption(rule.Expression, facts.Exemption),
                    });
                }
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each gate event (the cell's vote, the committee's vote, the ceremony) is re-checked on its own date by the
    /// rule set then in force, with the events before it; a rule it failed is a violation. A later event of the
    /// same gate and purpose (a re-vote) supersedes an earlier one, which is then not reported.
    /// </remarks>
    public IReadOnlyList<RuleViolation> FindViolations(CaseHistory history)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        List<RuleViolation>? violations = null;
        var applied = history.Steps;
        Span<bool> superseded = applied.Length <= 256 ? stackalloc bool[applied.Length] : new bool[applied.Length];
        MarkSuperseded(applied, superseded);
        for (var k = 0; k < applied.Length; k++)
        {
            var step = applied[k];
            if (step.Gate is not { } gate || superseded[k]
                || InForce(step.Event.Date) is not { } set || set.WorkflowFor(gate) is not { } workflow)
            {
                continue;
            }

            var facts = GateFactsBuilder.Build(history, k, step.Event.Date, step.Event, set.Parameters, countWorkingDays);
            var outcome = workflow.Evaluate(in facts);
            FindingFacts? findingFacts = null;
            for (var i = 0; i < workflow.Rules.Length; i++)
            {
                // A rule that could not be evaluated (outcome.IsError) is not a finding against the case.
                if (!outcome.IsPassed(i) && !outcome.IsPending(i) && !outcome.IsError(i))
                {
                    var rule = workflow.Rules[i];
                    findingFacts ??= FindingFacts.Of(history, k, step.Event.Date, in facts, set.Parameters, Calendar, passed: true);
                    (violations ??= []).Add(rule.Violation(step.Index, step.Event, set.Id, findingFacts));
                }
            }

            foreach (var overlay in Overlays)
            {
                if (overlay.AppliesTo(history.Case.Cell.On(step.Event.Date), step.Event.Date) && overlay.WorkflowFor(set, gate) is { } local)
                {
                    var localOutcome = local.Evaluate(in facts);
                    for (var i = 0; i < local.Rules.Length; i++)
                    {
                        if (!localOutcome.IsPassed(i) && !localOutcome.IsPending(i) && !localOutcome.IsError(i))
                        {
                            (violations ??= []).Add(local.Rules[i].Violation(step.Index, step.Event, set.Id,
                                FindingFacts.Of(history, k, step.Event.Date, in facts, set.Parameters, Calendar, passed: true)));
                        }
                    }
                }
            }
        }

        AddExemptionViolations(history, ref violations);
        return violations ?? (IReadOnlyList<RuleViolation>)[];
    }

    /// <summary>
    /// Every rule outcome an answer about the case rests on, for rule-test coverage: each passed gate re-checked on its
    /// event's date (as <see cref="FindViolations"/> does), then the gate ahead on the "as of" date. The
    /// <c>readmission.*</c> rules are left out for a person without a previous membership, as in the answer.
    /// </summary>
    internal void Observe(CaseHistory history, LocalDate asOf, Action<RuleSet, RuleWorkflow, GateOutcome> observe)
    {
        var applied = history.Steps;
        var superseded = new bool[applied.Length];
        MarkSuperseded(applied, superseded);
        for (var k = 0; k < applied.Length; k++)
        {
            var step = applied[k];
            if (step.Gate is { } gate && !superseded[k] && InForce(step.Event.Date) is { } set && set.WorkflowFor(gate) is { } workflow)
            {
                var facts = GateFactsBuilder.Build(history, k, step.Event.Date, step.Event, set.Parameters, countWorkingDays);
                observe(set, workflow, workflow.Evaluate(in facts));
            }
        }

        if (history.NextGate != Gate.None && InForce(asOf) is { } now && now.WorkflowFor(history.NextGate) is { } ahead)
        {
            var facts = GateFactsBuilder.Build(history, history.Steps.Length, asOf, null, now.Parameters, countWorkingDays);
            observe(now, ahead, ahead.Evaluate(in facts));
        }

        // The member phase (issue 12): the standing of a probationary or full member on the date, and each exemption
        // granted with its grounds, judged on the grant's date — as AssessStanding and FindViolations judge them.
        if (history.Stage is Stage.Probationary or Stage.FullMember && InForce(asOf) is { MemberStanding: { } standing } standingSet)
        {
            var facts = StandingFactsOn(history, asOf, standingSet);
            observe(standingSet, standing, standing.Evaluate(in facts));
        }

        var span = applied;
        Span<bool> reported = span.Length <= 256 ? stackalloc bool[span.Length] : new bool[span.Length];
        MemberFactsBuilder.MarkReported(span, reported);
        for (var k = 0; k < span.Length; k++)
        {
            if (span[k].Event is ExemptionGranted { Grounds: not null } grant && InForce(grant.Date) is { Exemption: { } exemption } set)
            {
                var facts = new GateFacts { Exemption = MemberFactsBuilder.Exemption(history.Case.Person, grant, reported[k], set.Parameters) };
                observe(set, exemption, exemption.Evaluate(in facts));
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Warns (<c>ruleSet.noneInForce</c>) for each passed gate that the loaded rule sets judge, not superseded, whose
    /// event's date is before the first loaded rule set, and for such a gate ahead when no rule set is in force on the "as of" date: those rules were not
    /// checked, and an answer must say so rather than show no checks and no violations.
    /// </remarks>
    public IReadOnlyList<EvaluationWarning> WarningsFor(CaseHistory history, Gate gate, LocalDate date)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        var first = RuleSets[0].EffectiveFrom;
        if (date >= first && (history.Steps.IsEmpty || history.Steps[0].Event.Date >= first))
        {
            return [];
        }

        List<EvaluationWarning>? warnings = null;
        var applied = history.Steps;
        Span<bool> superseded = applied.Length <= 256 ? stackalloc bool[applied.Length] : new bool[applied.Length];
        MarkSuperseded(applied, superseded);
        for (var k = 0; k < applied.Length; k++)
        {
            var step = applied[k];
            if (step.Gate is { } passed && !superseded[k] && step.Event.Date < first && Judges(passed))
            {
                (warnings ??= []).Add(NoneInForce(passed, step.Event.Date, first, step.Index));
            }
        }

        if (gate != Gate.None && date < first && Judges(gate))
        {
            (warnings ??= []).Add(NoneInForce(gate, date, first, null));
        }

        return warnings ?? (IReadOnlyList<EvaluationWarning>)[];
    }

    /// <summary>Whether some loaded rule set has rules for the gate (the sympathiser list, for one, has none).</summary>
    private bool Judges(Gate gate)
    {
        foreach (var set in RuleSets)
        {
            if (set.WorkflowFor(gate) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private EvaluationWarning NoneInForce(Gate gate, LocalDate date, LocalDate first, int? eventIndex) => new(
        "ruleSet.noneInForce",
        new LocalizedText(
            $"không có bộ quy định nào có hiệu lực ngày {date:dd/MM/yyyy} (bộ sớm nhất đã nạp, {RuleSets[0].Title.Vi}, có hiệu lực từ {first:dd/MM/yyyy}): "
                + $"các quy định của bước '{Labels.Gate(gate).Vi}' chưa được kiểm tra",
            $"no rule set is in force on {date:yyyy-MM-dd} (the earliest loaded, {RuleSets[0].Title.En}, starts on {first:yyyy-MM-dd}): "
                + $"the rules of the gate '{Labels.Gate(gate).En}' were not checked"),
        eventIndex);

    /// <inheritdoc />
    public LegalDurations DurationsOn(LocalDate date) => InForce(date)?.Durations ?? LegalDurations.Default;

    /// <summary>
    /// Marks each gate event that a later event of the same gate, type and purpose supersedes (a re-vote), in one
    /// backward pass: O(n) in the events, since the distinct (gate, type, purpose) keys are few and bounded.
    /// </summary>
    private static void MarkSuperseded(ReadOnlySpan<ReplayStep> applied, Span<bool> superseded)
    {
        Span<long> seen = stackalloc long[64];
        var distinct = 0;
        for (var k = applied.Length - 1; k >= 0; k--)
        {
            var step = applied[k];
            if (step.Gate is not { } gate)
            {
                continue;
            }

            var purpose = PurposeOf(step.Event);
            var key = ((long)gate << 32) | ((long)step.Event.Kind << 8) | (purpose is { } p ? (long)p + 1 : 0);
            if (seen[..distinct].Contains(key))
            {
                superseded[k] = true;
            }
            else if (distinct < seen.Length)
            {
                seen[distinct++] = key;
            }
        }
    }

    private static VotePurpose? PurposeOf(CaseEvent e) => e switch
    {
        CellVoted v => v.Purpose,
        GrassrootsCommitteeVoted v => v.Purpose,
        _ => null,
    };

    /// <summary>Loads each file with one expression cache (an expression shared by eras is checked once), then builds.</summary>
    private static RuleLoadResult<RuleCatalog> LoadEach<T>(
        IEnumerable<T> files,
        Func<T, ExpressionCache, RuleLoadResult<RuleSet>> load,
        WorkingDayCalendar? calendar,
        string? folder)
    {
        var sets = new List<RuleSet>();
        var errors = new List<RuleLoadError>();
        var cache = new ExpressionCache();
        foreach (var file in files)
        {
            var result = load(file, cache);
            errors.AddRange(result.Errors);
            if (result.Value is { } set)
            {
                sets.Add(set);
            }
        }

        return Build(sets, errors, calendar, folder);
    }

    private static RuleLoadResult<RuleCatalog> Build(List<RuleSet> sets, List<RuleLoadError> errors, WorkingDayCalendar? calendar, string? folder)
    {
        foreach (var group in sets.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleLoadError("ruleSet.duplicateId",
                $"the rule set id '{group.Key}' is used by {string.Join(" and ", group.Select(s => s.File))}", group.Last().File));
        }

        foreach (var group in sets.GroupBy(s => s.EffectiveFrom).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleLoadError("ruleSet.duplicateStart",
                $"the rule sets {string.Join(" and ", group.Select(s => s.Id))} both start on {group.Key:yyyy-MM-dd}", group.Last().File));
        }

        if (errors.Count == 0 && sets.Count == 0)
        {
            errors.Add(new RuleLoadError("ruleSet.none", "no rule file (*.json) was found", folder));
        }

        return errors.Count > 0
            ? new RuleLoadResult<RuleCatalog>(null, errors)
            : new RuleLoadResult<RuleCatalog>(new RuleCatalog(calendar, sets), []);
    }
}
