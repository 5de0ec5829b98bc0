using System;
using System.IO;
using System.Threading.Tasks;
using ChiBo.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>Issue "For host developers" (item 5): AddChiBo has no hidden needs, and a host fails at start-up, not at the first request.</summary>
public sealed class HostStartupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("chibo-host-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string BrokenFolder()
    {
        var node = RuleFiles.Node("2016-qd29");
        RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.months >= params.nope";
        File.WriteAllText(Path.Combine(folder, "2016-qd29.json"), node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return folder;
    }

    [Fact]
    public void A_bare_ServiceCollection_resolves_the_evaluation_service_without_AddLogging()
    {
        using var provider = new ServiceCollection().AddChiBo().BuildServiceProvider();
        var service = provider.GetRequiredService<CaseEvaluationService>();
        var file = new ChiBo.Cases.CaseFile(Cases.Person(new NodaTime.LocalDate(1994, 1, 1)), Cases.GrassrootsCell, [.. Cases.Dossier(new NodaTime.LocalDate(2019, 6, 3))]);
        Assert.Equal("2016-qd29", service.Evaluate(file, new NodaTime.LocalDate(2019, 6, 10)).Value!.RuleSet);
    }

    [Fact]
    public async Task A_host_with_a_broken_rules_folder_fails_at_start_up_naming_file_rule_and_line()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddChiBo(o => o.RulesFolder = BrokenFolder());
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<RuleLoadException>(() => host.StartAsync());
        var problem = Assert.Single(error.Errors);
        Assert.Equal("age.minimum", problem.Rule);
        Assert.EndsWith("2016-qd29.json", problem.File, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public async Task A_host_with_good_rules_has_them_loaded_once_started()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddChiBo();
        using var host = builder.Build();
        await host.StartAsync();
        Assert.NotEmpty(host.Services.GetRequiredService<RuleCatalog>().RuleSets);
        await host.StopAsync();
    }

    [Fact]
    public async Task Options_are_validated_at_start_up_in_both_languages()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddChiBo(o =>
        {
            o.RulesFolder = Path.Combine(folder, "nowhere");
            o.WatchRulesFolder = true;
        });
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("[options.rulesFolder]", StringComparison.Ordinal) && f.Contains("không có thư mục", StringComparison.Ordinal));
    }

    [Fact]
    public void The_options_validator_names_each_problem_with_a_code()
    {
        var result = new ChiBoOptionsValidator().Validate(new ChiBoOptions { WatchRulesFolder = true, Language = (Text.Language)42 });
        Assert.Equal(["options.watchWithoutFolder", "options.language"], result.Errors.ConvertAll(e => e.ErrorCode));
        Assert.True(new ChiBoOptionsValidator().Validate(new ChiBoOptions()).IsValid);
    }
}
