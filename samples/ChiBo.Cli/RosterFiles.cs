using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Planning;

namespace ChiBo.Cli;

/// <summary>
/// Reads a roster folder: <c>cell.json</c> and every <c>*.case.json</c> directly inside it. A missing folder is bad
/// input (exit 2); a file that cannot be read or parsed is reported with its name in the roster's errors, and the
/// others are still read. Any other <c>*.json</c> file is reported too (<c>roster.ignoredFile</c>): nothing is
/// dropped silently.
/// </summary>
internal static class RosterFiles
{
    public const string CellFileName = "cell.json";

    public const string CaseFilePattern = "*.case.json";

    public static Roster Load(string folder)
    {
        if (File.Exists(folder))
        {
            throw new CliInputException($"{folder}: not a folder; ROSTER is a folder of {CaseFilePattern} files and {CellFileName}");
        }

        if (!Directory.Exists(folder))
        {
            throw new CliInputException($"{folder}: no such folder");
        }

        var readErrors = new List<CaseFileError>();
        string[] all;
        try
        {
            all = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{folder}: cannot list the folder: {ex.Message}");
        }

        RosterFile? cellFile = null;
        var cases = new List<RosterFile>();
        foreach (var path in all)
        {
            var name = Path.GetFileName(path);
            var isCell = string.Equals(name, CellFileName, StringComparison.Ordinal);
            if (!isCell && !name.EndsWith(".case.json", StringComparison.Ordinal))
            {
                readErrors.Add(new CaseFileError("roster.ignoredFile",
                    $"not read: a roster holds {CellFileName} and {CaseFilePattern} files only", path));
                continue;
            }

            byte[] bytes;
            try
            {
                // Bounded like the readers: a huge file is refused by its size, never read whole.
                var length = new FileInfo(path).Length;
                if (length > CaseFileSerializer.MaxFileBytes)
                {
                    readErrors.Add(new CaseFileError("file.tooLarge",
                        $"the file has {length} bytes; at most {CaseFileSerializer.MaxFileBytes} are accepted", path));
                    continue;
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                readErrors.Add(new CaseFileError("file.unreadable", $"cannot read the file: {ex.Message}", path));
                continue;
            }

            if (isCell)
            {
                cellFile = new RosterFile(path, bytes);
            }
            else
            {
                cases.Add(new RosterFile(path, bytes));
            }
        }

        return Roster.Load(cellFile, cases, readErrors);
    }
}
