using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;

namespace ChiBo.Calendar;

/// <summary>
/// The official years shipped with ChiBo: <c>rules/calendar/YYYY.json</c>, embedded in the assembly as
/// resources named <c>ChiBo.Calendar.Official.YYYY.json</c>, so that hosts need no files on disk. Each file is
/// read only when its year is first asked for (a command about 2100 reads none).
/// </summary>
internal static class OfficialHolidayYears
{
    internal const string ResourcePrefix = "ChiBo.Calendar.Official.";

    /// <summary>Each shipped year, with a function that reads it. A shipped file that does not read is a build defect: it throws.</summary>
    internal static Dictionary<int, Func<HolidayYear>> Load()
    {
        var assembly = typeof(OfficialHolidayYears).Assembly;
        var years = new Dictionary<int, Func<HolidayYear>>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(ResourcePrefix.Length, name.Length - ResourcePrefix.Length - ".json".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year, () => Read(assembly, name));
            }
        }

        return years;
    }

    /// <exception cref="InvalidOperationException">The shipped file has errors.</exception>
    private static HolidayYear Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var result = HolidayYearSerializer.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "rules/calendar/" + name[ResourcePrefix.Length..]);
        return result.Value ?? throw new InvalidOperationException($"shipped calendar {result.Errors[0]}");
    }
}
