using System.IO;
using System.Linq;
using ChiBo.Rules;

namespace ChiBo.Cli;

/// <summary>
/// The rules a command uses: the shipped rule sets, or <c>--rules PATH</c> — a folder of rule files, or a whole
/// <c>rules/</c> folder as officials copy it (its <c>rulesets/</c> are the rule files).
/// </summary>
internal static class RuleFolders
{
    /// <summary>The folder of rule files that <paramref name="path"/> names: its <c>rulesets/</c> when it has one.</summary>
    public static string RuleSetsOf(string path) =>
        Directory.Exists(Path.Combine(path, "rulesets")) ? Path.Combine(path, "rulesets") : path;

    /// <summary>
    /// The working days of a copied <c>rules/</c> folder: its <c>calendar/*.json</c> years (an edited year replaces the
    /// shipped one), or null (the default calendar) when it has none.
    /// </summary>
    /// <exception cref="CliInputException">A calendar file does not read; the message names it.</exception>
    public static Calendar.WorkingDayCalendar? CalendarOf(string path)
    {
        var folder = Path.Combine(path, "calendar");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var years = new System.Collections.Generic.List<Calendar.HolidayYear>();
        foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            var read = Calendar.HolidayYearSerializer.ReadFile(file);
            years.Add(read.Value ?? throw new CliInputException(string.Join(System.Environment.NewLine, read.Errors.Select(e => e.ToString()))));
        }

        return Calendar.WorkingDayCalendar.Default.WithYears(years);
    }

    /// <summary>The catalog of <c>--rules PATH</c>, or the shipped one when null.</summary>
    /// <exception cref="CliInputException">The files do not load; the message lists every problem.</exception>
    public static RuleCatalog Catalog(string? path, string? overlays = null)
    {
        var catalog = RuleSetsCatalog(path);
        var folder = overlays ?? (path is not null && Directory.Exists(Path.Combine(path, "overlays")) ? Path.Combine(path, "overlays") : null);
        if (folder is null)
        {
            return catalog;
        }

        string[] files = File.Exists(folder) ? [folder]
            : Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.json").OrderBy(f => f, System.StringComparer.Ordinal)]
            : throw new CliInputException($"{folder}: no such file or folder");
        var loaded = catalog.WithOverlayFiles(files);
        return loaded.Value ?? throw new CliInputException(string.Join(System.Environment.NewLine, loaded.Errors.Select(e => e.ToString())));
    }

    private static RuleCatalog RuleSetsCatalog(string? path)
    {
        if (path is null)
        {
            return RuleCatalog.Shipped;
        }

        if (File.Exists(path))
        {
            var one = RuleSetLoader.LoadFile(path);
            return one.Value is { } set
                ? RuleCatalog.Create([set]).GetValueOrThrow()
                : throw new CliInputException(string.Join(System.Environment.NewLine, one.Errors.Select(e => e.ToString())));
        }

        if (!Directory.Exists(path))
        {
            throw new CliInputException($"{path}: no such file or folder");
        }

        var loaded = RuleCatalog.LoadDirectory(RuleSetsOf(path), CalendarOf(path));
        return loaded.Value ?? throw new CliInputException(string.Join(System.Environment.NewLine, loaded.Errors.Select(e => e.ToString())));
    }
}
