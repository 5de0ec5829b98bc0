using System.IO;
using System.Text.Json;
using Xunit;
using static ChiBo.Tests.Cli.EvaluateCommandTests;

namespace ChiBo.Tests.Cli;

/// <summary><c>chibo rules validate</c> and <c>chibo evaluate --rules</c>: what a party official editing rule files sees.</summary>
public class RulesCommandTests
{
    private static string RulesDir => Path.Combine(TestData.RepoRoot, "rules");

    [Fact]
    public void Shipped_rules_and_calendars_validate()
    {
        var (exit, output, error) = Run("rules", "validate", RulesDir, "--lang", "en");
        Assert.True(exit == 0, output + error);
        Assert.Contains("2016-qd29", output, System.StringComparison.Ordinal);
        Assert.Contains("holiday year 2019", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_rule_file_is_reported_with_file_rule_and_line_and_exit_2()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-rules-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(RulesDir, "rulesets", "2016-qd29.json"));
            File.WriteAllText(Path.Combine(folder, "2016-qd29.json"),
                text.Replace("\"age.months >= params.minAgeMonths\"", "\"age.months >= params.minAgeMonth\"", System.StringComparison.Ordinal));
            var (exit, output, _) = Run("rules", "validate", folder, "--lang", "en");
            Assert.Equal(2, exit);
            Assert.Matches(@"2016-qd29\.json:\d+:\d+ \(\$\.workflows\[0\]\.Rules\[0\]\.Expression\): rule 'age\.minimum'", output);
            Assert.Contains("unknown parameter 'minAgeMonth'", output, System.StringComparison.Ordinal);

            var (jsonExit, json, _) = Run("rules", "validate", folder, "--json");
            Assert.Equal(2, jsonExit);
            using var doc = JsonDocument.Parse(json);
            Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal("age.minimum", doc.RootElement.GetProperty("errors")[0].GetProperty("rule").GetString());

            var (evalExit, _, evalError) = Run("evaluate", Path.Combine(TestData.SamplesDir, "student-turned-18.case.json"), "--as-of", "2019-06-10", "--rules", folder);
            Assert.Equal(2, evalExit);
            Assert.Contains("age.minimum", evalError, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Two_files_of_one_era_are_reported_as_a_duplicate_rule_set()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-rules-").FullName;
        try
        {
            var source = Path.Combine(RulesDir, "rulesets", "2016-qd29.json");
            File.Copy(source, Path.Combine(folder, "2016-qd29.json"));
            File.Copy(source, Path.Combine(folder, "2016-qd29-copy.json"));
            var (exit, output, _) = Run("rules", "validate", folder);
            Assert.Equal(2, exit);
            Assert.Contains("[ruleSet.duplicateId]", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Edited_parameter_changes_the_answer()
    {
        // An official raises the minimum age to 19 years (228 months) in a copy of the rules: the student who was 18
        // years and 2 months at the cell's vote of 2019-05-06 now fails age.minimum, and the vote is a violation.
        var folder = Directory.CreateTempSubdirectory("chibo-rules-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RulesDir, "rulesets")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var path = Path.Combine(folder, "2016-qd29.json");
            var text = File.ReadAllText(path);
            var at = text.IndexOf("\"value\": 216", System.StringComparison.Ordinal);
            File.WriteAllText(path, text[..at] + "\"value\": 228" + text[(at + "\"value\": 216".Length)..]);
            var sample = Path.Combine(TestData.SamplesDir, "student-turned-18.case.json");

            var (_, shipped, _) = Run("evaluate", sample, "--as-of", "2019-06-10", "--json");
            var (exit, edited, error) = Run("evaluate", sample, "--as-of", "2019-06-10", "--json", "--rules", folder);
            Assert.True(exit == 0, error);
            Assert.DoesNotContain("age.minimum", shipped, System.StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(edited);
            var violation = doc.RootElement.GetProperty("violations")[0];
            Assert.Equal("age.minimum", violation.GetProperty("rule").GetString());
            Assert.StartsWith("Đủ 19 tuổi", violation.GetProperty("message").GetProperty("vi").GetString(), System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Issue 13: <c>chibo rules test</c>, what an official runs after editing the rules.</summary>
public class RulesTestCommandTests
{
    private static string RulesDir => Path.Combine(TestData.RepoRoot, "rules");

    [Fact]
    public void Shipped_rule_tests_pass_with_full_coverage()
    {
        var (exit, output, error) = Run("rules", "test", Path.Combine(RulesDir, "tests"), "--coverage");
        Assert.True(exit == 0, output + error);
        Assert.Contains("Mọi quy định của mọi thời kỳ đều đã thấy cả đạt và không đạt.", output, System.StringComparison.Ordinal);

        var (jsonExit, json, _) = Run("rules", "test", Path.Combine(RulesDir, "tests"), "--coverage", "--json");
        Assert.Equal(0, jsonExit);
        using var doc = JsonDocument.Parse(json);
        Assert.True(doc.RootElement.GetProperty("coverage").GetProperty("full").GetBoolean());
    }

    [Fact]
    public void A_test_with_a_wrong_expectation_exits_1_and_names_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-ruletests-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(RulesDir, "tests", "2016-qd29", "01-admission-path-in-order.test.json"))
                .Replace("\"stage\": \"probationary\"", "\"stage\": \"fullMember\"", System.StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "wrong.test.json"), text);

            var (exit, output, _) = Run("rules", "test", folder, "--lang", "en");
            Assert.Equal(1, exit);
            Assert.Contains("FAIL", output, System.StringComparison.Ordinal);
            Assert.Contains("stage: expected fullMember, the answer says probationary", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Issue 13, item 5: <c>chibo evaluate --rules COPY</c> says the rule set was edited, and shows an edited number with the shipped one.</summary>
public class EditedRulesOutputTests
{
    [Fact]
    public void Evaluate_on_an_edited_copy_says_so_and_shows_both_values_of_the_edited_parameter()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-edited-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestData.RepoRoot, "rules", "rulesets"), "*.json"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var path = Path.Combine(folder, "2016-qd29.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 30", "\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 20", System.StringComparison.Ordinal));
            var caseFile = Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "07-truong-thi-bich-ngoc.case.json");

            var (exit, output, error) = Run("evaluate", caseFile, "--as-of", "2019-11-20", "--rules", folder);
            Assert.True(exit == 0, error);
            Assert.Contains("(2016) và các hướng dẫn thi hành — đã chỉnh sửa tại chỗ, khác bản phát hành", output, System.StringComparison.Ordinal);
            Assert.Contains("trong 20 ngày làm việc", output, System.StringComparison.Ordinal);
            Assert.Contains("đã sửa: 20 thay cho 30 của bản phát hành", output, System.StringComparison.Ordinal);
            var (_, withCodes, _) = Run("evaluate", caseFile, "--as-of", "2019-11-20", "--rules", folder, "--show-codes");
            Assert.Contains("đã sửa: ceremonyDeadlineWorkingDays = 20 (bản phát hành: 30)", withCodes, System.StringComparison.Ordinal);

            var (_, shipped, _) = Run("evaluate", caseFile, "--as-of", "2019-11-20");
            Assert.Contains("(2016) và các hướng dẫn thi hành — bản phát hành", shipped, System.StringComparison.Ordinal);
            Assert.DoesNotContain("đã sửa", shipped, System.StringComparison.Ordinal);

            var (_, due, _) = Run("due", Path.Combine(TestData.RepoRoot, "samples", "roster-2019"), "--as-of", "2019-11-20", "--rules", folder);
            Assert.Contains("Lưu ý: Bộ quy định 2016-qd29 — đã chỉnh sửa tại chỗ", due, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Issue 13, item 1: <c>chibo rules show</c>, the rules as a Vietnamese document.</summary>
public class RulesShowCommandTests
{
    [Fact]
    public void Markdown_lists_every_rule_of_every_era_with_its_message_reading_and_source_and_the_parameter_table()
    {
        var (exit, output, error) = Run("rules", "show", "--format", "md");
        Assert.True(exit == 0, error);
        foreach (var set in ChiBo.Rules.RuleCatalog.Shipped.RuleSets)
        {
            Assert.Contains($"({set.Id})", output, System.StringComparison.Ordinal);
            foreach (var rule in System.Linq.Enumerable.SelectMany(set.Workflows, w => w.Rules))
            {
                Assert.Contains($"#### {rule.Title.Vi} (`{rule.Id}`)", output, System.StringComparison.Ordinal); // issue 14: the title, the id beside it
                Assert.Contains("- Yêu cầu: " + rule.Message.Vi, output, System.StringComparison.Ordinal);
                Assert.Contains("- Cách hiểu: " + rule.DescriptionText!.Value.Vi, output, System.StringComparison.Ordinal);
                Assert.Contains("- Căn cứ: " + rule.Source, output, System.StringComparison.Ordinal);
            }
        }

        Assert.Contains("## Bảng tham số qua các thời kỳ", output, System.StringComparison.Ordinal);
        Assert.Contains("| tham số | 2016-qd29 | 2021-qd24 | 2025-qd232 | 2025-qd294 |", output, System.StringComparison.Ordinal);
        // The 2016 → 2021 education wording ('or equivalent' dropped) is marked as a change.
        Assert.Contains("| minEducationLevel | trung học cơ sở | ◇ trung học cơ sở |", output, System.StringComparison.Ordinal);
        Assert.Contains("minEducationLevel (2016-qd29 → 2021-qd24): cùng giá trị, đổi cách diễn đạt", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_one_self_contained_page_and_json_has_every_era()
    {
        var (exit, html, _) = Run("rules", "show", "--format", "html", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.StartsWith("<!DOCTYPE html>", html, System.StringComparison.Ordinal);
        Assert.Contains("<style>", html, System.StringComparison.Ordinal);
        Assert.Contains("@media print", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, System.StringComparison.Ordinal);
        Assert.Contains("Parameters across the eras", html, System.StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);

        var (jsonExit, json, _) = Run("rules", "show", "--era", "2021-qd24", "--json");
        Assert.Equal(0, jsonExit);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("2021-qd24", Assert.Single(System.Linq.Enumerable.ToArray(doc.RootElement.EnumerateArray())).GetProperty("id").GetString());

        var (badExit, _, badError) = Run("rules", "show", "--era", "2016-qd92");
        Assert.Equal(2, badExit);
        Assert.Contains("2016-qd29", badError, System.StringComparison.Ordinal);
    }
}

/// <summary>Issue 13, item 6: <c>chibo rules validate</c> for officials — Vietnamese by default, "did you mean", warnings.</summary>
public class RulesValidateForOfficialsTests
{
    private static string Broken(string file, string from, string to)
    {
        var folder = Directory.CreateTempSubdirectory("chibo-broken-").FullName;
        var text = File.ReadAllText(Path.Combine(TestData.RepoRoot, "rules", "rulesets", file));
        Assert.Contains(from, text, System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, file), text.Replace(from, to, System.StringComparison.Ordinal));
        return folder;
    }

    [Fact]
    public void A_misspelt_parameter_is_reported_in_Vietnamese_with_file_line_and_a_suggestion()
    {
        var folder = Broken("2016-qd29.json", "\"minAgeMonths\": {", "\"minAgeMonth\": {");
        try
        {
            var (exit, output, _) = Run("rules", "validate", folder, "--lang", "vi");
            Assert.Equal(2, exit);
            Assert.Matches(@"lỗi +\S*2016-qd29\.json:17:\d+ \(\$\.parameters\.minAgeMonth\): không có tham số 'minAgeMonth'\. Có phải ý bạn là 'minAgeMonths'\?", output);
            Assert.Contains("thiếu tham số 'minAgeMonths'", output, System.StringComparison.Ordinal);
            Assert.Contains("lỗi trong 1 tệp.", output, System.StringComparison.Ordinal);

            var (_, english, _) = Run("rules", "validate", folder, "--lang", "en");
            Assert.Contains("Did you mean 'minAgeMonths'?", english, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_misspelt_required_property_is_reported_with_the_missing_field_and_a_suggestion()
    {
        var folder = Broken("2021-qd24.json", "\"Expression\": \"age.months >= params.minAgeMonths\",", "\"Expresion\": \"age.months >= params.minAgeMonths\",");
        try
        {
            var (exit, output, _) = Run("rules", "validate", folder);
            Assert.Equal(2, exit);
            Assert.Contains("thuộc tính 'Expresion' không có trong tệp quy định. Có phải ý bạn là 'Expression'? Vì vậy thiếu trường bắt buộc 'Expression'.", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_comma_is_reported_at_the_line_where_it_is_missing()
    {
        var folder = Broken("2025-qd232.json", "\"unit\": \"months\",", "\"unit\": \"months\"");
        try
        {
            var text = File.ReadAllLines(Path.Combine(folder, "2025-qd232.json"));
            var line = System.Array.FindIndex(text, l => l.TrimEnd() == "\"unit\": \"months\"".PadLeft(0) || l.Trim() == "\"unit\": \"months\"") + 1;
            var (exit, output, _) = Run("rules", "validate", folder);
            Assert.Equal(2, exit);
            Assert.Contains($"2025-qd232.json:{line}:", output, System.StringComparison.Ordinal);
            Assert.Contains($"thiếu dấu phẩy ',' ở cuối dòng {line}", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_edited_number_still_stated_in_prose_and_an_unused_parameter_are_warnings()
    {
        var folder = Broken("2016-qd29.json", "\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 30", "\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 20");
        try
        {
            var (exit, output, _) = Run("rules", "validate", folder);
            Assert.Equal(0, exit);
            Assert.Contains("'ErrorMessage' vẫn ghi 30, giá trị phát hành của 'ceremonyDeadlineWorkingDays', trong khi tệp này đặt là 20", output, System.StringComparison.Ordinal);
            Assert.Contains("[warning.staleNumber]", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The shipped files have no warning at all.
        var (_, shipped, _) = Run("rules", "validate", Path.Combine(TestData.RepoRoot, "rules"));
        Assert.DoesNotContain("cảnh báo", shipped, System.StringComparison.Ordinal);
    }
}

/// <summary>Issue 13, item 3: <c>chibo rules diff OLD NEW --roster</c>, the impact of an edit.</summary>
public class RulesDiffCommandTests
{
    [Fact]
    public void A_shorter_ceremony_deadline_lists_the_cases_whose_ceremony_deadline_moved()
    {
        var rules = Path.Combine(TestData.RepoRoot, "rules", "rulesets");
        var folder = Directory.CreateTempSubdirectory("chibo-diff-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(rules, "*.json"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var path = Path.Combine(folder, "2016-qd29.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 30", "\"ceremonyDeadlineWorkingDays\": {\n      \"value\": 20", System.StringComparison.Ordinal));
            var roster = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

            var (exit, output, error) = Run("rules", "diff", rules, folder, "--roster", roster, "--as-of", "2019-10-01");
            Assert.True(exit == 1, output + error);
            Assert.Contains("Đặng Văn Tùng (10-dang-van-tung.case.json)", output, System.StringComparison.Ordinal);
            Assert.Matches(@"ceremony\.deadline +đạt +→  không đạt", output);
            Assert.Matches(@"Tổ chức lễ kết nạp: hạn +2019-10-02 +→  2019-09-18", output);
            Assert.Contains("mới: Bộ quy định 2016-qd29 — đã chỉnh sửa tại chỗ, khác bản phát hành", output, System.StringComparison.Ordinal);

            var (_, json, _) = Run("rules", "diff", rules, folder, "--roster", roster, "--as-of", "2019-10-01", "--json");
            using var doc = JsonDocument.Parse(json);
            var tung = System.Linq.Enumerable.Single(doc.RootElement.GetProperty("differing").EnumerateArray(), c => c.GetProperty("file").GetString() == "10-dang-van-tung.case.json");
            Assert.Contains(tung.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "ceremony.deadline" && c.GetProperty("new").GetString() == "không đạt");

            var (_, md, _) = Run("rules", "diff", rules, folder, "--roster", roster, "--as-of", "2019-10-01", "--format", "md", "--lang", "en");
            Assert.Contains("| ceremony.deadline | passed | failed |", md, System.StringComparison.Ordinal);

            // The same rules on both sides: nothing differs, exit 0.
            var (same, sameOut, _) = Run("rules", "diff", rules, rules, "--roster", roster, "--as-of", "2019-10-01");
            Assert.Equal(0, same);
            Assert.Contains($": 0/{Directory.GetFiles(roster, "*.case.json").Length}", sameOut, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Issue 13, item 4: <c>chibo evaluate --overlays</c> with the sample overlay of samples/overlays.</summary>
public class OverlayCommandTests
{
    [Fact]
    public void Evaluate_with_the_sample_overlay_lists_it_and_its_local_checks()
    {
        var caseFile = Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "05-nguyen-huu-phuoc.case.json");
        var overlays = Path.Combine(TestData.RepoRoot, "samples", "overlays");
        var (exit, output, error) = Run("evaluate", caseFile, "--as-of", "2019-10-01", "--overlays", overlays);
        Assert.True(exit == 0, error);
        Assert.Contains("Quy định bổ sung      Ví dụ: tiêu chuẩn chặt hơn của địa phương", output, System.StringComparison.Ordinal);
        Assert.Contains("Người giới thiệu cùng công tác đủ thời gian (tiêu chuẩn địa phương)", output, System.StringComparison.Ordinal);
        var (_, withCodes, _) = Run("evaluate", caseFile, "--as-of", "2019-10-01", "--overlays", overlays, "--show-codes");
        Assert.Contains("[hai-chau-truong-hoc-2019]", withCodes, System.StringComparison.Ordinal);
        Assert.Contains("[local.introducers.workedTogether]", withCodes, System.StringComparison.Ordinal);

        var (_, json, _) = Run("evaluate", caseFile, "--as-of", "2019-10-01", "--overlays", overlays, "--json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("hai-chau-truong-hoc-2019", doc.RootElement.GetProperty("overlays")[0].GetString());
    }
}

/// <summary>Issue 13, item 7: <c>chibo rules init FOLDER</c>, and <c>--rules</c> taking the whole copied folder (its calendar too).</summary>
public class RulesInitCommandTests
{
    [Fact]
    public void Init_copies_the_rules_folder_whose_schemas_resolve_and_whose_edited_calendar_is_used()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("chibo-init-").FullName, "quy-dinh");
        try
        {
            var (exit, output, error) = Run("rules", "init", folder);
            Assert.True(exit == 0, error);
            Assert.Contains("Đã chép", output, System.StringComparison.Ordinal);
            foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                if (doc.RootElement.TryGetProperty("$schema", out var schema) && schema.GetString() is { } relative && !relative.StartsWith("http", System.StringComparison.Ordinal))
                {
                    Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, relative)), $"{file}: $schema {relative} does not resolve");
                }
            }

            // The copy is the shipped rules, byte for byte: it validates, its tests pass, and it is reported as shipped.
            var (validExit, valid, _) = Run("rules", "validate", folder);
            Assert.Equal(0, validExit);
            Assert.Contains("2016-qd29 (bản phát hành)", valid, System.StringComparison.Ordinal);
            Assert.Equal(0, Run("rules", "test", "--rules", folder).Exit);
            Assert.Equal(2, Run("rules", "init", folder).Exit);

            // An edited calendar/ is used: a day off added on Monday 2019-11-25 moves the ceremony's deadline a day later.
            var caseFile = Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "07-truong-thi-bich-ngoc.case.json");
            string Due(params string[] extra)
            {
                var (_, json, err) = Run([.. new[] { "evaluate", caseFile, "--as-of", "2019-11-20", "--json" }, .. extra]);
                using var doc = JsonDocument.Parse(json);
                return System.Linq.Enumerable.Single(doc.RootElement.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("action").GetString() == "holdCeremony").GetProperty("due").GetString()!;
            }

            var before = Due("--rules", folder);
            Assert.Equal(Due(), before);
            var calendar = Path.Combine(folder, "calendar", "2019.json");
            File.WriteAllText(calendar, File.ReadAllText(calendar).Replace("\"daysOff\": [", "\"daysOff\": [\n    { \"date\": \"2019-11-25\", \"reason\": \"compensatory\", \"name\": { \"vi\": \"Ngày nghỉ thêm (thử)\", \"en\": \"An extra day off (test)\" } },", System.StringComparison.Ordinal));
            var after = Due("--rules", folder);
            Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(before).Value.PlusDays(1) is var next && next.DayOfWeek == NodaTime.IsoDayOfWeek.Saturday ? next.PlusDays(2) : next,
                NodaTime.Text.LocalDatePattern.Iso.Parse(after).Value);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}

/// <summary>Issue 13, item 4: <c>chibo rules validate</c> checks overlay files as overlays.</summary>
public class OverlayValidateTests
{
    [Fact]
    public void The_sample_overlay_validates_and_one_replacing_a_national_rule_is_refused_with_file_and_line()
    {
        var sample = Path.Combine(TestData.RepoRoot, "samples", "overlays", "hai-chau-school-cells.overlay.json");
        var (exit, output, _) = Run("rules", "validate", sample);
        Assert.Equal(0, exit);
        Assert.Contains("1 tệp quy định bổ sung của địa phương", output, System.StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("chibo-overlay-").FullName;
        try
        {
            var text = File.ReadAllText(sample).Replace("\"RuleName\": \"local.dossier.helperAssigned\"", "\"RuleName\": \"introducers.workedTogether\"", System.StringComparison.Ordinal);
            var line = System.Array.FindIndex(text.Split('\n'), l => l.Contains("\"RuleName\": \"introducers.workedTogether\"", System.StringComparison.Ordinal)) + 1;
            var path = Path.Combine(folder, "loosen.overlay.json");
            File.WriteAllText(path, text);
            var (badExit, bad, _) = Run("rules", "validate", path);
            Assert.Equal(2, badExit);
            Assert.Contains($"loosen.overlay.json:{line}:", bad, System.StringComparison.Ordinal);
            Assert.Contains("[overlay.loosens]", bad, System.StringComparison.Ordinal);
            Assert.Contains("không được bỏ hay nới một quy định toàn quốc", bad, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
