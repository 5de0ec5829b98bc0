using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Tests.Cli;
using Xunit;

namespace ChiBo.Tests.Planning;

public sealed class PlanningCommandsTests : IDisposable
{
    private static readonly string Roster = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private readonly string temp = Path.Combine(Path.GetTempPath(), "chibo-roster-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => EvaluateCommandTests.Run(args);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private string CopyRoster(bool withCell = true)
    {
        Directory.CreateDirectory(temp);
        foreach (var file in Directory.GetFiles(Roster).Where(f => withCell || !f.EndsWith("cell.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
        }

        return temp;
    }

    private static void AssertPlainText(string output)
    {
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain(output.Split('\n'), line => line.EndsWith(' '));
    }

    [Fact]
    public void Plan_table_is_vietnamese_plain_text_by_default()
    {
        var (exit, output, error) = Run("plan", Roster, "--year", "2019");
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        AssertPlainText(output);
        Assert.StartsWith("KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM 2019", output);
        Assert.Contains("Chi bộ Trường THPT Trần Phú", output);
        Assert.Contains("Phan Quốc Bảo", output);
        Assert.Contains("Đặng Văn Tùng", output);
        Assert.DoesNotContain("[admissions.concentratedInLastMonth]", output); // issue 14: codes only with --show-codes
        Assert.Contains("[admissions.concentratedInLastMonth]", Run("plan", Roster, "--year", "2019", "--show-codes").Out);
        Assert.Contains("chạy theo số lượng", output); // the heuristic, explained
        Assert.Contains("┌", output);
    }

    [Fact]
    public void Plan_in_english()
    {
        var (exit, output, _) = Run("plan", Roster, "--year", "2019", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.StartsWith("PARTY-MEMBER DEVELOPMENT PLAN 2019", output);
        Assert.Contains("Admitted in the year", output);
        Assert.Contains("\"Chasing numbers\" heuristic", output);
    }

    [Fact]
    public void Plan_json_has_the_counts_of_the_demo_roster()
    {
        var (exit, output, _) = Run("plan", Roster, "--year", "2019", "--json");
        Assert.Equal(0, exit);
        var plan = Json(output);
        Assert.Equal(2019, plan.GetProperty("year").GetInt32());
        Assert.Equal("2019-12-31", plan.GetProperty("asOf").GetString());
        Assert.Equal(3, plan.GetProperty("target").GetProperty("min").GetInt32());
        Assert.Equal(["gv-ly-02", "nv-thietbi-01", "gv-hoa-02"],
            plan.GetProperty("admitted").EnumerateArray().Select(a => a.GetProperty("person").GetProperty("id").GetString()));
        Assert.Equal(19, plan.GetProperty("byStage").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32())); // 16 + the three full members of issue 12
        Assert.Equal(6, plan.GetProperty("pipeline").GetInt32());
        Assert.Equal("nv-thuvien-01", plan.GetProperty("expectedAdmissions")[0].GetProperty("person").GetProperty("id").GetString());
        Assert.Equal("2019-12-13", plan.GetProperty("expectedAdmissions")[0].GetProperty("date").GetString()); // 30 working days from 2019-11-01
        var codes = plan.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToArray();
        Assert.Contains("admissions.concentratedInLastMonth", codes);
        Assert.Contains("sympathizer.noHelper", codes);
        Assert.Contains("probationary.noHelper", codes);
        Assert.Contains("deadline.overdue", codes);
        Assert.Equal("probationary", plan.GetProperty("admitted")[0].GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Array, plan.GetProperty("errors").ValueKind);
    }

    [Fact]
    public void Plan_markdown_is_a_report_to_paste()
    {
        var (exit, output, _) = Run("plan", Roster, "--year", "2019", "--format", "md");
        Assert.Equal(0, exit);
        Assert.StartsWith("| ĐẢNG BỘ QUẬN HẢI CHÂU | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n", output); // issue 14: the letterhead as a two-column table
        Assert.Contains("\n# KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM 2019\n", output);
        Assert.Contains("\n### 3. Kết nạp trong năm (theo ngày lễ kết nạp)\n", output);
        Assert.Contains("| STT | Họ và tên | Ngày vào Đảng | Giai đoạn hiện nay |\n|---|---|---|---|\n| 1 | Phan Quốc Bảo | 22/03/2019 | Đảng viên dự bị |", output);
        Assert.Contains("\n### 8. Những vấn đề cần lưu ý\n", output);
        Assert.Contains("\n> Dấu hiệu \"chạy theo số lượng\"", output);
        Assert.DoesNotContain("┌", output);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void Plan_as_of_mid_year_counts_only_what_happened_by_then()
    {
        var (_, output, _) = Run("plan", Roster, "--year", "2019", "--as-of", "2019-06-30", "--json");
        var plan = Json(output);
        Assert.Equal("2019-06-30", plan.GetProperty("asOf").GetString());
        Assert.Single(plan.GetProperty("admitted").EnumerateArray());
        Assert.Contains("target.atRisk", plan.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
    }

    [Fact]
    public void Due_lists_duties_with_their_status()
    {
        var (exit, output, _) = Run("due", Roster, "--as-of", "2019-12-31", "--json");
        Assert.Equal(0, exit);
        var items = Json(output).GetProperty("items").EnumerateArray().ToArray();
        var survey = items.Single(i => i.GetProperty("action").GetString() == "sourceSurvey");
        Assert.Equal("duty", survey.GetProperty("kind").GetString());
        Assert.Equal("2019-12-31", survey.GetProperty("due").GetString());
        Assert.Equal("dueSoon", survey.GetProperty("status").GetString());
        Assert.Equal("2019-09-20", survey.GetProperty("lastDone").GetString());
        var ceremony = items.Single(i => i.GetProperty("action").GetString() == "holdCeremony");
        Assert.Equal("deadline", ceremony.GetProperty("kind").GetString());
        Assert.Equal("nv-thuvien-01", ceremony.GetProperty("person").GetProperty("id").GetString());
        Assert.Equal("overdue", ceremony.GetProperty("status").GetString());
        var dates = items.Select(i => i.GetProperty("due").GetString()).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        var table = Run("due", Roster, "--as-of", "2019-12-31");
        AssertPlainText(table.Out);
        Assert.StartsWith("DANH SÁCH CÔNG VIỆC ĐẾN HẠN", table.Out);
        Assert.Contains("sắp đến hạn", table.Out);
        Assert.Contains("Khảo sát, đánh giá", table.Out);
        Assert.Contains("Trương Thị Bích Ngọc", table.Out); // the ceremony overdue since 2019-12-13
        Assert.Contains("quá hạn", table.Out);

        Assert.Contains("| Hạn | Tình trạng | Việc |", Run("due", Roster, "--as-of", "2019-12-31", "--format", "md").Out);
        Assert.Contains("Survey outstanding", Run("due", Roster, "--as-of", "2019-12-31", "--lang", "en").Out);
    }

    // Quy định 29-QĐ/TW §4.3.1 (issue 11 item 3): the superior committee's 60 working days show in due and audit.
    [Fact]
    public void Due_and_audit_show_the_superior_committees_decision_deadline()
    {
        var roster = CopyRoster();
        string Case(string id, string name, string extra) => $$"""
            {
              "formatVersion": 1,
              "person": { "id": "{{id}}", "fullName": "{{name}}", "birthDate": "1990-04-03", "sex": "male", "occupation": "teacher",
                "educationLevel": "university", "youthUnionMemberSince": null, "tradeUnionMemberSince": "2014-09-01", "religion": null, "workUnit": "Tổ Toán" },
              "cell": {"id": "cb-thpt-tran-phu", "name": "Chi bộ Trường THPT Trần Phú", "kind": "grassrootsCell", "superior": "Quận ủy Hải Châu", "hasYouthUnion": true, "hasTradeUnion": true},
              "events": [
                {"type": "addedToSympathizerList", "date": "2018-09-14"},
                {"type": "awarenessCourseCompleted", "date": "2018-12-07"},
                {"type": "applicationSubmitted", "date": "2019-03-06"},
                {"type": "cellVoted", "date": "2019-06-03", "purpose": "admission", "inFavour": 12, "fullMembers": 15}{{extra}}
              ]
            }
            """;
        File.WriteAllText(Path.Combine(roster, "17-waiting.case.json"), Case("gv-cho-01", "Lê Văn Chờ", ""));
        File.WriteAllText(Path.Combine(roster, "18-late.case.json"), Case("gv-muon-01", "Phạm Văn Muộn", ",\n    {\"type\": \"admissionDecided\", \"date\": \"2019-10-15\"}"));

        var (exit, output, _) = Run("due", roster, "--as-of", "2019-12-31", "--json");
        Assert.Equal(0, exit);
        var decide = Json(output).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("action").GetString() == "decideAdmission" && i.GetProperty("person").GetProperty("id").GetString() == "gv-cho-01");
        Assert.Equal("gv-cho-01", decide.GetProperty("person").GetProperty("id").GetString());
        Assert.Equal("overdue", decide.GetProperty("status").GetString());
        Assert.Contains("Cấp ủy cấp trên quyết định kết nạp", Run("due", roster, "--as-of", "2019-12-31").Out);

        var audit = Run("audit", roster, "--year", "2019", "--json");
        Assert.Equal(0, audit.Exit);
        Assert.Contains("decision.deadline", audit.Out);
        Assert.Contains("cấp ủy cấp trên", Run("audit", roster, "--year", "2019").Out);
    }

    [Fact]
    public void Audit_counts_the_member_management_outcomes_of_the_year()
    {
        var (exit, output, _) = Run("audit", Roster, "--year", "2019", "--json");
        Assert.Equal(0, exit);
        var audit = Json(output);
        var counts = audit.GetProperty("outcomes").EnumerateArray()
            .ToDictionary(o => o.GetProperty("event").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(1, counts["struckOff"]);
        Assert.Equal(0, counts["expelled"]);
        Assert.Equal(2, counts["exemptionGranted"]); // Đoàn Thị Hạnh and, since issue 12, Trần Văn Bình
        Assert.Equal(1, counts["transferredOut"]);
        Assert.Equal(0, counts["probationaryStruckOff"]);
        Assert.Equal(1, counts["removedFromSympathizerList"]);
        Assert.Equal(1, counts["admissionRefused"]);
        Assert.Equal(6, audit.GetProperty("outcomeList").GetArrayLength());
        var findings = audit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(["deadline.overdue", "duty.missed"], findings);
        Assert.Equal(3, audit.GetProperty("violationCount").GetInt32()); // + exemption.reported (issue 12)

        var md = Run("audit", Roster, "--year", "2019", "--format", "md").Out;
        Assert.Contains("\n# BÁO CÁO KẾT QUẢ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM 2019", md);
        Assert.Contains("| Xóa tên | 1 |", md); // issue 14: no code column unless --show-codes
        Assert.Contains("| Xóa tên | struckOff | 1 |", Run("audit", Roster, "--year", "2019", "--format", "md", "--show-codes").Out);
        var en = Run("audit", Roster, "--year", "2019", "--lang", "en").Out;
        AssertPlainText(en);
        Assert.Contains("MEMBER MANAGEMENT IN THE YEAR", en);
    }

    [Theory]
    [InlineData("plan", "--year", "2019")]
    [InlineData("due", "--as-of", "2019-12-31")]
    [InlineData("audit", "--year", "2019")]
    public void Bad_roster_files_are_named_on_stderr_and_the_report_still_prints_with_exit_1(string command, string option, string value)
    {
        var folder = CopyRoster();
        File.WriteAllText(Path.Combine(folder, "98-hong.case.json"), "{ \"formatVersion\": 1,, }");
        File.WriteAllText(Path.Combine(folder, "ghi-chu.json"), "{}");

        var (exit, output, error) = Run(command, folder, option, value);
        Assert.Equal(1, exit);
        Assert.NotEqual(string.Empty, output);
        var lines = error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"chibo {command}: warning: ", StringComparison.Ordinal) && l.Contains("98-hong.case.json:1:"));
        Assert.Contains(lines, l => l.Contains("ghi-chu.json") && l.Contains("not read"));
        Assert.DoesNotContain("   at ", error);

        var json = Json(Run(command, folder, option, value, "--json").Out);
        Assert.Equal(2, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void A_roster_without_a_cell_file_still_plans()
    {
        var (exit, output, _) = Run("plan", CopyRoster(withCell: false), "--year", "2019", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("(no cell file cell.json)", output);
        Assert.Contains("No cell file (cell.json): no target", output);
        Assert.Contains("[cell.noCellFile]", Run("plan", temp, "--year", "2019", "--lang", "en", "--show-codes").Out);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("plan", "no-such-folder", "--year", "2019")]
    [InlineData("plan", "ROSTER", "--year", "abc")]
    [InlineData("plan", "ROSTER")]
    [InlineData("plan", "ROSTER", "--year", "1800")]
    [InlineData("plan", "ROSTER", "--year", "2019", "--format", "pdf")]
    [InlineData("plan", "ROSTER", "--year", "2019", "--format", "md", "--json")]
    [InlineData("plan", "ROSTER", "--year", "2019", "--lang", "fr")]
    [InlineData("plan", "ROSTER", "extra", "--year", "2019")]
    [InlineData("plan", "ROSTER", "--year", "2019", "--as-of", "31/12/2019")]
    [InlineData("due", "ROSTER")]
    [InlineData("due", "ROSTER", "--as-of", "2150-01-01")]
    [InlineData("due", "ROSTER", "--as-of", "2019-12-31", "--year", "2019")]
    [InlineData("audit", "ROSTER", "--year")]
    public void Bad_input_is_one_line_on_stderr_and_exit_2(params string[] args)
    {
        var (exit, output, error) = Run(args.Select(a => a == "ROSTER" ? Roster : a).ToArray());
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_file_given_as_the_roster_is_bad_input()
    {
        var (exit, _, error) = Run("plan", Path.Combine(Roster, "cell.json"), "--year", "2019");
        Assert.Equal(2, exit);
        Assert.Contains("not a folder", error);
    }

    [Fact]
    public void Help_lists_the_planning_commands_and_the_exit_codes()
    {
        var (_, output, _) = Run("--help", "--lang", "en");
        Assert.Contains("plan ROSTER --year yyyy", output);
        Assert.Contains("due ROSTER --as-of yyyy-MM-dd", output);
        Assert.Contains("audit ROSTER --year yyyy", output);
        Assert.Contains("exit with 1", output);
    }
}
