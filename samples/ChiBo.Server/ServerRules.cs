using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChiBo.Server;

/// <summary>
/// The rules the service judges by, and whether it is ready: the shipped rule sets at once, or a rules folder through a
/// <see cref="RuleCatalogProvider"/> (watched, each reload complete before an atomic swap). A folder that does not load
/// leaves the service running but not ready (<c>/readyz</c> answers 503 with the load errors) and is tried again every
/// <see cref="ServerSettings.RetryInterval"/> until it loads. Every answer carries the digest of the rules in use.
/// </summary>
public sealed partial class ServerRules : BackgroundService
{
    private readonly ServerSettings settings;
    private readonly ILogger<ServerRules> logger;
    private RuleCatalogProvider? provider;
    private readonly Snapshot? shipped;
    private IReadOnlyList<RuleLoadError> errors = [];

    /// <summary>Creates the rules; the shipped ones load at once, a folder in the background.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="logger">Where loading is logged.</param>
    public ServerRules(IOptions<ServerSettings> options, ILogger<ServerRules> logger)
    {
        settings = options.Value;
        this.logger = logger;
        if (settings.RulesFolder is null)
        {
            shipped = new Snapshot(RuleCatalog.Shipped, Digest(RuleCatalog.Shipped));
        }
    }

    /// <summary>The rules in use and their digest, or null while not ready.</summary>
    public Snapshot? Current => shipped ?? (Volatile.Read(ref provider) is { } p ? SnapshotOf(p.Current) : null);

    /// <summary>Why the rules are not ready (the load errors of the folder), empty when ready.</summary>
    public IReadOnlyList<RuleLoadError> Errors => Volatile.Read(ref errors);

    /// <summary>The rules in use, with a digest of their files (<c>sha256:</c> and hex).</summary>
    /// <param name="Catalog">The catalog.</param>
    /// <param name="Digest">The digest of the catalog: of each rule set's id and file digest (<see cref="RuleSet.Digest"/>), in order.</param>
    public sealed record Snapshot(RuleCatalog Catalog, string Digest);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.RulesFolder is not { } folder)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested && provider is null)
        {
            var opened = RuleCatalogProvider.Open(folder, logger: logger);
            if (opened.Value is { } p)
            {
                Volatile.Write(ref provider, p);
                Volatile.Write(ref errors, []);
                LogReady(folder);
                break;
            }

            Volatile.Write(ref errors, opened.Errors);
            LogNotReady(folder, opened.Errors.Count);
            await Task.Delay(settings.RetryInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        provider?.Dispose();
        base.Dispose();
    }

    // The last catalog's snapshot: a reload swaps in a new catalog, whose digest is then made once.
    private Snapshot? last;

    private Snapshot SnapshotOf(RuleCatalog catalog)
    {
        if (Volatile.Read(ref last) is { } known && ReferenceEquals(known.Catalog, catalog))
        {
            return known;
        }

        var made = new Snapshot(catalog, Digest(catalog));
        Volatile.Write(ref last, made);
        return made;
    }

    /// <summary>
    /// One digest of a catalog, from the digests its rule sets already hold (each the SHA-256 of its file's bytes, taken
    /// when it was loaded): SHA-256 over each set's id and digest, in order. No file is read again.
    /// </summary>
    internal static string Digest(RuleCatalog catalog)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var set in catalog.RuleSets)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(set.Id + "\n" + set.Digest + "\n"));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Rules folder {Folder} loaded: ready")]
    private partial void LogReady(string folder);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Rules folder {Folder} did not load ({Count} problem(s)): not ready, trying again")]
    private partial void LogNotReady(string folder, int count);
}
