using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;

namespace ChiBo.Cli;

/// <summary>Every command of the tool, in the order <c>--help</c> lists them. Add one line per command.</summary>
internal static class CommandRegistry
{
    private static readonly ICliCommand[] Commands =
    [
        new Commands.EvaluateCommand(),
        new Commands.GraphCommand(),
        new Commands.RulesValidateCommand(),
        new Commands.WorkdaysAddCommand(),
        new Commands.WorkdaysCountCommand(),
        new Commands.LunarCommand(),
        new Commands.HolidaysCommand(),
        new Commands.PlanCommand(),
        new Commands.DueCommand(),
        new Commands.AuditCommand(),
    ];

    public static IReadOnlyList<ICliCommand> All => Commands;

    public static bool TryFind(string[] args, [NotNullWhen(true)] out ICliCommand? command, out string[] rest)
    {
        // Longest match first: "workdays add" before "workdays".
        foreach (var candidate in Commands.OrderByDescending(c => c.Name.Split(' ').Length))
        {
            var words = candidate.Name.Split(' ');
            if (args.Length >= words.Length && words.SequenceEqual(args.Take(words.Length), StringComparer.Ordinal))
            {
                command = candidate;
                rest = args[words.Length..];
                return true;
            }
        }

        command = null;
        rest = [];
        return false;
    }

    public static void WriteHelp(TextWriter stdout)
    {
        stdout.WriteLine("chibo — party-member development for a party cell (phát triển đảng viên).");
        stdout.WriteLine();
        stdout.WriteLine("usage: chibo <command> [arguments] [--json] [--lang vi|en]");
        stdout.WriteLine();
        stdout.WriteLine("commands:");
        var width = Commands.Length == 0 ? 0 : Commands.Max(c => c.Name.Length + 1 + c.Usage.Length);
        foreach (var command in Commands)
        {
            stdout.WriteLine($"  {(command.Name + " " + command.Usage).PadRight(width)}  {command.Summary}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Bad input prints one error line on stderr and exits with code 2.");
        stdout.WriteLine("plan, due and audit read a ROSTER folder (cell.json and *.case.json): they exit with 1 when the report");
        stdout.WriteLine("printed but some files could not be read (each named on stderr), and take --format table|md|json.");
    }
}
