using System;
using System.Collections.Generic;

namespace ChiBo.Rules.Loading;

/// <summary>"Did you mean …?": the known name closest to a misspelt one, by edit distance (letter case aside).</summary>
internal static class Suggestions
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="written"/>, or null when none is close (more than a third of the letters differ).</summary>
    public static string? Closest(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = Distance(written.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best is not null && bestDistance > 0 && bestDistance <= Math.Max(2, written.Length / 3) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" in English, or empty.</summary>
    public static string Hint(string written, IEnumerable<string> known) =>
        Closest(written, known) is { } name ? $" Did you mean '{name}'?" : string.Empty;

    /// <summary>" Có phải ý bạn là 'x'?" in Vietnamese, or empty.</summary>
    public static string HintVi(string written, IEnumerable<string> known) =>
        Closest(written, known) is { } name ? $" Có phải ý bạn là '{name}'?" : string.Empty;

    /// <summary>Optimal string alignment distance (a swap of two neighbours counts 1).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
