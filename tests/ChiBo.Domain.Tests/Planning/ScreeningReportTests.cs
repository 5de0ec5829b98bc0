using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Planning;
using ChiBo.Rules;
using ChiBo.Tests.Cli;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// Issue 12, screening in the cell's reports (Chỉ thị 28-CT/TW): <c>chibo due</c> lists <c>considerStrikeOff</c> for each
/// member with a failed standing check (text, <c>--json</c>, <c>--format md</c>); <c>plan</c> and <c>audit</c> count the
/// members to screen and those struck off, expelled or exempted in the year. On the demo roster (samples/roster-2019):
/// Phan Quốc Bảo (probationary, 3 months of 2019), Lê Văn Thành (full, 3 months of 2019), Nguyễn Thị Thu (full, rated
/// notFulfilled in 2018 and 2019).
/// </summary>
public class ScreeningReportTests
{
    private static readonly string Roster = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");
    private static readonly LocalDate YearEnd = new(2019, 12, 31);

    private static (int Exit, string Out, string Err) Run(params string[] args) => EvaluateCommandTests.Run(args);

    [Fact]
    public void Due_lists_the_members_to_consider_striking_off_with_the_facts()
    {
        var due = new CellPlanner(new CaseEvaluator(RuleCatalog.Shipped)).Due(Demo(), YearEnd);
        Assert.Equal(["gv-ly-02", "gv-su-02", "gv-van-04"], due.Screening.Select(c => c.Person.Id));
        Assert.All(due.Screening, c => Assert.Equal("considerStrikeOff", c.Action));

        // A probationary member who fails standing is a candidate for probationaryStruckOff.
        var bao = due.Screening[0];
        Assert.Equal((Stage.Probationary, EventKind.ProbationaryStruckOff), (bao.Stage, bao.Proposal));
        Assert.Equal("bỏ sinh hoạt tháng 6, 8 và không đóng đảng phí tháng 10 năm 2019 (3 tháng)", Assert.Single(bao.Failed).Detail!.Value.Vi);
        Assert.Equal((Stage.FullMember, EventKind.StruckOff), (due.Screening[1].Stage, due.Screening[1].Proposal));
        Assert.Equal("standing.yearlyRating", Assert.Single(due.Screening[2].Failed).Rule);

        // Before the third month, nobody is listed for attendance.
        Assert.DoesNotContain(new CellPlanner(new CaseEvaluator(RuleCatalog.Shipped)).Due(Demo(), new LocalDate(2019, 9, 1)).Screening, c => c.Person.Id == "gv-su-02");
    }

    private static Roster Demo() => ChiBo.Planning.Roster.LoadDirectory(Roster);

    [Fact]
    public void Due_text_json_and_markdown_carry_the_screening()
    {
        var (exit, text, error) = Run("due", Roster, "--as-of", "2019-12-31", "--lang", "en");
        Assert.True(exit is 0 or 1, error);
        Assert.Contains("Consider striking off — screening (3)", text);
        Assert.DoesNotContain("(probationaryStruckOff)", text); // issue 14: codes only with --show-codes
        Assert.Contains("(probationaryStruckOff)", Run("due", Roster, "--as-of", "2019-12-31", "--lang", "en", "--show-codes", "--format", "md").Out);

        var json = JsonDocument.Parse(Run("due", Roster, "--as-of", "2019-12-31", "--json").Out).RootElement;
        var screening = json.GetProperty("screening").EnumerateArray().ToArray();
        Assert.Equal(3, screening.Length);
        Assert.Equal("considerStrikeOff", screening[1].GetProperty("action").GetString());
        Assert.Equal("struckOff", screening[1].GetProperty("proposal").GetString());
        Assert.Equal("standing.attendance", screening[1].GetProperty("failed")[0].GetProperty("rule").GetString());
        Assert.Contains("tháng 2, 5, 9", screening[1].GetProperty("failed")[0].GetProperty("detail").GetProperty("vi").GetString());

        var md = Run("due", Roster, "--as-of", "2019-12-31", "--format", "md").Out;
        Assert.Contains("## Xem xét xóa tên — rà soát, sàng lọc (3)", md);
        Assert.Contains("| Nguyễn Thị Thu | Đảng viên chính thức | xóa tên | ", md);
        Assert.Contains(" | xếp loại không hoàn thành nhiệm vụ 2 năm liền: 2018, 2019 |", md);
    }

    [Fact]
    public void Plan_and_audit_count_the_members_to_screen_and_the_years_outcomes()
    {
        var planner = new CellPlanner(new CaseEvaluator(RuleCatalog.Shipped));
        foreach (var screening in new[] { planner.Plan(Demo(), 2019).Screening, planner.Audit(Demo(), 2019).Screening })
        {
            Assert.Equal(3, screening.ToScreen.Count);
            Assert.Equal((1, 0, 0, 2), (screening.StruckOff, screening.ProbationaryStruckOff, screening.Expelled, screening.Exempted));
        }

        // In 2018 nobody was to screen yet (as of 2018-12-31) and nothing was struck off or exempted.
        Assert.Equal(ScreeningSummary.None with { ToScreen = [] }, planner.Audit(Demo(), 2018).Screening with { ToScreen = [] });
        Assert.Empty(planner.Audit(Demo(), 2018).Screening.ToScreen);

        var plan = JsonDocument.Parse(Run("plan", Roster, "--year", "2019", "--json").Out).RootElement.GetProperty("screening");
        Assert.Equal(3, plan.GetProperty("toScreen").GetArrayLength());
        Assert.Equal(2, plan.GetProperty("exempted").GetInt32());
        var audit = Run("audit", Roster, "--year", "2019", "--format", "md").Out;
        Assert.Contains("Rà soát, sàng lọc đảng viên năm 2019 (Chỉ thị 28-CT/TW)", audit);
        Assert.Contains("- Cần xem xét xóa tên: **3: Phan Quốc Bảo, Lê Văn Thành, Nguyễn Thị Thu**", audit);
        Assert.Contains("Báo cáo cấp ủy cấp trên việc miễn công tác và sinh hoạt đảng", audit); // the rule by its title, not its id (issue 14)
        Assert.Contains("exemption.reported", Run("audit", Roster, "--year", "2019", "--format", "md", "--show-codes").Out);
        Assert.Contains("Screening of members in 2019", Run("plan", Roster, "--year", "2019", "--lang", "en").Out);
    }
}
