using System.IO;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Reports;
using ChiBo.Rules;
using ChiBo.Text;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// Issue "For host developers" (item 4): the reports live in the library (ChiBo.Reports), so a host shows exactly what
/// the tool shows — the library's Markdown is the tool's `--format md`, byte for byte.
/// </summary>
public class LibraryReportsTests
{
    private static string Roster => Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private static CellPlanner Planner => new(new CaseEvaluator(RuleCatalog.Shipped));

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void The_library_s_markdown_is_the_tool_s(string lang)
    {
        var language = lang == "en" ? Language.English : Language.Vietnamese;
        var roster = ChiBo.Planning.Roster.LoadDirectory(Roster);
        var asOf = new LocalDate(2019, 12, 31);
        var options = new ReportOptions { Roster = roster };

        var due = ReportMarkdown.ToMarkdown(ReportDocuments.Due(Planner.Due(roster, asOf), language, options));
        Assert.Equal(Cli.EvaluateCommandTests.Run("due", Roster, "--as-of", "2019-12-31", "--format", "md", "--lang", lang).Out, due);

        var plan = ReportMarkdown.ToMarkdown(ReportDocuments.Plan(Planner.Plan(roster, 2019), language, options));
        Assert.Equal(Cli.EvaluateCommandTests.Run("plan", Roster, "--year", "2019", "--format", "md", "--lang", lang).Out, plan);

        var audit = ReportMarkdown.ToMarkdown(ReportDocuments.Audit(Planner.Audit(roster, 2019), language, options));
        Assert.Equal(Cli.EvaluateCommandTests.Run("audit", Roster, "--year", "2019", "--format", "md", "--lang", lang).Out, audit);
    }

    [Fact]
    public void Labels_are_the_library_s_in_both_languages()
    {
        Assert.Equal("Đảng viên dự bị", Labels.Stage(ChiBo.Lifecycle.Stage.Probationary).Vi);
        Assert.Equal("Admission ceremony", Labels.Gate(ChiBo.Lifecycle.Gate.Ceremony).En);
        Assert.Equal("quá hạn", Labels.Status(DeadlineStatus.Overdue).Vi);
        Assert.Equal("Hold the admission ceremony", Labels.Deadline(DeadlineAction.HoldCeremony).En);
        Assert.Equal("lễ kết nạp", Labels.Event(ChiBo.Cases.EventKind.CeremonyHeld).Vi);
    }
}
