using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChiBo.Text;

namespace ChiBo.Rules.Loading;

/// <summary>
/// Fills a rule's messages with its rule set's numbers when the rule set loads: <c>{params.name}</c> is the
/// parameter's value, <c>{params.name:years}</c> an age in months said in years ("18 tuổi" / "18 years", or
/// "18 tuổi 2 tháng" / "18 years 2 months"), and <c>{params.minEducationLevel}</c> the level's name in each language. A message that
/// states a number through a placeholder stays true when an official edits the number.
/// </summary>
internal static partial class MessageText
{
    internal static readonly string[] LevelsVi =
        ["không", "tiểu học", "trung học cơ sở", "trung học phổ thông", "trung cấp", "cao đẳng", "đại học", "sau đại học"];

    internal static readonly string[] LevelsEn =
        ["none", "primary", "lower secondary", "upper secondary", "vocational", "college", "university", "postgraduate"];

    /// <summary>
    /// The message with its placeholders filled, or null with the first problem: braces are only for placeholders,
    /// written exactly <c>{params.name}</c> or <c>{params.name:years}</c> (this case, no spaces) with a parameter's
    /// name — so a near miss (<c>{Params.x}</c>, <c>{ params.x }</c>, <c>{params.x:unknownFormat}</c>, a lone brace) is
    /// an error, never shown raw.
    /// </summary>
    public static LocalizedText? Expand(LocalizedText message, RuleParameters parameters, out MessageProblem? problem)
    {
        string? en = null;
        problem = Fill(message.Vi, vietnamese: true, parameters, out var vi) ?? Fill(message.En, vietnamese: false, parameters, out en);
        return problem is null ? new LocalizedText(vi!, en!) : null;
    }

    private static MessageProblem? Fill(string text, bool vietnamese, RuleParameters parameters, out string? filled)
    {
        filled = null;
        var language = vietnamese ? "vi" : "en";
        var result = new StringBuilder(text.Length + 16);
        var at = 0;
        while (at < text.Length)
        {
            var brace = text.IndexOfAny(['{', '}'], at);
            if (brace < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            result.Append(text, at, brace - at);
            if (text[brace] == '}')
            {
                var start = text.LastIndexOfAny([' ', '{', '}'], Math.Max(brace - 1, 0), Math.Min(brace, 40)) + 1;
                return new MessageProblem(language,
                    $"the '{language}' message has '{text[start..(brace + 1)]}': a '}}' that closes no placeholder. Braces are only for placeholders: {{params.name}} or {{params.name:years}}");
            }

            var placeholder = Placeholder().Match(text, brace);
            if (!placeholder.Success)
            {
                var close = text.IndexOf('}', brace + 1);
                var end = close < 0 ? Math.Min(text.Length, brace + 40) : Math.Min(close + 1, brace + 60);
                return new MessageProblem(language,
                    $"the '{language}' message has '{text[brace..end]}', which is not a placeholder: write {{params.name}} or {{params.name:years}} exactly (this letter case, no spaces); braces are only for placeholders");
            }

            var name = placeholder.Groups["name"].Value;
            var format = placeholder.Groups["format"];
            if (!parameters.Info.TryGetValue(name, out var info))
            {
                return new MessageProblem(language,
                    $"the '{language}' message names '{placeholder.Value}', which is not a parameter; the parameters are: {string.Join(", ", RuleParameters.Names)}");
            }

            if (format.Success && (format.Value != "years" || RuleParameters.IsEducationLevel(name)))
            {
                return new MessageProblem(language,
                    $"the '{language}' message has '{placeholder.Value}': {(format.Value == "years" ? "an education level is not said in years" : $"the format '{format.Value}' does not exist (the only one is :years, for an age in months)")}");
            }

            result.Append(Say(info.Value, name, format.Success, vietnamese));
            at = brace + placeholder.Length;
        }

        filled = result.ToString();
        return null;
    }

    private static string Say(int value, string name, bool years, bool vietnamese)
    {
        if (RuleParameters.IsEducationLevel(name))
        {
            return vietnamese ? LevelsVi[value] : LevelsEn[value];
        }

        if (years)
        {
            var (whole, months) = (value / 12, value % 12);
            return (months == 0, vietnamese) switch
            {
                (true, true) => $"{whole} tuổi",
                (true, false) => $"{whole} years",
                (false, true) => $"{whole} tuổi {months} tháng",
                (false, false) => $"{whole} years {months} months",
            };
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\G\{params\.(?<name>[A-Za-z]+)(:(?<format>[A-Za-z]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>Why a rule's message cannot be filled: the language of the text (<c>vi</c> or <c>en</c>) and the problem.</summary>
internal sealed record MessageProblem(string Language, string Message);
