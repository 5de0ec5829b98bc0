using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>
/// Every command of the tool, and the command line they make: a System.CommandLine tree (a command per name, a group
/// per first word of two-word names — <c>rules</c>, <c>workdays</c>), each with its arguments and options as its
/// <see cref="CliSpec"/> declares them, and <c>--lang vi|en</c>, <c>--json</c> and <c>--help</c> on every command. The
/// parser refuses what a command does not take (exit 2, one line); help, in Vietnamese or English, and shell completion
/// come from the same declarations. Add one line per command.
/// </summary>
internal static class CommandRegistry
{
    private static readonly ICliCommand[] Commands =
    [
        new Commands.EvaluateCommand(),
        new Commands.GraphCommand(),
        new Commands.RulesValidateCommand(),
        new Commands.RulesTestCommand(),
        new Commands.RulesShowCommand(),
        new Commands.RulesDiffCommand(),
        new Commands.RulesInitCommand(),
        new Commands.WorkdaysAddCommand(),
        new Commands.WorkdaysCountCommand(),
        new Commands.LunarCommand(),
        new Commands.HolidaysCommand(),
        new Commands.PlanCommand(),
        new Commands.DueCommand(),
        new Commands.AuditCommand(),
        new Commands.ServeCommand(),
        new Commands.CompletionCommand(),
    ];

    private static readonly Dictionary<string, LocalizedText> Groups = new(StringComparer.Ordinal)
    {
        ["rules"] = new("quy định: kiểm tra, kiểm thử, đọc và so sánh các tệp quy định", "rules: check, test, read and compare rule files"),
        ["workdays"] = new("ngày làm việc: cộng và đếm", "working days: add and count"),
    };

    public static IReadOnlyList<ICliCommand> All => Commands;

    /// <summary>The tool's command line: built once per run (cheap), with the help in the run's language.</summary>
    private sealed class Tree
    {
        public Tree()
        {
            Lang = new Option<string>("--lang") { Description = "vi|en", Recursive = true, HelpName = "vi|en" };
            Lang.AcceptOnlyFromAmong("vi", "en");
            Json = new Option<bool>("--json") { Description = "JSON", Recursive = true };
            Help = new Option<bool>("--help", "-h", "-?") { Description = "help", Recursive = true };
            Root = new RootCommand("chibo");
            Root.Options.Clear();
            Root.Options.Add(Lang);
            Root.Options.Add(Json);
            Root.Options.Add(Help);
            foreach (var command in Commands)
            {
                var words = command.Name.Split(' ');
                var parent = (Command)Root;
                foreach (var word in words[..^1])
                {
                    parent = parent.Subcommands.FirstOrDefault(c => c.Name == word) ?? Add(parent, new Command(word, Groups[word].En));
                }

                var built = new Command(words[^1], command.Spec.Summary.En) { Hidden = command.Name == Commands_Complete };
                foreach (var argument in command.Spec.Arguments)
                {
                    var symbol = new Argument<string>(argument.Name)
                    {
                        Description = argument.Description.En,
                        Arity = argument.Required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
                    };
                    built.Arguments.Add(symbol);
                    ArgumentsOf[symbol] = argument;
                }

                foreach (var option in command.Spec.Options)
                {
                    Option symbol = option.ValueName is null
                        ? new Option<bool>("--" + option.Name) { Description = option.Description.En }
                        : new Option<string>("--" + option.Name, option.Alias is null ? [] : [option.Alias]) { Description = option.Description.En, HelpName = option.ValueName, Required = option.Required };
                    if (option.AllowedValues is { } allowed && symbol is Option<string> text)
                    {
                        text.AcceptOnlyFromAmong([.. allowed]);
                    }

                    built.Options.Add(symbol);
                    OptionsOf[symbol] = option;
                }

                Add(parent, built);
                ByCommand[built] = command;
            }
        }

        public RootCommand Root { get; }

        public Option<string> Lang { get; }

        public Option<bool> Json { get; }

        public Option<bool> Help { get; }

        public Dictionary<Command, ICliCommand> ByCommand { get; } = [];

        public Dictionary<Argument, CliArgumentSpec> ArgumentsOf { get; } = [];

