using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
            var catalog = RuleCatalog.Shipped;
            shipped = new Snapshot(catalog, Digest(typeof(RuleCatalog).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("ChiBo.Rules.RuleSets.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(n => (n, ReadResource(n)))));
        }
    }

    /// <summary>The rules in use and their digest, or null while not ready.</summary>
    public Snapshot? Current => shipped ?? (provider is { } p ? SnapshotOf(p.Current) : null);

    /// <summary>Why the rules are not ready (the load errors of the folder), empty when ready.</summary>
    public IReadOnlyList<RuleLoadError> Errors => Volatile.Read(ref errors);

    /// <summary>The rules in use, with a digest of their files (<c>sha256:</c> and hex).</summary>
    /// <param name="Catalog">The catalog.</param>
    /// <param name="Digest">The digest of the rule files.</param>
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
                provider = p;
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

    private readonly Dictionary<RuleCatalog, string> digests = new(ReferenceEqualityComparer.Instance);
    private readonly Lock digestLock = new();

    private Snapshot SnapshotOf(RuleCatalog catalog)
    {
        lock (digestLock)
        {
            if (!digests.TryGetValue(catalog, out var digest))
            {
                digests.Clear();
                digest = Digest(catalog.RuleSets.Where(s => s.File is not null).Select(s => (Path.GetFileName(s.File!), SafeRead(s.File!))));
                digests[catalog] = digest;
            }

            return new Snapshot(catalog, digest);
        }
    }

    private static byte[] SafeRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>One digest of named files: SHA-256 over each name and its bytes, in order.</summary>
    internal static string Digest(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Rules folder {Folder} loaded: ready")]
    private partial void LogReady(string folder);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Rules folder {Folder} did not load ({Count} problem(s)): not ready, trying again")]
    private partial void LogNotReady(string folder, int count);
}
