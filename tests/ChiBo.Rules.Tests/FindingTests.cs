using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Rules.Testing;
using ChiBo.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 14, items 1 and 2: every failed check, violation and deadline states what happened — the numbers and dates that
/// decide it — and every rule has a title for tables. The rule files' <c>finding</c> templates are checked at load as
/// strictly as their messages (<c>rule.finding</c>).
/// </summary>
public class FindingTests
{
    private static CaseFile Roster(string file) =>
        CaseFileSerializer.ReadFile(Path.Combine(RuleFiles.RepoRoot, "samples", "roster-2019", file)).GetValueOrThrow();

    private static CaseEvaluation Evaluate(CaseFile file, LocalDate asOf) => new CaseEvaluator(RuleCatalog.Shipped).Evaluate(file, asOf).Value!;

    [Fact]
    public void Every_rule_of_every_era_has_a_title_and_a_finding()
    {
        var rules = RuleCatalog.Shipped.RuleSets.SelectMany(s => s.Workflows.SelectMany(w => w.Rules.Select(r => (Set: s.Id, Rule: r)))).ToArray();
        Assert.Equal(4, RuleCatalog.Shipped.RuleSets.Length);
        Assert.All(rules, x =>
        {
            Assert.True(x.Rule.Finding is not null, $"{x.Set} {x.Rule.Id} has no finding");
            Assert.False(string.IsNullOrWhiteSpace(x.Rule.Title.Vi), $"{x.Set} {x.Rule.Id} has no Vietnamese title");
            Assert.False(string.IsNullOrWhiteSpace(x.Rule.Title.En), $"{x.Set} {x.Rule.Id} has no English title");
            Assert.DoesNotContain(x.Rule.Id, x.Rule.Title.Vi, StringComparison.Ordinal);
        });
    }

