using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Utility;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace ChiBo.Rules;

/// <summary>
/// A folder of rule files kept loaded while officials edit it (nạp lại quy tắc khi sửa): a
/// <see cref="FileSystemWatcher"/> notices changes to <c>*.json</c> files, waits until they have been quiet for the
/// debounce interval, then loads the whole folder again with <see cref="RuleCatalog.LoadDirectory"/>. Only a folder
/// that loads completely replaces the catalog, in one atomic swap of an immutable reference; a broken edit keeps
/// the last good catalog, and its errors (file, rule, line) go to the logger and to <see cref="ReloadFailed"/>.
/// <see cref="TryReload"/> does the same on demand.
/// </summary>
/// <remarks>
/// <para>
/// As an <see cref="ICaseRules"/> the provider delegates each call to <see cref="Current"/>, read once per call, so
/// one call never mixes two catalogs. A whole evaluation makes several calls (the next gate's checks, the
/// violations, the durations); for one consistent view of it, evaluate against a snapshot —
/// <see cref="Evaluate"/>, or <c>new CaseEvaluator(provider.Current)</c> — rather than against the provider.
/// </para>
/// <para>
/// Thread-safe. Reloads run one at a time. Handlers of <see cref="Reloaded"/> and <see cref="ReloadFailed"/> run on
/// the thread that reloaded (a timer thread after a file change); an exception a handler throws is logged and stops
/// neither the reload nor the other handlers. Dispose the provider to stop watching.
/// </para>
/// </remarks>
public sealed partial class RuleCatalogProvider : ICaseRules, IDisposable
{
    private readonly WorkingDayCalendar? calendar;
    private readonly ILogger logger;
    private readonly TimeSpan debounce;
    private readonly Lock reloadLock = new();
    private readonly FileSystemWatcher? watcher;
    private readonly Timer? timer;
    private RuleCatalog current;
    private IReadOnlyList<RuleLoadError> lastErrors = [];
    private long generation;
    private int disposed;

    private RuleCatalogProvider(string folder, RuleCatalog initial, WorkingDayCalendar? calendar, ILogger logger, TimeSpan debounce, bool watch)
    {
        Folder = folder;
        current = initial;
        this.calendar = calendar;
        this.logger = logger;
        this.debounce = debounce;
        if (!watch)
        {
            return;
        }

        try
        {
            timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
            watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnRenamed;
            watcher.Error += OnWatcherError;
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // E.g. the system's limit of inotify instances reached: the provider still works, reloading on demand.
            LogNotWatching(logger, folder, ex.Message);
            watcher?.Dispose();
            watcher = null;
        }
    }

    /// <summary>The quiet time waited after the last change before reloading, unless given: half a second.</summary>
    public static TimeSpan DefaultDebounce { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The folder watched (a full path).</summary>
    public string Folder { get; }

    /// <summary>The catalog in use: the last one that loaded completely. Read it once for a consistent view.</summary>
    public RuleCatalog Current => Volatile.Read(ref current);

    /// <summary>How many times a reload has replaced the catalog: 0 for the catalog loaded by <see cref="Open"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The errors of the last reload if it failed; empty after a reload that succeeded.</summary>
    public IReadOnlyList<RuleLoadError> LastErrors => Volatile.Read(ref lastErrors);

    /// <summary>Whether file changes are watched (false when asked not to, or when the system refused a watcher).</summary>
    public bool IsWatching => watcher is not null;

    /// <summary>Raised after a reload replaced the catalog.</summary>
    public event EventHandler<RuleCatalogReloadedEventArgs>? Reloaded;

    /// <summary>Raised after a reload failed; the last good catalog stays in use.</summary>
    public event EventHandler<RuleCatalogReloadFailedEventArgs>? ReloadFailed;

    /// <summary>
    /// Loads every rule file of a folder and, when it loads completely, starts watching it.
    /// </summary>
    /// <param name="folder">The folder of <c>*.json</c> rule files (not its subfolders).</param>
    /// <param name="calendar">The working-day calendar, or null for <see cref="WorkingDayCalendar.Default"/>.</param>
    /// <param name="logger">Where reloads and rule-file problems are reported, or null for none.</param>
    /// <param name="debounce">The quiet time after the last change before reloading, or null for <see cref="DefaultDebounce"/>.</param>
    /// <param name="watch">False to reload only through <see cref="TryReload"/>.</param>
    /// <returns>The provider, or every error of the folder (each also logged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty, or <paramref name="debounce"/> is negative.</exception>
    public static RuleLoadResult<RuleCatalogProvider> Open(
        string folder,
        WorkingDayCalendar? calendar = null,
        ILogger? logger = null,
        TimeSpan? debounce = null,
        bool watch = true)
    {
        Preconditions.CheckNotNull(folder, nameof(folder));
        Preconditions.CheckArgument(folder.Length > 0, nameof(folder), "the folder must not be empty");
        Preconditions.CheckArgument(debounce is null || debounce.Value >= TimeSpan.Zero, nameof(debounce), "the debounce must not be negative");
        logger ??= NullLogger.Instance;
        var full = Path.GetFullPath(folder);
        var loaded = RuleCatalog.LoadDirectory(full, calendar);
        if (loaded.Value is not { } catalog)
        {
            foreach (var error in loaded.Errors)
            {
                LogProblem(logger, error.ToString());
            }

            return new RuleLoadResult<RuleCatalogProvider>(null, loaded.Errors);
        }

        LogOpened(logger, full, catalog.RuleSets.Length);
        return new RuleLoadResult<RuleCatalogProvider>(
            new RuleCatalogProvider(full, catalog, calendar, logger, debounce ?? DefaultDebounce, watch), []);
    }

    /// <summary>
    /// Loads the folder again now. When every file loads, the new catalog replaces <see cref="Current"/> and
    /// <see cref="Reloaded"/> is raised; otherwise the current catalog stays, <see cref="LastErrors"/> holds the
    /// errors, and <see cref="ReloadFailed"/> is raised. Never throws for bad files.
    /// </summary>
    /// <returns>Whether the catalog was replaced.</returns>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public bool TryReload()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return Reload();
    }

