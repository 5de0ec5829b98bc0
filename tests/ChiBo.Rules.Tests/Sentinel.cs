using System;
using System.IO;
using System.Threading;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Things a hostile expression would change if any part of it ran: a file and a folder that must not exist, an
/// environment variable and an app-domain value that must stay unset, and a counter only <see cref="Touch"/> raises.
/// The corpus names them through <see cref="Expand"/>; every test that loads hostile text checks them afterwards.
/// </summary>
public static class Sentinel
{
    public const string EnvironmentVariable = "CHIBO_SENTINEL";

    public const string AppDomainKey = "chibo.sentinel";

    private static int touched;

    /// <summary>A path in the temp folder, with '/' separators (a string literal in an expression needs no escapes).</summary>
    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"chibo-sentinel-{Environment.ProcessId}.txt").Replace('\\', '/');

    public static string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), $"chibo-sentinel-{Environment.ProcessId}.d").Replace('\\', '/');

    /// <summary>What an expression reaching this method would do; nothing in the tests calls it.</summary>
    public static bool Touch()
    {
        Interlocked.Increment(ref touched);
        return true;
    }

    /// <summary>The corpus text with {FILE}, {DIR}, {ENV}, {KEY} replaced.</summary>
    public static string Expand(string expression) => expression
        .Replace("{FILE}", FilePath, StringComparison.Ordinal)
        .Replace("{DIR}", DirectoryPath, StringComparison.Ordinal)
        .Replace("{ENV}", EnvironmentVariable, StringComparison.Ordinal)
        .Replace("{KEY}", AppDomainKey, StringComparison.Ordinal);

    public static void AssertUntouched()
    {
        Assert.False(File.Exists(FilePath), $"a rule expression created {FilePath}");
        Assert.False(Directory.Exists(DirectoryPath), $"a rule expression created {DirectoryPath}");
        Assert.Null(Environment.GetEnvironmentVariable(EnvironmentVariable));
        Assert.Null(AppDomain.CurrentDomain.GetData(AppDomainKey));
        Assert.Equal(0, Volatile.Read(ref touched));
    }
}