    /// <summary>rules/tests sees every rule of every era fail: each failure of each test's answer states its finding, filled.</summary>
    [Fact]
    public void Every_rule_renders_its_finding_for_the_shipped_rule_tests()
    {
        var suite = RuleTestLoader.LoadDirectory(Path.Combine(RuleFiles.RepoRoot, "rules", "tests")).GetValueOrThrow();
        var rendered = new HashSet<(string, string)>();
        foreach (var test in suite.Tests)
        {
            var answer = new CaseEvaluator(RuleCatalog.Shipped).Evaluate(test.Case, test.AsOf).Value!;
            var failed = answer.Checks.Concat(answer.Standing ?? []).Where(c => !c.Passed && !c.Pending && c.Error is null)
                .Select(c => (Set: answer.RuleSet!, c.Rule, c.Finding, c.Facts, c.Title))
                .Concat(answer.Violations.Select(v => (Set: v.RuleSet, v.Rule, v.Finding, v.Facts, v.Title)));
            foreach (var (set, rule, finding, facts, title) in failed)
            {
                Assert.True(finding is not null, $"{test.File}: {rule} failed without a finding");
                Assert.NotNull(facts);
                Assert.NotNull(title);
                foreach (var text in new[] { finding!.Value.Vi, finding.Value.En })
                {
                    Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("(không rõ)", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("(unknown)", text, StringComparison.Ordinal);
                }

                Assert.DoesNotMatch(@"\b\d{4}-\d{2}-\d{2}\b", finding.Value.Vi);
                rendered.Add((set, rule));
            }
        }

        var all = RuleCatalog.Shipped.RuleSets.SelectMany(s => s.Workflows.SelectMany(w => w.Rules.Select(r => (s.Id, r.Id)))).ToHashSet();
        var never = all.Except(rendered).Select(x => $"{x.Item1} {x.Item2}").Order(StringComparer.Ordinal).ToArray();
        Assert.True(never.Length == 0, "never rendered for a failure: " + string.Join(", ", never));
    }

    // The seed's planted violation: the cell voted 8 of 15 for Đặng Văn Tùng on 05/07/2019.
    [Fact]
    public void Vote_short_of_two_thirds_states_the_count_the_share_and_the_votes_needed()
    {
        var answer = Evaluate(Roster("10-dang-van-tung.case.json"), new LocalDate(2019, 12, 31));
        var vote = Assert.Single(answer.Violations, v => v.Rule == "vote.cellTwoThirds");
        Assert.Equal("8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10", vote.Finding!.Value.Vi);
        Assert.Equal("8 of 15 full members in favour (53%); at least 10 needed", vote.Finding.Value.En);
        Assert.Equal(8, vote.Facts!["vote.inFavour"]);
        Assert.Equal(15, vote.Facts["vote.fullMembers"]);
        Assert.Equal(10, vote.Facts["vote.needed"]);
        Assert.Equal(53, vote.Facts["vote.percent"]);
        Assert.Equal(EventKind.CellVoted, vote.EventKind);
        Assert.Equal(new LocalDate(2019, 7, 5), vote.EventDate);
        Assert.Equal("Tỷ lệ tán thành của chi bộ", vote.Title!.Value.Vi);
        Assert.Equal("chi bộ biểu quyết ngày 05/07/2019", Text.Labels.EventOn(vote.EventKind!.Value, vote.EventDate!.Value).Vi);
    }

    [Fact]
    public void Late_ceremony_states_its_date_the_due_date_the_lateness_and_the_day_the_decision_came()
    {
        var answer = Evaluate(Roster("10-dang-van-tung.case.json"), new LocalDate(2019, 12, 31));
        var late = Assert.Single(answer.Violations, v => v.Rule == "ceremony.deadline");
        Assert.Equal("lễ kết nạp ngày 20/12/2019, quá hạn 57 ngày làm việc so với hạn 02/10/2019 (nhận quyết định ngày 20/08/2019)", late.Finding!.Value.Vi);
        Assert.Equal("ceremony on 2019-12-20, 57 working days after the due date 2019-10-02 (decision received on 2019-08-20)", late.Finding.Value.En);
        Assert.Equal(new LocalDate(2019, 10, 2), late.Facts!["ceremony.due"]);
        Assert.Equal(new LocalDate(2019, 8, 20), late.Facts["ceremony.decisionReceivedOn"]);
        Assert.Equal(57, late.Facts["ceremony.workingDaysLate"]);

        // The deadline says the same, with its lateness in working days.
        var deadline = Assert.Single(answer.Deadlines, d => d.Action == DeadlineAction.HoldCeremony);
        Assert.Equal(DeadlineStatus.MetLate, deadline.Status);
        Assert.Equal(57, deadline.WorkingDaysLate);
        Assert.Equal(EventKind.AdmissionDecisionReceived, deadline.StartEvent);
        Assert.StartsWith("lễ kết nạp ngày 20/12/2019, quá hạn 57 ngày làm việc so với hạn 02/10/2019", deadline.Finding!.Value.Vi, StringComparison.Ordinal);
    }

    // Bích Ngọc: the decision received on 01/11/2019, no ceremony by the year's end.
    [Fact]
    public void Overdue_ceremony_ahead_states_the_days_past_the_due_date()
    {
        var answer = Evaluate(Roster("07-truong-thi-bich-ngoc.case.json"), new LocalDate(2019, 12, 31));
        var check = Assert.Single(answer.Checks, c => c.Rule == "ceremony.deadline");
        Assert.False(check.Passed);
        Assert.Equal("đến ngày 31/12/2019 chưa tổ chức lễ kết nạp, đã quá hạn 12 ngày làm việc so với hạn 13/12/2019 (nhận quyết định ngày 01/11/2019)", check.Finding!.Value.Vi);
        var deadline = Assert.Single(answer.Deadlines, d => d.Action == DeadlineAction.HoldCeremony);
        Assert.Equal((DeadlineStatus.Overdue, 12), (deadline.Status, deadline.WorkingDaysLate));

        // A passed check has no finding: the finding states a failure.
        Assert.All(answer.Checks.Where(c => c.Passed), c => Assert.Null(c.Finding));
    }

    [Fact]
    public void The_json_answer_gains_title_finding_facts_event_and_the_deadlines_lateness()
    {
        var file = Roster("10-dang-van-tung.case.json");
        var answer = Evaluate(file, new LocalDate(2019, 12, 31));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(answer, ChiBoJson.Options));
        var vote = json.RootElement.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "vote.cellTwoThirds");
        Assert.Equal("8/15 đảng viên chính thức tán thành (53%), cần ít nhất 10", vote.GetProperty("finding").GetProperty("vi").GetString());
        Assert.Equal(10, vote.GetProperty("facts").GetProperty("vote.needed").GetInt32());
        Assert.Equal("cellVoted", vote.GetProperty("eventKind").GetString());
        Assert.Equal("2019-07-05", vote.GetProperty("eventDate").GetString());
        Assert.Equal("The cell's vote in favour", vote.GetProperty("title").GetProperty("en").GetString());
        var late = json.RootElement.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "ceremony.deadline");
        Assert.Equal("2019-10-02", late.GetProperty("facts").GetProperty("ceremony.due").GetString());
        var ceremony = json.RootElement.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("action").GetString() == "holdCeremony");
        Assert.Equal(57, ceremony.GetProperty("workingDaysLate").GetInt32());
        Assert.Equal("admissionDecisionReceived", ceremony.GetProperty("startEvent").GetString());
        Assert.True(ceremony.TryGetProperty("finding", out _));
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.TryGetProperty("title", out _)));
        // The contract's 0-based event index is unchanged: it points at the vote in the file.
        Assert.Equal(EventKind.CellVoted, file.Events[vote.GetProperty("event").GetInt32()].Kind);
    }

    [Fact]
    public void Two_answers_about_the_same_case_are_equal_with_their_facts()
    {
        var file = Roster("10-dang-van-tung.case.json");
        var (a, b) = (Evaluate(file, new LocalDate(2019, 12, 31)), Evaluate(file, new LocalDate(2019, 12, 31)));
        Assert.True(a.Violations.SequenceEqual(b.Violations));
        Assert.Equal(a.Violations[0].Facts!.GetHashCode(), b.Violations[0].Facts!.GetHashCode());
        Assert.NotEqual(a.Violations[0].Facts, a.Violations[1].Facts);
    }

    /// <summary>
    /// A finding is made when first read (an answer whose findings nobody reads does not pay for their words): read from
    /// many threads at once, the findings of one answer are those of an answer read on one thread.
    /// </summary>
    [Fact]
    public void Findings_made_when_first_read_are_the_same_from_many_threads()
    {
        var file = Roster("03-vo-thi-thanh-tam.case.json");
        var expected = Evaluate(file, new LocalDate(2019, 12, 31));
        var texts = expected.Checks.Select(c => c.Finding).ToArray();
        var shared = Evaluate(file, new LocalDate(2019, 12, 31));
        var read = new LocalizedTextArray[64];
        System.Threading.Tasks.Parallel.For(0, read.Length, i => read[i] = new LocalizedTextArray(shared.Checks.Select(c => c.Finding).ToArray()));
        Assert.All(read, r => Assert.Equal(texts, r.Items));
        Assert.Contains(texts, t => t is not null);
        Assert.True(expected.Checks.SequenceEqual(shared.Checks));
    }

    private sealed record LocalizedTextArray(Text.LocalizedText?[] Items);

    /// <summary>
    /// For any cell vote, the finding of <c>vote.cellTwoThirds</c> states the count, and the votes needed are the fewest
    /// that make two thirds (ceil(2m/3)), always more than the count of a failed vote; its share is never shown as 67%.
    /// </summary>
    [Property(MaxTest = 300, Replay = "(20261214,20261215)")]
    public Property A_failed_vote_states_its_count_and_the_fewest_votes_that_make_two_thirds(PositiveInt members, NonNegativeInt votes)
    {
        var fullMembers = 1 + members.Get % 300;
        var inFavour = votes.Get % (fullMembers + 1);
        var vote = new LocalDate(2019, 6, 3);
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, inFavour, fullMembers));
        var violation = Cases.Violations(new CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. events]), vote)
            .SingleOrDefault(v => v.Rule == "vote.cellTwoThirds");
        var fewest = Enumerable.Range(0, fullMembers + 1).First(n => n * 3 >= fullMembers * 2);
        return (violation is null == (inFavour >= fewest)
            && (violation is null
                || ((int)violation.Facts!["vote.needed"] == fewest
                    && (int)violation.Facts["vote.percent"] <= 66
                    && violation.Finding!.Value.Vi.StartsWith($"{inFavour}/{fullMembers} đảng viên chính thức tán thành", StringComparison.Ordinal)
                    && violation.Finding.Value.En.EndsWith($"at least {fewest} needed", StringComparison.Ordinal))))
            .Label($"{inFavour}/{fullMembers}: {violation?.Finding}");
    }

    [Theory]
    [InlineData("{vote.inFavor}/{vote.fullMembers}", "vote.inFavour")]
    [InlineData("{cerimony.due}", "ceremony.due")]
    [InlineData("{params.voteNumeratr}", "params.voteNumerator")]
    public void A_finding_naming_an_unknown_fact_fails_the_load_with_the_rule_its_line_and_a_suggestion(string vi, string suggestion)
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "vote.cellTwoThirds")["finding"]!["vi"] = vi;
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.finding", "vote.cellTwoThirds"), (error.Code, error.Rule));
        Assert.Equal("edited.json", error.File);
        Assert.NotNull(error.Line);
        Assert.Contains($"Did you mean '{suggestion}'?", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Có phải ý bạn là '{suggestion}'?", error.Text.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{vote.held}", "yes/no fact")]
    [InlineData("{vote.inFavour?a|b}", "only a yes/no fact")]
    [InlineData("{gate.date:years}", "not a number of months")]
    [InlineData("{vote.inFavour:percent}", "does not exist")]
    [InlineData("8 } 15", "closes no placeholder")]
    [InlineData("{ vote.inFavour }", "not a placeholder")]
    [InlineData("{vote.held?a}", "two texts")]
    public void A_malformed_finding_fails_the_load(string en, string problem)
    {
        var node = RuleFiles.Node("2021-qd24");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "vote.cellTwoThirds")["finding"]!["en"] = en;
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal("rule.finding", error.Code);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".finding.en", error.Path, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Text.Vi));
    }

    [Fact]
    public void A_finding_with_only_one_language_fails_the_load()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "ceremony", "ceremony.deadline")["finding"]!.AsObject().Remove("en");
        var error = Assert.Single(RuleFiles.Load(node).Errors);
        Assert.Equal(("rule.missingField", "ceremony.deadline"), (error.Code, error.Rule));
    }

    [Fact]
    public void A_rule_without_title_or_finding_still_loads_with_a_title_from_its_message_and_no_finding()
    {
        var node = RuleFiles.Node("2016-qd29");
        var rule = RuleFiles.RuleOf(node, "ceremony", "ceremony.deadline");
        rule.Remove("title");
        rule.Remove("finding");
        var set = RuleFiles.Load(node).GetValueOrThrow();
        var loaded = set.WorkflowFor(Gate.Ceremony)!.Rules.Single();
        Assert.Null(loaded.Finding);
        Assert.Equal("Tổ chức lễ kết nạp trong 30 ngày làm việc kể từ ngày nhận quyết định, hoặc được cấp ủy cấp trên đồng ý lùi", loaded.Title.Vi);
    }
}
