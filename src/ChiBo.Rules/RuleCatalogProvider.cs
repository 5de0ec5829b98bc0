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
/// <see cref="TryReload()"/> does the same on demand.
/// </summary>
/// <remarks>
/// <para>
/// As an <see cref="ICaseRules"/> the provider delegates each call to <see cref="Current"/>, read once per call, so
/// one call never mixes two catalogs. A whole evaluation makes several calls (the next gate's checks, the
/// violations, the durations); for one consistent view of it, evaluate against a snapshot —
/// <see cref="Evaluate"/>, or <c>new CaseEvaluator(provider.Current)</c> — rather than against the provider.
/// </para>
/// <para>
/// A watch that cannot be lost: besides the watcher's events, the folder is polled every
/// <see cref="DefaultPollInterval"/> (names, sizes and times of its <c>*.json</c> files, read without opening them).
/// When two polls in a row see the same folder and it differs from the one last loaded — deleted and re-created, replaced by a rename,
/// or changed while the watcher missed it — it reloads and re-arms the watcher on the folder now at <see cref="Folder"/>.
/// </para>
/// <para>
/// A reload never removes an era by itself: when the folder no longer holds a rule set that the catalog in use has
/// (a file deleted, or caught half-written and rewritten later), the reload fails with <c>reload.eraRemoved</c> and the
/// catalog in use stays; the next reload after the file is back succeeds. To remove an era on purpose, call
/// <see cref="TryReload(bool)"/> with <c>allowEraRemoval: true</c>.
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
    private readonly Timer? timer;
    private readonly Timer? poll;
    private readonly TimeSpan pollInterval;
    private FileSystemWatcher? watcher;
    private string loadedFingerprint;
    private string? lastPolled;
    private RuleCatalog current;
    private IReadOnlyList<RuleLoadError> lastErrors = [];
    private long generation;
    private int disposed;

    private RuleCatalogProvider(
        string folder, RuleCatalog initial, string fingerprint, WorkingDayCalendar? calendar, ILogger logger, TimeSpan debounce, bool watch, TimeSpan pollInterval)
    {
        Folder = folder;
        current = initial;
        loadedFingerprint = fingerprint;
        this.calendar = calendar;
        this.logger = logger;
        this.debounce = debounce;
        this.pollInterval = pollInterval;
        if (!watch)
        {
            return;
        }

        timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = Arm();
        if (pollInterval > TimeSpan.Zero && pollInterval != Timeout.InfiniteTimeSpan)
        {
            poll = new Timer(_ => OnPoll(), null, pollInterval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The quiet time waited after the last change before reloading, unless given: half a second.</summary>
    public static TimeSpan DefaultDebounce { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a watched folder is polled for changes its watcher missed, unless given: two seconds.</summary>
    public static TimeSpan DefaultPollInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The folder watched (a full path).</summary>
    public string Folder { get; }

    /// <summary>The catalog in use: the last one that loaded completely. Read it once for a consistent view.</summary>
    public RuleCatalog Current => Volatile.Read(ref current);

    /// <summary>How many times a reload has replaced the catalog: 0 for the catalog loaded by <see cref="Open"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The errors of the last reload if it failed; empty after a reload that succeeded.</summary>
    public IReadOnlyList<RuleLoadError> LastErrors => Volatile.Read(ref lastErrors);

    /// <summary>Whether file changes are watched (false when asked not to, or when the system refused a watcher).</summary>
    public bool IsWatching => Volatile.Read(ref watcher) is not null || poll is not null;

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
    /// <param name="watch">False to reload only through <see cref="TryReload()"/>.</param>
    /// <param name="pollInterval">
    /// How often a watched folder is polled for changes the watcher missed, or null for <see cref="DefaultPollInterval"/>;
    /// <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> to rely on the watcher alone.
    /// </param>
    /// <returns>The provider, or every error of the folder (each also logged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty, or <paramref name="debounce"/> or <paramref name="pollInterval"/> is negative.</exception>
    public static RuleLoadResult<RuleCatalogProvider> Open(
        string folder,
        WorkingDayCalendar? calendar = null,
        ILogger? logger = null,
        TimeSpan? debounce = null,
        bool watch = true,
        TimeSpan? pollInterval = null)
    {
        Preconditions.CheckNotNull(folder, nameof(folder));
        Preconditions.CheckArgument(folder.Length > 0, nameof(folder), "the folder must not be empty");
        Preconditions.CheckArgument(debounce is null || debounce.Value >= TimeSpan.Zero, nameof(debounce), "the debounce must not be negative");
        Preconditions.CheckArgument(
            pollInterval is null || pollInterval.Value >= TimeSpan.Zero || pollInterval.Value == Timeout.InfiniteTimeSpan,
            nameof(pollInterval), "the poll interval must not be negative");
        logger ??= NullLogger.Instance;
        var full = Path.GetFullPath(folder);
        var fingerprint = Fingerprint(full);
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
            new RuleCatalogProvider(full, catalog, fingerprint, calendar, logger, debounce ?? DefaultDebounce, watch, pollInterval ?? DefaultPollInterval), []);
    }

    /// <summary>
    /// Loads the folder again now. When every file loads, the new catalog replaces <see cref="Current"/> and
    /// <see cref="Reloaded"/> is raised; otherwise the current catalog stays, <see cref="LastErrors"/> holds the
    /// errors, and <see cref="ReloadFailed"/> is raised. A folder that no longer holds an era of the catalog in use
    /// fails with <c>reload.eraRemoved</c>. Never throws for bad files.
    /// </summary>
    /// <returns>Whether the catalog was replaced.</returns>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public bool TryReload() => TryReload(allowEraRemoval: false);

    /// <summary>Loads the folder again now, as <see cref="TryReload()"/>, optionally accepting a folder that removes eras.</summary>
    /// <param name="allowEraRemoval">True when an official removed a rule set on purpose: the new catalog may lack eras.</param>
    /// <returns>Whether the catalog was replaced.</returns>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public bool TryReload(bool allowEraRemoval)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return Reload(allowEraRemoval);
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
    public IReadOnlyList<EvaluationWarning> WarningsFor(CaseHistory history, Gate gate, LocalDate date) => Current.WarningsFor(history, gate, date);

    /// <inheritdoc />
    public WorkingDayCalendar Calendar => Current.Calendar;

    /// <summary>Stops watching; waits for a reload in progress to finish. <see cref="Current"/> stays readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref watcher, null)?.Dispose();
        poll?.Dispose();
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

    private bool Reload(bool allowEraRemoval)
    {
        lock (reloadLock)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                return false;
            }

            // The fingerprint is taken before loading: a change during the load makes the next poll reload again.
            loadedFingerprint = Fingerprint(Folder);
            var loaded = RuleCatalog.LoadDirectory(Folder, calendar);
            if (loaded.Value is { } candidate && !allowEraRemoval && RemovedEras(Current, candidate) is { Count: > 0 } removed)
            {
                loaded = new RuleLoadResult<RuleCatalog>(null, removed);
            }

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
            Reload(allowEraRemoval: false);
        }
        catch (Exception ex)
        {
            // A timer callback must not throw: it would end the host process. Loading reports bad files as errors, so
            // this is a fault of the machine (out of memory, a folder gone); the last good catalog stays.
            LogReloadCrashed(logger, ex, Folder);
        }
    }

    /// <summary>The eras (rule set ids) of the catalog in use that a newly loaded one lacks, each as an error.</summary>
    private static List<RuleLoadError> RemovedEras(RuleCatalog used, RuleCatalog loaded)
    {
        var errors = new List<RuleLoadError>();
        foreach (var set in used.RuleSets)
        {
            var kept = false;
            foreach (var candidate in loaded.RuleSets)
            {
                kept |= string.Equals(candidate.Id, set.Id, StringComparison.Ordinal);
            }

            if (!kept)
            {
                errors.Add(new RuleLoadError("reload.eraRemoved",
                    $"the rule set '{set.Id}' (in force from {set.EffectiveFrom:yyyy-MM-dd}) is no longer in the folder; the rules in use are kept "
                    + "until it is back (a host removes an era on purpose with TryReload(allowEraRemoval: true))", set.File));
            }
        }

        return errors;
    }

    /// <summary>
    /// What the folder holds, without opening a file: whether it exists, and each top-level <c>*.json</c> entry's name,
    /// size and last write time. Never throws (a folder that cannot be listed has its own fingerprint).
    /// </summary>
    internal static string Fingerprint(string folder)
    {
        try
        {
            var directory = new DirectoryInfo(folder);
            if (!directory.Exists)
            {
                return "missing";
            }

            var entries = new List<string>();
            foreach (var entry in directory.EnumerateFileSystemInfos("*.json", new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false }))
            {
                var length = entry is FileInfo file ? file.Length : -1;
                entries.Add($"{entry.Name}|{length}|{entry.LastWriteTimeUtc.Ticks}");
            }

            entries.Sort(StringComparer.Ordinal);
            return string.Join("\n", entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return "unreadable: " + ex.GetType().Name;
        }
    }

    private FileSystemWatcher? Arm()
    {
        FileSystemWatcher? armed = null;
        try
        {
            armed = new FileSystemWatcher(Folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            armed.Changed += OnChanged;
            armed.Created += OnChanged;
            armed.Deleted += OnChanged;
            armed.Renamed += OnRenamed;
            armed.Error += OnWatcherError;
            armed.EnableRaisingEvents = true;
            return armed;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // E.g. the folder is gone, or the system's limit of inotify instances reached: the poll still notices changes.
            LogNotWatching(logger, Folder, ex.Message);
            armed?.Dispose();
            return null;
        }
    }

    private void OnPoll()
    {
        try
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                return;
            }

            string seen;
            lock (reloadLock)
            {
                seen = loadedFingerprint;
            }

            // Acts on a difference only once it is quiet (the same at two polls in a row), as the watcher's debounce does,
            // so that a file being written is not loaded half-way.
            var now = Fingerprint(Folder);
            var quiet = string.Equals(now, lastPolled, StringComparison.Ordinal);
            lastPolled = now;
            if (quiet && !string.Equals(now, seen, StringComparison.Ordinal))
            {
                // The folder differs from the one loaded and the watcher did not reload it (yet): the folder may have been
                // replaced, so watch the one now at the path, and reload.
                LogRearmed(logger, Folder);
                Interlocked.Exchange(ref watcher, Arm())?.Dispose();
                Reload(allowEraRemoval: false);
            }
        }
        catch (Exception ex)
        {
            LogReloadCrashed(logger, ex, Folder);
        }
        finally
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                try
                {
                    poll?.Change(pollInterval, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // Disposed meanwhile.
                }
            }
        }
    }

    [LoggerMessage(EventId = 18, Level = LogLevel.Information, Message = "Rules folder {Folder} changed without a watcher event; watching it anew and reloading")]
    private static partial void LogRearmed(ILogger logger, string folder);

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
