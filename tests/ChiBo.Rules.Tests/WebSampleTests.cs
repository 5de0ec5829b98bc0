using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue "For host developers" (item 5): the ASP.NET Core host of docs/packaging.md (samples/ChiBo.WebSample) reads a
/// case file from the request body with ReadAsync, validates it with IValidator&lt;CaseFile&gt;, answers the contract JSON,
/// and fails at start-up when its rules folder is broken.
/// </summary>
public sealed class WebSampleTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> factory;

    public WebSampleTests(WebApplicationFactory<Program> factory)
    {
        this.factory = factory;
    }

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RuleFiles.RepoRoot, "samples", "cases", name));

    [Fact]
    public async Task A_case_file_posted_is_answered_with_the_contract_json()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/evaluate?asOf=2019-06-10", Body(Sample("staff-past-youth-age.case.json")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("admissionDecided", answer.RootElement.GetProperty("stage").GetString());
        Assert.Equal("2016-qd29", answer.RootElement.GetProperty("ruleSet").GetString());
        Assert.Equal("ceremony", answer.RootElement.GetProperty("nextGate").GetString());
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_with_the_readers_errors()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/evaluate?asOf=2019-06-10", Body("{ \"formatVersion\": 1, \"person\": "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("json.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_outside_the_calendar_is_a_400_with_its_code()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/evaluate?asOf=2101-01-01", Body(Sample("staff-past-youth-age.case.json")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf.outOfRange", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_with_a_broken_rules_folder_fails_at_start_up_naming_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-web-").FullName;
        try
        {
            var node = RuleFiles.Node("2016-qd29");
            RuleFiles.RuleOf(node, "cellAdmissionVote", "age.minimum")["Expression"] = "age.months >= params.nope";
            File.WriteAllText(Path.Combine(folder, "2016-qd29.json"), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            using var broken = factory.WithWebHostBuilder(b => b.UseSetting("ChiBo:RulesFolder", folder));
            var error = Assert.Throws<RuleLoadException>(() => broken.CreateClient());
            var problem = Assert.Single(error.Errors);
            Assert.EndsWith("2016-qd29.json", problem.File, StringComparison.Ordinal);
            Assert.NotNull(problem.Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
