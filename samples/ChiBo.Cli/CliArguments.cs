using System.Collections.Generic;
using System.Globalization;
using ChiBo.Text;
using NodaTime;
using NodaTime.Text;

namespace ChiBo.Cli;

/// <summary>
/// The positional arguments and options of one command as the parser (System.CommandLine, see
/// <see cref="CommandRegistry"/>) read them: <c>--name value</c> options by name, flags with a null value.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> options;

    internal CliArguments(IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        this.options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public bool Json => Has("json");

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
