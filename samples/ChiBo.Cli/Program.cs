using System;
using System.IO;
using System.Text;

namespace ChiBo.Cli;

/// <summary>The <c>chibo</c> command-line tool: see <c>chibo --help</c> and the contract README.</summary>
public static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when a report printed but part of its input could not be read (plan, due, audit: each file named on stderr).</summary>
    public const int Findings = 1;

    /// <summary>Exit code for bad input or bad usage: one clear line on stderr, never a stack trace.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Exit code for a fault of chibo itself (a bug): one line on stderr naming the exception, never a stack trace and
    /// never the runtime's abort (134). Every input problem is <see cref="BadInput"/> instead.
    /// </summary>
    public const int InternalError = 70;

    private static int Main(string[] args)
    {
        CliJsonContext.RegisterWhenNeeded();
        Console.OutputEncoding = new UTF8Encoding(false);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the tool with the given arguments and writers (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["--version"])
        {
            stdout.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3));
            return Ok;
        }

        try
        {
            return CommandRegistry.Run(args, stdout, stderr);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defence in depth: input problems are reported as CliInputException (exit 2); anything else is chibo's bug.
            var name = args.Length > 0 ? " " + args[0] : string.Empty;
            stderr.WriteLine($"chibo{name}: internal error ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); please report it with the command and its input");
            return InternalError;
        }
    }
}
