using ChiBo.Evaluation;
using ChiBo.Text;
using LibraryLabels = ChiBo.Text.Labels;

namespace ChiBo.Cli;

/// <summary>The library's words (<see cref="LibraryLabels"/>) in the language of the command: the tool invents none of its own.</summary>
internal static class Labels
{
    public static string Stage(Lifecycle.Stage stage, Language lang) => LibraryLabels.Stage(stage).In(lang);

    public static string Gate(Lifecycle.Gate gate, Language lang) => LibraryLabels.Gate(gate).In(lang);

    public static string Action(DeadlineAction action, Language lang) => LibraryLabels.Deadline(action).In(lang);

    public static string Status(DeadlineStatus status, Language lang) => LibraryLabels.Status(status).In(lang);
}
