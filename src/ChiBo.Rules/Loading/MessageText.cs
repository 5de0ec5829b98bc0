using System.Globalization;
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
    private static readonly string[] LevelsVi =
        ["không", "tiểu học", "trung học cơ sở", "trung học phổ thông", "trung cấp", "cao đẳng", "đại học", "sau đại học"];

    private static readonly string[] LevelsEn =
        ["none", "primary", "lower secondary", "upper secondary", "vocational", "college", "university", "postgraduate"];

    /// <summary>The message with its placeholders filled, or null with the unknown parameter's name.</summary>
    public static LocalizedText? Expand(LocalizedText message, RuleParameters parameters, out string? unknown)
    {
        string? missing = null;
        string Fill(string text, bool vietnamese) => Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (!parameters.Info.TryGetValue(name, out var info))
            {
                missing ??= name;
                return m.Value;
            }

            var value = info.Value;
            if (RuleParameters.IsEducationLevel(name))
            {
                return vietnamese ? LevelsVi[value] : LevelsEn[value];
            }

            if (m.Groups["format"].Value == "years")
            {
                var (years, months) = (value / 12, value % 12);
                return (months == 0, vietnamese) switch
                {
                    (true, true) => $"{years} tuổi",
                    (true, false) => $"{years} years",
                    (false, true) => $"{years} tuổi {months} tháng",
                    (false, false) => $"{years} years {months} months",
                };
            }

            return value.ToString(CultureInfo.InvariantCulture);
        });

        var filled = new LocalizedText(Fill(message.Vi, vietnamese: true), Fill(message.En, vietnamese: false));
        if (missing is null && (filled.Vi.Contains("{params.", System.StringComparison.Ordinal) || filled.En.Contains("{params.", System.StringComparison.Ordinal)))
        {
            missing = "…";  // a placeholder of a form that is not understood (e.g. an unknown format)
        }

        unknown = missing;
        return missing is null ? filled : null;
    }

    [GeneratedRegex(@"\{params\.(?<name>[A-Za-z]+)(:(?<format>years))?\}")]
    private static partial Regex Placeholder();
}
