using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace ChiBo.Server.Tests;

/// <summary>
/// A fact that needs Debian's Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it): skipped, saying
/// why, on a machine without it. Playwright's own browser download does not work here, so Debian's is launched.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>The browser launched.</summary>
    public static readonly string Chromium = Environment.GetEnvironmentVariable("CHIBO_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Creates the attribute.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"no Chromium at {Chromium}: apt-get install chromium (or set CHIBO_CHROMIUM)";
        }
    }
}

/// <summary>The service on the loopback address and a headless Chromium driven by Playwright, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplication? app;
    private IPlaywright? playwright;

    /// <summary>The service's address.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        app = ChiBoServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }

        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>Issue "chibo serve" (item 3): the pages as a secretary meets them, in a real Chromium, in Vietnamese.</summary>
public sealed class BrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture fixture;

    public BrowserTests(BrowserFixture fixture)
    {
        this.fixture = fixture;
    }

    [BrowserFact]
    public async Task The_rules_explorer_shows_the_eras_and_the_parameters_in_vietnamese()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Address + "/rules");
        Assert.Equal("Quy định theo thời kỳ", await page.TextContentAsync("h1"));
        Assert.Contains("2025-qd294", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("text=Tham số theo thời kỳ").CountAsync() > 0);
    }

    [BrowserFact]
    public async Task A_case_evaluated_through_the_page_shows_its_stage_and_timeline()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Address + "/case");
        await page.FillAsync("#case", await File.ReadAllTextAsync(Path.Combine(ServerApiTests.Root, "samples", "cases", "staff-past-youth-age.case.json")));
        await page.FillAsync("#asOf", "2019-06-10");
        await page.ClickAsync("#evaluate");
        await page.WaitForSelectorAsync("#stage");
        Assert.Equal("Đã có quyết định kết nạp", await page.TextContentAsync("#stage"));
        Assert.Equal(1, await page.Locator("svg#timeline").CountAsync());
        Assert.True(await page.Locator("svg#timeline circle").CountAsync() > 5);
    }

    [BrowserFact]
    public async Task A_roster_uploaded_through_the_page_shows_its_due_work()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"chibo-roster-{Guid.NewGuid():N}.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                foreach (var file in Directory.GetFiles(Path.Combine(ServerApiTests.Root, "samples", "roster-2019")))
                {
                    zip.CreateEntryFromFile(file, Path.GetFileName(file));
                }
            }

            var page = await fixture.Browser.NewPageAsync();
            await page.GotoAsync(fixture.Address + "/roster");
            await page.SetInputFilesAsync("#roster", zipPath);
            await page.FillAsync("#asOf", "2019-12-31");
            await page.ClickAsync("#show");
            await page.WaitForSelectorAsync("#due");
            Assert.Contains("VIỆC ĐẾN HẠN", await page.TextContentAsync("#due"), StringComparison.Ordinal);
            Assert.True(await page.Locator("#due table tr").CountAsync() > 1);
        }
        finally
        {
            File.Delete(zipPath);
        }
    }
}
