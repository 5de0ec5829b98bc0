using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

public class HostingTests
{
    // Issue 11 item 7: 24/11/2026 (Ngày Văn hóa Việt Nam) is a working day unless the host switches it on.
    [Fact]
    public void A_host_switches_on_the_optional_24_November_day_off_through_the_options()
    {
        using var plain = new ServiceCollection().AddChiBo().BuildServiceProvider();
        Assert.True(plain.GetRequiredService<ChiBo.Calendar.WorkingDayCalendar>().IsWorkingDay(new LocalDate(2026, 11, 24)));
        using var provider = new ServiceCollection().AddChiBo(o => o.OptionalDaysOff.Add("vietnamCultureDay")).BuildServiceProvider();
        Assert.False(provider.GetRequiredService<ChiBo.Calendar.WorkingDayCalendar>().IsWorkingDay(new LocalDate(2026, 11, 24)));
    }

    [Fact]
    public void AddChiBo_serves_the_shipped_rules_with_the_hosts_clock_and_logs_each_rule_set()
    {
        var logs = new ListLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2019, 6, 9, 18, 0))) // 01:00 on 10 June in Vietnam
            .AddChiBo(o => o.Language = Text.Language.English)
            .BuildServiceProvider();

        var service = provider.GetRequiredService<CaseEvaluationService>();
        Assert.Equal(new LocalDate(2019, 6, 10), service.Today);
        Assert.Equal(Text.Language.English, service.Language);
        Assert.Same(provider.GetRequiredService<RuleCatalog>(), provider.GetRequiredService<ICaseRules>());

        var vote = new LocalDate(2019, 6, 3);
        var file = new ChiBo.Cases.CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. Cases.Dossier(vote)]);
        var evaluation = service.Evaluate(file).Value!;
        Assert.Equal("2016-qd29", evaluation.RuleSet);
        Assert.Equal(new LocalDate(2019, 6, 10), evaluation.AsOf);

        Assert.Equal(4, logs.Messages.Count(m => m.Contains("Rule set", StringComparison.Ordinal) && m.Contains("loaded", StringComparison.Ordinal)));
        Assert.Contains(logs.Messages, m => m.Contains("rule set 2016-qd29 chosen", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_rules_folder_fails_with_every_problem_named()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-rules-").FullName;
        try
        {
            var node = RuleFiles.Node("2016-qd29");
            RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.months >= params.nope";
            File.WriteAllText(Path.Combine(folder, "2016-qd29.json"), node.ToJsonString());
            using var provider = new ServiceCollection().AddLogging().AddChiBo(o => o.RulesFolder = folder).BuildServiceProvider();
            var error = Assert.Throws<RuleLoadException>(() => provider.GetRequiredService<CaseEvaluator>());
            Assert.Equal("age.minimum", Assert.Single(error.Errors).Rule);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_watched_rules_folder_follows_an_edit_and_keeps_the_last_good_rules_on_a_broken_one()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-watch-").FullName;
        try
        {
            foreach (var file in RuleFiles.Shipped)
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            using var provider = new ServiceCollection().AddLogging()
                .AddChiBo(o => { o.RulesFolder = folder; o.WatchRulesFolder = true; })
                .BuildServiceProvider();
            var service = provider.GetRequiredService<CaseEvaluationService>();
            var watched = provider.GetRequiredService<RuleCatalogProvider>();
            Assert.Same(watched, provider.GetRequiredService<ICaseRules>());

            // A 25-year-old voted in 2019: no age violation under the shipped 216 months.
            var vote = new LocalDate(2019, 6, 3);
            var events = Cases.Dossier(vote);
            events.Add(new ChiBo.Cases.CellVoted(vote, ChiBo.Cases.VotePurpose.Admission, 9, 12));
            var file2016 = Path.Combine(folder, "2016-qd29.json");
            var person = Cases.Person(new LocalDate(1994, 1, 1));
            var caseFile = new ChiBo.Cases.CaseFile(person, Cases.GrassrootsCell, [.. events]);
            Assert.Empty(service.Evaluate(caseFile, vote).Value!.Violations);

            // An official raises the minimum age to 30 years (360 months): after the reload the vote is a violation.
            var node = RuleFiles.Node("2016-qd29");
            node["parameters"]!["minAgeMonths"]!["value"] = 360;
            File.WriteAllText(file2016, node.ToJsonString());
            Assert.True(watched.TryReload());
            Assert.Equal("age.minimum", Assert.Single(service.Evaluate(caseFile, vote).Value!.Violations).Rule);

            // A broken edit: the last good rules stay.
            File.WriteAllText(file2016, "{ broken");
            Assert.False(watched.TryReload());
            Assert.Equal("age.minimum", Assert.Single(service.Evaluate(caseFile, vote).Value!.Violations).Rule);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Issue 18 defect 2, defence in depth: a rule that fails when run is a rule error in the answer, and logged.
    [Fact]
    public void A_rule_that_fails_when_run_is_a_rule_error_in_the_answer_and_is_logged()
    {
        var shipped = RuleSetLoader.LoadFile(Path.Combine(RuleFiles.Folder, "2016-qd29.json")).GetValueOrThrow();
        var sound = ChiBo.Rules.Expressions.RuleExpressionCompiler.Check("age.months >= params.minAgeMonths").Expression!;
        var age = sound.Groups[0];
        var months = System.Linq.Expressions.Expression.Property(age, "Months");

        // Built in code, past the loader: age.months / (age.years - age.years) divides by 0 on every case.
        var throwing = sound with
        {
            Body = System.Linq.Expressions.Expression.Equal(
                System.Linq.Expressions.Expression.Divide(months, System.Linq.Expressions.Expression.Subtract(System.Linq.Expressions.Expression.Property(age, "Years"), System.Linq.Expressions.Expression.Property(age, "Years"))),
                months),
        };
        var workflows = shipped.Workflows.Select(w => new RuleWorkflow(
            w.Gate,
            [new RuleDefinition("test.broken", "age.months / (age.years - age.years) == age.months", null, "test", new Text.LocalizedText("Hỏng", "Broken"), null)],
            ChiBo.Rules.Expressions.RuleExpressionCompiler.CompileWorkflow([(throwing, null)], shipped.Parameters)));
        var set = new RuleSet(shipped.Id, shipped.Title, null, shipped.EffectiveFrom, shipped.Sources, shipped.Parameters, [.. workflows], null);
        var catalog = RuleCatalog.Create([set]).GetValueOrThrow();

        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var service = new CaseEvaluationService(
            new CaseEvaluator(catalog), new FakeClock(Instant.FromUtc(2019, 6, 9, 18, 0)),
            Microsoft.Extensions.Options.Options.Create(new ChiBoOptions()), factory.CreateLogger<CaseEvaluationService>());
        var file = new ChiBo.Cases.CaseFile(Cases.Person(new LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. Cases.Dossier(new LocalDate(2019, 6, 3))]);

        var evaluation = service.Evaluate(file).Value!;
        var check = Assert.Single(evaluation.Checks);
        Assert.Equal("test.broken", check.Rule);
        Assert.False(check.Passed);
        Assert.False(check.Pending);
        Assert.Contains("could not be evaluated", check.Error!.Value.En, StringComparison.Ordinal);
        Assert.DoesNotContain(evaluation.Violations, v => v.Rule == "test.broken"); // not a finding against the case
        Assert.Contains(logs.Messages, m => m.Contains("test.broken", StringComparison.Ordinal) && m.Contains("could not be evaluated", StringComparison.Ordinal));
        Assert.Contains("\"error\":", System.Text.Json.JsonSerializer.Serialize(check, ChiBo.Serialization.ChiBoJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", System.Text.Json.JsonSerializer.Serialize(check with { Error = null }, ChiBo.Serialization.ChiBoJson.Options), StringComparison.Ordinal);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}

/// <summary>Deadlines and the rules that judge them count working days on one calendar.</summary>
public class CalendarAgreementTests
{
    [Fact]
    public void An_evaluator_built_on_a_catalog_uses_the_catalogs_calendar_for_deadlines()
    {
        // A host adds a day off (a local decision) inside the ceremony's 30 working days.
        var official = ChiBo.Calendar.WorkingDayCalendar.Default.YearOf(2019);
        var extra = new ChiBo.Calendar.DayOff(new LocalDate(2019, 6, 3), ChiBo.Calendar.HolidayReason.Swapped, new Text.LocalizedText("Nghỉ", "Off"));
        var year = new ChiBo.Calendar.HolidayYear(2019, official.DaysOff.Add(extra), official.WorkingWeekends, official.Decisions);
        var calendar = ChiBo.Calendar.WorkingDayCalendar.Default.WithYears([year]);
        var catalog = RuleCatalog.LoadShipped(calendar).GetValueOrThrow();

        var received = new LocalDate(2019, 5, 20);
        var events = Cases.Admitted(new LocalDate(2019, 4, 1), received, received);
        events.RemoveAt(events.Count - 1);
        var file = new ChiBo.Cases.CaseFile(Cases.Person(new LocalDate(1990, 1, 1)), Cases.GrassrootsCell, [.. events]);
        var asOf = new LocalDate(2019, 5, 21);

        var due = new CaseEvaluator(catalog).Evaluate(file, asOf).Value!.Deadlines.Single(d => d.Action == DeadlineAction.HoldCeremony).Due;
        Assert.Equal(calendar.AddWorkingDays(received, 30), due);
        Assert.NotEqual(ChiBo.Calendar.WorkingDayCalendar.Default.AddWorkingDays(received, 30), due);
    }
}
