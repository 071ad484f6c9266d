using System.Net;
using System.Text.Json;
using Maxxit.Sdk.Positions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Maxxit.Sample.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium, after the original quick start: it shows the venue share, the trade and
/// the open position, updates by itself after another execution, logs no console error, touches no other origin, and
/// leaves screenshots (laptop and phone) under the test output's <c>screenshots/</c>.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task After_the_quick_start_the_page_shows_the_trade_and_updates_without_a_reload()
    {
        await using var browser = await SystemChromium.LaunchAsync(1366, 1000);
        var api = new ApiServer();
        await api.InitializeAsync();
        try
        {
            var origin = api.Http.BaseAddress!.ToString().TrimEnd('/');
            var problems = new List<string>();
            var requests = new List<string>();
            var page = await browser.Context.NewPageAsync();
            page.SetDefaultTimeout(20_000);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    lock (problems)
                    {
                        problems.Add($"console {message.Type}: {message.Text}");
                    }
                }
            };
            page.PageError += (_, error) =>
            {
                lock (problems)
                {
                    problems.Add("page error: " + error);
                }
            };
            page.Request += (_, request) =>
            {
                lock (requests)
                {
                    requests.Add(request.Url);
                }
            };

            // The original quick start: create, deploy, generate, execute.
            var agentId = await CreateAndDeployAsync(api);
            var eth = await QuickStart.GenerateAsync(api, agentId, "ETH");
            var executed = await QuickStart.ExecuteAsync(api, eth.Json.GetProperty("signal").GetProperty("id").GetGuid());
            Assert.Equal("HYPERLIQUID", executed.Json.GetProperty("final_venue").GetString());

            var response = await page.GotoAsync(origin + "/?refresh=300");
            Assert.Equal(200, response!.Status);

            var hyperliquid = page.Locator("#routing-table tr[data-venue='HYPERLIQUID']");
            await hyperliquid.WaitForAsync();
            Assert.Contains("HYPERLIQUID", await hyperliquid.InnerTextAsync());
            Assert.Equal("100%", await hyperliquid.Locator(".share").InnerTextAsync());

            var activity = page.Locator("#activity-table tbody tr[data-token='ETH']");
            var activityText = await activity.InnerTextAsync();
            Assert.Contains("LONG", activityText);
            Assert.Contains("85%", activityText);
            Assert.Contains("HYPERLIQUID: pair available", activityText);

            var position = page.Locator("#open-table tbody tr[data-token='ETH']");
            var entry = executed.Json.GetProperty("position").GetProperty("entry_price").GetDecimal();
            var positionText = await position.InnerTextAsync();
            Assert.Contains("HYPERLIQUID", positionText);
            Assert.Contains(entry.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), positionText);
            Assert.Contains("trailing", positionText);

            // Every lifecycle state has its bar, in the page as in the enum.
            foreach (var status in Enum.GetValues<PositionStatus>())
            {
                var name = JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());
                Assert.Equal(1, await page.Locator($"#states-chart g[data-status='{name}']").CountAsync());
            }

            Assert.Equal("1", await page.Locator("#states-chart g[data-status='OPEN'] text.count").TextContentAsync());
            Assert.Contains("Alpha Hunter V3", await page.Locator("#agents").InnerTextAsync());

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "dashboard-laptop.png"), FullPage = true });

            // Another execution: the open page follows without a reload (the marker set on this document survives).
            await page.EvaluateAsync("() => { window.__sameDocument = 'yes'; }");
            var xau = await QuickStart.GenerateAsync(api, agentId, "XAU");
            var second = await QuickStart.ExecuteAsync(api, xau.Json.GetProperty("signal").GetProperty("id").GetGuid());
            Assert.Equal(HttpStatusCode.OK, second.Status);
            Assert.Equal("OSTIUM", second.Json.GetProperty("final_venue").GetString());

            await page.Locator("#routing-table tr[data-venue='OSTIUM']").WaitForAsync();
            await page.WaitForFunctionAsync("() => document.querySelector(\"#routing-table tr[data-venue='HYPERLIQUID'] .share\").textContent === '50%'");
            await page.Locator("#activity-table tbody tr[data-token='XAU']").WaitForAsync();
            await page.Locator("#open-table tbody tr[data-token='XAU']").WaitForAsync();
            Assert.Equal("XAU", await page.Locator("#activity-table tbody tr").First.GetAttributeAsync("data-token"));
            Assert.Equal("2", await page.Locator("#states-chart g[data-status='OPEN'] text.count").TextContentAsync());
            Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.__sameDocument"));

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "dashboard-laptop-updated.png"), FullPage = true });

            // A phone-sized view of the same page.
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            await page.Locator("#routing-table tr[data-venue='OSTIUM']").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "dashboard-phone.png"), FullPage = true });
            await page.CloseAsync();
            output.WriteLine("Screenshots: " + ScreenshotDirectory);

            lock (problems)
            {
                Assert.Empty(problems);
            }

            lock (requests)
            {
                Assert.NotEmpty(requests);
                Assert.All(requests, url => Assert.StartsWith(origin + "/", url, StringComparison.Ordinal));
            }
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    private static async Task<Guid> CreateAndDeployAsync(ApiServer api)
    {
        var created = await api.PostAsync("/api/v3/agents/create", $$"""{"creator_wallet": "{{Wallets.Creator}}", "name": "Alpha Hunter V3"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var agentId = created.Json.GetProperty("agent").GetProperty("id").GetGuid();
        var deployed = await api.PostAsync("/api/v3/agents/deploy", $$"""{"agent_id": "{{agentId}}", "user_wallet": "{{Wallets.User}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}"}""");
        Assert.Equal(HttpStatusCode.Created, deployed.Status);
        return agentId;
    }
}
