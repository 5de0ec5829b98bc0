using ChiBo.Rules;
using ChiBo.Text;

namespace ChiBo.Cli;

/// <summary>A rule-file or rule-test error as one line, in the run's language.</summary>
internal static class RuleMessages
{
    public static string Line(RuleLoadError error, Language language) => error.ToString(language);
}