    /// <summary>Evaluates a case against one snapshot of the catalog, so that the whole answer comes from one catalog.</summary>
    /// <param name="caseFile">The case.</param>
    /// <param name="asOf">The date of the question.</param>
    /// <returns>The evaluation, or the rejected event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    public EvaluationResult Evaluate(CaseFile caseFile, LocalDate asOf)
    {
        var snapshot = Current;
        return new CaseEvaluator(snapshot, snapshot.Calendar).Evaluate(caseFile, asOf);
    }

    /// <inheritdoc />
    public GateAssessment Assess(CaseHistory history, Gate gate, LocalDate date) => Current.Assess(history, gate, date);

    /// <inheritdoc />
    public IReadOnlyList<RuleViolation> FindViolations(CaseHistory history) => Current.FindViolations(history);

    /// <inheritdoc />
    public LegalDurations DurationsOn(LocalDate date) => Current.DurationsOn(date);

    /// <inheritdoc />
    public WorkingDayCalendar Calendar => Current.Calendar;

    /// <summary>Stops watching; waits for a reload in progress to finish. <see cref="Current"/> stays readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        watcher?.Dispose();
        timer?.Dispose();
        lock (reloadLock)
        {
            Reloaded = null;
            ReloadFailed = null;
        }
    }

    /// <summary>Returns the folder and the generation.</summary>
    /// <returns>A short description for logs.</returns>
    public override string ToString() => $"{Folder} (generation {Generation})";

    private bool Reload()
    {
        lock (reloadLock)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                return false;
            }

            var loaded = RuleCatalog.LoadDirectory(Folder, calendar);
            if (loaded.Value is { } catalog)
            {
                var previous = Interlocked.Exchange(ref current, catalog);
                var now = Interlocked.Increment(ref generation);
                Volatile.Write(ref lastErrors, []);
                LogReloaded(logger, Folder, catalog.RuleSets.Length, now);
                Raise(Reloaded, new RuleCatalogReloadedEventArgs(previous, catalog, now), nameof(Reloaded));
                return true;
            }

            Volatile.Write(ref lastErrors, loaded.Errors);
            LogReloadFailed(logger, Folder, loaded.Errors.Count, Generation);
            foreach (var error in loaded.Errors)
            {
                LogProblem(logger, error.ToString());
            }

            Raise(ReloadFailed, new RuleCatalogReloadFailedEventArgs(loaded.Errors, Current, Generation), nameof(ReloadFailed));
            return false;
        }
    }

    private void Raise<T>(EventHandler<T>? handlers, T args, string name)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<T>)handler)(this, args);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex, name);
            }
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsRuleFile(e.Name))
        {
            Schedule();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        // An editor's atomic save renames a temporary file onto the rule file; a rule file renamed away counts too.
        if (IsRuleFile(e.Name) || IsRuleFile(e.OldName))
        {
            Schedule();
        }
    }

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        // Usually the watcher's buffer overflowed: changes were lost, so reload the folder to be sure.
        LogWatcherError(logger, e.GetException(), Folder);
        Schedule();
    }

    private static bool IsRuleFile(string? name) => name is not null && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private void Schedule()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return;
        }

        try
        {
            timer?.Change(debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing to reload.
        }
    }

    private void OnQuiet()
    {
        try
        {
            Reload();
        }
        catch (Exception ex)
        {
            // A timer callback must not throw: it would end the host process. Loading reports bad files as errors, so
            // this is a fault of the machine (out of memory, a folder gone); the last good catalog stays.
            LogReloadCrashed(logger, ex, Folder);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Rules folder {Folder} opened: {RuleSets} rule set(s)")]
    private static partial void LogOpened(ILogger logger, string folder, int ruleSets);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Rules folder {Folder} reloaded: {RuleSets} rule set(s), generation {Generation}")]
    private static partial void LogReloaded(ILogger logger, string folder, int ruleSets, long generation);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "Rules folder {Folder} not reloaded: {Count} problem(s); generation {Generation} stays in use")]
    private static partial void LogReloadFailed(ILogger logger, string folder, int count, long generation);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Rule file problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Rules folder {Folder} is not watched ({Reason}); reload it with TryReload")]
    private static partial void LogNotWatching(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Watching rules folder {Folder} failed; reloading it")]
    private static partial void LogWatcherError(ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "A handler of RuleCatalogProvider.{Event} threw")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(EventId = 17, Level = LogLevel.Error, Message = "Reloading rules folder {Folder} failed; the last good catalog stays in use")]
    private static partial void LogReloadCrashed(ILogger logger, Exception exception, string folder);
}
