using System.IO;
using System.Text.Json;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue 12's "done when": <c>chibo evaluate</c> of a full member with unexcused absences in February and May and unpaid
/// dues in September 2024, as of 2024-12-01, shows <c>standing.attendance</c> failed with those months named; the same
/// with one absence excused passes (samples/cases/member-absences-2024.case.json; its July absence is excused).
/// </summary>
public class EvaluateStandingTests
{
    private static readonly string Sample = Path.Combine(TestData.SamplesDir, "member-absences-2024.case.json");

    [Fact]
    public void Evaluate_shows_attendance_failed_with_the_months_named()
    {
        var (exit, output, error) = EvaluateCommandTests.Run("evaluate", Sample, "--as-of", "2024-12-01", "--lang", "en");
        Assert.True(exit == 0, error);
        Assert.Contains("Standing (2/3 passed):", output);
        Assert.Contains("[✗] Meetings and party dues: ", output); // issue 14: the rule by its title, its id only with --show-codes
        Assert.Contains("found: missed meetings in February and May and did not pay dues in September 2024 (3 months)", output);
        Assert.Contains("the cell must consider striking the name off (Chỉ thị 28-CT/TW)", output);

        var vi = EvaluateCommandTests.Run("evaluate", Sample, "--as-of", "2024-12-01").Out;
        Assert.Contains("ghi nhận: bỏ sinh hoạt tháng 2, 5 và không đóng đảng phí tháng 9 năm 2024 (3 tháng)", vi);

        using var json = JsonDocument.Parse(EvaluateCommandTests.Run("evaluate", Sample, "--as-of", "2024-12-01", "--json").Out);
        var attendance = json.RootElement.GetProperty("standing")[0];
        Assert.Equal("standing.attendance", attendance.GetProperty("rule").GetString());
        Assert.False(attendance.GetProperty("passed").GetBoolean());
        Assert.Equal("Điều lệ Đảng (2011), Điều 8; Quy định 24-QĐ/TW (2021), 8.1", attendance.GetProperty("source").GetString());
    }

    [Fact]
    public void The_same_with_one_absence_excused_passes()
    {
        var text = File.ReadAllText(Sample).Replace("\"month\": \"2024-05\",\n      \"excused\": false", "\"month\": \"2024-05\",\n      \"excused\": true");
        Assert.Contains("\"month\": \"2024-05\",\n      \"excused\": true", text);
        var path = Path.Combine(Path.GetTempPath(), $"chibo-excused-{System.Guid.NewGuid():N}.case.json");
        try
        {
            File.WriteAllText(path, text);
            var (exit, output, error) = EvaluateCommandTests.Run("evaluate", path, "--as-of", "2024-12-01", "--lang", "en");
            Assert.True(exit == 0, error);
            Assert.Contains("Standing (3/3 passed):", output);
            Assert.Contains("found: missed meetings in February and did not pay dues in September 2024 (2 months)", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