        public Dictionary<Option, CliOptionSpec> OptionsOf { get; } = [];

        private static Command Add(Command parent, Command child)
        {
            parent.Subcommands.Add(child);
            return child;
        }
    }

    private const string Commands_Complete = "__complete";

    /// <summary>Parses the command line and runs the command it names.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var tree = new Tree();
        if (args.Length > 0 && args[0] == Commands_Complete)
        {
            return Complete(tree, args[1..], stdout);
        }

        var parsed = tree.Root.Parse(args);
        var language = LanguageOf(args);
        var target = parsed.CommandResult.Command;
        var name = FullName(target);
        if (parsed.GetValue(tree.Help))
        {
            WriteHelp(tree, target, language, stdout);
            return Program.Ok;
        }

        if (!tree.ByCommand.ContainsKey(target) && parsed.UnmatchedTokens.Count == 0)
        {
            // The tool or a group alone (chibo, chibo rules): what it holds, and exit 2 since nothing was asked.
            WriteHelp(tree, target, language, stdout);
            return Program.BadInput;
        }

        if (parsed.Errors.Count > 0)
        {
            var first = string.Join(' ', parsed.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
            stderr.WriteLine(language == Language.English
                ? $"chibo{(name.Length > 0 ? " " + name : string.Empty)}: {first} Run 'chibo {name}{(name.Length > 0 ? " " : string.Empty)}--help'."
                : $"chibo{(name.Length > 0 ? " " + name : string.Empty)}: lệnh không đúng: {first} Xem 'chibo {name}{(name.Length > 0 ? " " : string.Empty)}--help'.");
            return Program.BadInput;
        }

        var command = tree.ByCommand[target];

        var positional = new List<string>();
        foreach (var argument in target.Arguments.OfType<Argument<string>>())
        {
            if (parsed.GetValue(argument) is { } value)
            {
                positional.Add(value);
            }
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var option in target.Options.Append(tree.Lang).Append(tree.Json))
        {
            if (parsed.GetResult(option) is not { Implicit: false } result)
            {
                continue;
            }

            var key = option.Name.TrimStart('-');
            if (option is Option<bool> flag)
            {
                if (parsed.GetValue(flag))
                {
                    options[key] = null;
                }
            }
            else
            {
                options[key] = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            }
        }

        try
        {
            return command.Run(new CliArguments(positional, options), stdout, stderr);
        }
        catch (CliInputException ex)
        {
            stderr.WriteLine($"chibo {command.Name}: {ex.Message}");
            return Program.BadInput;
        }
    }

