using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ChiBo.Calendar;

/// <summary>
/// The official years shipped with ChiBo: <c>rules/calendar/YYYY.json</c>, embedded in the assembly as
/// resources named <c>ChiBo.Calendar.Official.YYYY.json</c>, so that hosts need no files on disk.
/// </summary>
internal static class OfficialHolidayYears
{
    internal const string ResourcePrefix = "ChiBo.Calendar.Official.";

    /// <summary>Reads every shipped year. A shipped file that does not read is a build defect: it throws.</summary>
    /// <exception cref="InvalidOperationException">A shipped file has errors.</exception>
    internal static IReadOnlyList<HolidayYear> Load()
    {
        var assembly = typeof(OfficialHolidayYears).Assembly;
        var years = new List<HolidayYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = "rules/calendar/" + name[ResourcePrefix.Length..];
            var result = HolidayYearSerializer.Read(ReadAll(assembly, name), fileName);
            years.Add(result.Value ?? throw new InvalidOperationException($"shipped calendar {result.Errors[0]}"));
        }

        return years;
    }

    private static byte[] ReadAll(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
