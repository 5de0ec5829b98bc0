using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ChiBo.Server.Tests;

/// <summary>Issue "chibo serve" (item 2): the pages, server-rendered and in Vietnamese by default, through WebApplicationFactory.</summary>
public sealed class PagesTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> factory;

    public PagesTests(WebApplicationFactory<Program> factory)
    {
        this.factory = factory;
    }

    [Fact]
    public async Task The_rules_explorer_shows_every_era_and_the_parameters_across_eras()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/rules");
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        foreach (var era in new[] { "2016-qd29", "2021-qd24", "2025-qd232", "2025-qd294" })
        {
            Assert.Contains(era, html, StringComparison.Ordinal);
        }

        Assert.Contains("Tham số theo thời kỳ", html, StringComparison.Ordinal);
        Assert.Contains("age.minimum", html, StringComparison.Ordinal);
        Assert.Contains("Parameters by era", await client.GetStringAsync("/rules?lang=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_pasted_into_the_page_shows_its_stage_checks_and_timeline()
    {
        using var client = factory.CreateClient();
        var text = File.ReadAllText(Path.Combine(ServerApiTests.Root, "samples", "cases", "staff-past-youth-age.case.json"));
        using var form = new MultipartFormDataContent { { new StringContent(text), "case" }, { new StringContent("2019-06-10"), "asOf" } };
        using var response = await client.PostAsync("/case", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã có quyết định kết nạp", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("quá hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_uploaded_shows_its_due_work_plan_and_audit()
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(ServerApiTests.Root, "samples", "roster-2019")))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(zipped.ToArray()), "roster", "roster.zip" }, { new StringContent("2019-12-31"), "asOf" } };
        using var response = await client.PostAsync("/roster", form);
        var page = await response.Content.ReadAsStringAsync();
        // Issue 16: each report can be downloaded as Markdown, a printable page and a Word file.
        foreach (var id in new[] { "due-md", "plan-html", "audit-docx" })
        {
            Assert.Contains($"<a id=\"{id}\" download=", page, StringComparison.Ordinal);
        }

        var docx = System.Text.RegularExpressions.Regex.Match(page, "id=\"plan-docx\" download=\"plan.docx\" href=\"data:[^;]+;base64,([^\"]+)\"").Groups[1].Value;
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(docx)), false))
        {
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("VIỆC ĐẾN HẠN", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"plan\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"audit\">", html, StringComparison.Ordinal);
    }
}
