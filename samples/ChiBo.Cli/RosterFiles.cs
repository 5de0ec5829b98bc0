using System.IO;
using System.Linq;
using ChiBo.Planning;

namespace ChiBo.Cli;

/// <summary>
/// Reads a roster folder with <see cref="Roster.LoadDirectory"/>: <c>cell.json</c> and every <c>*.case.json</c> directly
/// inside it, one file at a time through the library's safe reader, at most <see cref="Roster.MaxTotalBytes"/> in all.
/// A missing folder, or one that cannot be listed, is bad input (exit 2); a file that cannot be read or parsed is
/// reported with its name in the roster's errors, and the others are still read. Every other entry named
/// <c>*.json</c> in any case (a stray file, a folder, a pipe, a broken link, <c>X.CASE.JSON</c>) is reported too:
/// nothing is dropped silently.
/// </summary>
internal static class RosterFiles
{
    public static Roster Load(string folder)
    {
        if (File.Exists(folder))
        {
            throw new CliInputException($"{folder}: not a folder; ROSTER is a folder of *{Roster.CaseFileSuffix} files and {Roster.CellFileName}");
        }

        if (!Directory.Exists(folder))
        {
            throw new CliInputException($"{folder}: no such folder");
        }

        var roster = Roster.LoadDirectory(folder);
        if (roster.Errors.FirstOrDefault(e => e.Code == "roster.unreadable") is { } unreadable)
        {
            throw new CliInputException($"{folder}: {unreadable.Message}");
        }

        return roster;
    }
}
