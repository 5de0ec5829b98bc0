using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ChiBo.Cases;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ChiBo.Tests.Cli;

/// <summary>
/// Issue 14, item 3: <c>chibo evaluate</c> speaks words, not codes. Over every sample case (samples/cases,
/// samples/roster-2019, any other *.case.json under samples), on the date of each of its events and on a date after
/// them all, in Vietnamese and in English: no camelCase id (<c>admissionDecided</c>), no dotted rule id
/// (<c>vote.cellTwoThirds</c>), no <c>#9</c> event number, and in Vietnamese no ISO date. <c>--show-codes</c> brings the
/// codes back.
/// </summary>
public class EvaluateWordsTests
{
    private static readonly Regex CamelCase = new(@"\b[a-z]+[A-Z][A-Za-z]*\b", RegexOptions.CultureInvariant);
    private static readonly Regex Dotted = new(@"\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b", RegexOptions.CultureInvariant);
    private static readonly Regex EventNumber = new(@"#\d", RegexOptions.CultureInvariant);
    private static readonly Regex IsoDate = new(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant);

    public static TheoryData<string> SampleCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.RepoRoot, "samples"), "*.case.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestData.RepoRoot, file));
        }

        return data;
    }

    [Fact]
    public void The_samples_hold_the_cases_and_the_roster()
    {
        var files = SampleCases().Cast<object[]>().Select(row => (string)row[0]).ToArray();
        Assert.Contains(files, f => f.Contains("roster-2019", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("cases", StringComparison.Ordinal));
        Assert.True(files.Length >= 26, $"{files.Length} sample cases");
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Evaluate_prints_no_code_and_vietnamese_dates_for_every_sample(string relative)
    {
        var path = Path.Combine(TestData.RepoRoot, relative);
        var file = CaseFileSerializer.ReadFile(path).GetValueOrThrow();
        var dates = file.Events.Select(e => e.Date).Concat(file.Events.Select(e => e.Date.PlusYears(1)).TakeLast(1)).Append(new LocalDate(2019, 12, 31)).Append(new LocalDate(2026, 1, 15)).Distinct().ToArray();
        foreach (var date in dates)
        {
            var asOf = LocalDatePattern.Iso.Format(date);
            foreach (var lang in new[] { "vi", "en" })
            {
                var (exit, output, error) = EvaluateCommandTests.Run("evaluate", path, "--as-of", asOf, "--lang", lang);
                Assert.True(exit == 0, error);
                var problems = new List<string>();
                foreach (var line in output.Split('\n'))
                {
                    foreach (var pattern in lang == "vi" ? new[] { CamelCase, Dotted, EventNumber, IsoDate } : [CamelCase, Dotted, EventNumber])
                    {
                        if (pattern.Match(line) is { Success: true } m)
                        {
                            problems.Add($"'{m.Value}' in: {line.Trim()}");
                        }
                    }
                }

                Assert.True(problems.Count == 0, $"{relative} as of {asOf} ({lang}):\n{string.Join("\n", problems.Distinct())}");
            }
        }
    }

    [Fact]
    public void Show_codes_brings_back_the_rule_ids_stages_gates_and_event_numbers()
    {
        var path = Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "10-dang-van-tung.case.json");
        var (exit, output, _) = EvaluateCommandTests.Run("evaluate", path, "--as-of", "2019-12-31", "--show-codes");
        Assert.Equal(0, exit);
        Assert.Contains("[probationary]", output, StringComparison.Ordinal);
        Assert.Contains("[fullMembershipVote]", output, StringComparison.Ordinal);
        Assert.Contains("[vote.cellTwoThirds]", output, StringComparison.Ordinal);
        Assert.Contains("[2016-qd29]", output, StringComparison.Ordinal);
        Assert.Matches(@"sự kiện thứ \d+ của hồ sơ \[#\d+\]", output);
    }

    [Fact]
    public void The_planted_violations_state_the_vote_count_and_the_lateness_with_their_dates()
    {
        var path = Path.Combine(TestData.RepoRoot, "samples", "roster-2019", "10-dang-van-tung.case.json");
        var vi = EvaluateCommandTests.Run("evaluate", path, "--as-of", "2019-12-31").Out;
        Assert.Contains("! Tỷ lệ tán thành của chi bộ — chi bộ biểu quyết ngày 05/07/2019", vi, StringComparison.Ordinal);
        Assert.Contains("ghi nhận: 8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10", vi, StringComparison.Ordinal);
        Assert.Contains("ghi nhận: lễ kết nạp ngày 20/12/2019, quá hạn 57 ngày làm việc so với hạn 02/10/2019 (nhận quyết định ngày 20/08/2019)", vi, StringComparison.Ordinal);
        var en = EvaluateCommandTests.Run("evaluate", path, "--as-of", "2019-12-31", "--lang", "en").Out;
        Assert.Contains("found: 8 of 15 full members in favour (53%); at least 10 needed", en, StringComparison.Ordinal);
    }
}
