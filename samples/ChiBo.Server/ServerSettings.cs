using System;

namespace ChiBo.Server;

/// <summary>What the service is started with (configuration section <c>ChiBo</c>, or <c>chibo serve</c>'s options).</summary>
public sealed class ServerSettings
{
    /// <summary>A folder of rule files to use (and watch) instead of the shipped rules; null for the shipped ones.</summary>
    public string? RulesFolder { get; set; }

    /// <summary>The largest request body accepted for one case file, in bytes (the case file's own limit, 4 MiB).</summary>
    public long MaxCaseBytes { get; set; } = Cases.CaseFileSerializer.MaxFileBytes;

    /// <summary>The largest request body accepted for a batch or a roster, in bytes (64 MiB).</summary>
    public long MaxBatchBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long one request may take before it is cancelled and answered 503 (30 seconds).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a rules folder that did not load is tried again (2 seconds).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
