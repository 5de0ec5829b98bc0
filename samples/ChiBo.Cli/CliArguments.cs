using System;
using System.Collections.Generic;
using System.Globalization;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Cli;

/// <summary>Positional arguments and <c>--name value</c> / <c>--flag</c> options of one command.</summary>
internal sealed class CliArguments
{
    // Options that take no value.
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "help" };

    private readonly Dictionary<string, string?> options;

    private CliArguments(List<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        this.options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public bool Json => Has("json");

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!Flags.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliInputException($"option --{name} needs a value");
                    }

                    value = args[++i];
                }

                options[name] = value;
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CliArguments(positional, options);
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

    public string RequirePositional(int index, string what)
    {
        if (index >= Positional.Count)
        {
            throw new CliInputException($"missing {what}");
        }

        return Positional[index];
    }

    public void ExpectPositionalCount(int max)
    {
        if (Positional.Count > max)
        {
            throw new CliInputException($"unexpected argument '{Positional[max]}'");
        }
    }

    public void ExpectOnly(params string[] allowed)
    {
        foreach (var name in options.Keys)
        {
            if (name != "json" && name != "help" && Array.IndexOf(allowed, name) < 0)
            {
                throw new CliInputException($"unknown option --{name}");
            }
        }
    }

    public Language Language => Option("lang") switch
    {
        null or "vi" => Language.Vietnamese,
        "en" => Language.English,
        var other => throw new CliInputException($"--lang must be 'vi' or 'en', not '{other}'"),
    };

    public static LocalDate ParseDate(string text, string what)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            throw new CliInputException($"{what} '{text}' is not a date in the form yyyy-MM-dd");
        }

        return result.Value;
    }

    public static int ParseInt(string text, string what)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliInputException($"{what} '{text}' is not a whole number");
        }

        return value;
    }

    public LocalDate? DateOption(string name) =>
        Option(name) is { } text ? ParseDate(text, "--" + name) : null;
}