    /// <summary>The language asked for on the command line (<c>--lang en</c> or <c>--lang=en</c>), Vietnamese otherwise.</summary>
    private static Language LanguageOf(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.Length && args[i + 1] == "en"))
            {
                return Language.English;
            }
        }

        return Language.Vietnamese;
    }

    private static string FullName(Command command)
    {
        var words = new List<string>();
        for (Symbol? symbol = command; symbol is Command c && c is not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            words.Insert(0, c.Name);
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Completion for a shell (<c>chibo completion bash</c> prints the script that calls this): the words typed so far,
    /// the last one being completed (empty after a space), answered with one candidate per line.
    /// </summary>
    private static int Complete(Tree tree, string[] words, TextWriter stdout)
    {
        var typed = words.Length == 0 ? string.Empty : words[^1];
        var line = string.Join(' ', words.Select(w => w.Contains(' ', StringComparison.Ordinal) ? $"\"{w}\"" : w));
        var parsed = tree.Root.Parse(line);
        foreach (var item in parsed.GetCompletions(line.Length)
                     .Select(c => c.Label)
                     .Where(l => l.StartsWith(typed, StringComparison.Ordinal) && l != Commands_Complete)
                     .Distinct(StringComparer.Ordinal)
                     .Order(StringComparer.Ordinal))
        {
            stdout.WriteLine(item);
        }

        return Program.Ok;
    }

    private static void WriteHelp(Tree tree, Command target, Language language, TextWriter o)
    {
        var en = language == Language.English;
        var name = FullName(target);
        if (!tree.ByCommand.TryGetValue(target, out var command))
        {
            var summary = name.Length == 0
                ? new LocalizedText("phát triển đảng viên của chi bộ: hồ sơ, quy định, thời hạn, kế hoạch", "party-member development for a party cell: cases, rules, deadlines, plans")
                : Groups[name];
            o.WriteLine($"chibo{(name.Length > 0 ? " " + name : string.Empty)} — {summary.In(language)}");
            o.WriteLine();
            o.WriteLine(en ? "Usage:" : "Cách dùng:");
            o.WriteLine($"  chibo {(name.Length > 0 ? name + " " : string.Empty)}<{(en ? "command" : "lệnh")}> [{(en ? "arguments" : "đối số")}] [--json] [--lang vi|en] [--help]");
            o.WriteLine();
            o.WriteLine(en ? "Commands:" : "Các lệnh:");
            var rows = new List<(string Left, string Right)>();
            foreach (var leaf in Commands.Where(c => c.Name != Commands_Complete && (name.Length == 0 || c.Name.StartsWith(name + " ", StringComparison.Ordinal))))
            {
                rows.Add((leaf.Name + " " + Usage(leaf), leaf.Spec.Summary.In(language)));
            }

            WriteRows(o, rows);
            o.WriteLine();
            o.WriteLine(en
                ? "Each command has --help (with --lang en in English). Bad input prints one error line on stderr and exits with 2;"
                : "Mỗi lệnh có --help (thêm --lang en để xem bằng tiếng Anh). Đầu vào sai: một dòng lỗi trên stderr, mã thoát 2;");
            o.WriteLine(en
                ? "plan, due and audit exit with 1 when the report printed but some roster files could not be read. Shell completion: chibo completion bash|zsh|pwsh."
                : "plan, due và audit thoát với mã 1 khi báo cáo đã in nhưng có tệp không đọc được. Gợi ý lệnh cho shell: chibo completion bash|zsh|pwsh.");
            return;
        }

        o.WriteLine($"chibo {name} — {command.Spec.Summary.In(language)}");
        o.WriteLine();
        o.WriteLine(en ? "Usage:" : "Cách dùng:");
        o.WriteLine($"  chibo {name} {Usage(command)}");
        if (command.Spec.Arguments.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(en ? "Arguments:" : "Đối số:");
            WriteRows(o, [.. command.Spec.Arguments.Select(a => (a.Name, a.Description.In(language) + (a.Required ? string.Empty : en ? " (optional)" : " (không bắt buộc)")))]);
        }

        o.WriteLine();
        o.WriteLine(en ? "Options:" : "Tùy chọn:");
        var options = command.Spec.Options
            .Select(opt => ("--" + opt.Name + (opt.ValueName is null ? string.Empty : " " + opt.ValueName),
                opt.Description.In(language) + (opt.Required ? en ? " (required)" : " (bắt buộc)" : string.Empty)))
            .Append(("--json", en ? "the answer as JSON (the contract's shape)" : "kết quả dạng JSON (theo hợp đồng trao đổi)"))
            .Append(("--lang vi|en", en ? "the language of the output (Vietnamese by default)" : "ngôn ngữ hiển thị (mặc định tiếng Việt)"))
            .Append(("--help, -h", en ? "this help" : "trợ giúp này"));
        WriteRows(o, [.. options]);
        if (command.Spec.Note is { } note)
        {
            o.WriteLine();
            o.WriteLine(note.In(language));
        }
    }

    private static void WriteRows(TextWriter o, List<(string Left, string Right)> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Left.Length);
        foreach (var (left, right) in rows)
        {
            o.WriteLine($"  {left.PadRight(width)}  {right}");
        }
    }

    /// <summary>A command's arguments and options in one line, e.g. <c>CASE --as-of yyyy-MM-dd [--rules FOLDER]</c>.</summary>
    public static string Usage(ICliCommand command)
    {
        var parts = new List<string>();
        parts.AddRange(command.Spec.Arguments.Select(a => a.Required ? a.Name : $"[{a.Name}]"));
        foreach (var option in command.Spec.Options)
        {
            var text = "--" + option.Name + (option.ValueName is null ? string.Empty : " " + option.ValueName);
            parts.Add(option.Required ? text : $"[{text}]");
        }

        return string.Join(' ', parts);
    }
}
