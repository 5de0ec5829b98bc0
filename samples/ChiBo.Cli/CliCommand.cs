using System.IO;

namespace ChiBo.Cli;

/// <summary>One command of the <c>chibo</c> tool. Each command lives in its own file under Commands/.</summary>
internal interface ICliCommand
{
    /// <summary>The command's words, e.g. <c>evaluate</c> or <c>workdays add</c>.</summary>
    string Name { get; }

    /// <summary>The arguments after the name, for help.</summary>
    string Usage { get; }

    /// <summary>One line on what it does.</summary>
    string Summary { get; }

    /// <summary>Runs the command. Throws <see cref="CliInputException"/> for bad input (exit 2).</summary>
    int Run(CliArguments args, TextWriter stdout, TextWriter stderr);
}

/// <summary>Bad input given to a command: printed as one line on stderr, exit code 2.</summary>
internal sealed class CliInputException(string message) : System.Exception(message);
