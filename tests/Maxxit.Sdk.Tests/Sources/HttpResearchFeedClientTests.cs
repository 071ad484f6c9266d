using Maxxit.Sdk.Sources;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Sources;

public sealed class HttpResearchFeedClientTests
{
    private const string Feed = """
        [
          {"id": "r2", "institute_id": "inst-1", "token": "btc", "side": "SELL", "reasoning": "miners selling", "created_at": "2026-11-24T10:05:00Z"},
          {"id": "r1", "institute_id": "inst-1", "token": "ETH", "side": "BUY", "reasoning": "ETF inflows", "created_at": "2026-11-24T10:00:00Z"},
          {"id": "r3", "institute_id": "inst-1", "token": "SOL", "side": "HOLD", "reasoning": "?", "created_at": "2026-11-24T10:06:00Z"},
          {"id": "r4", "institute_id": "inst-1", "token": "XAU", "side": "BUY", "created_at": "not a time"},
          {"id": "r5", "institute_id": "inst-1", "token": "XAU", "side": "BUY", "reasoning": "haven demand", "created_at": "2026-11-24T10:05:00Z"}
        ]
        """;

    [Fact]
    public async Task Reads_valid_items_oldest_first_and_drops_invalid_ones_with_a_warning()
    {
        await using var server = new LoopbackHttpServer(_ => new(200, Feed));
        var log = new CapturingLogger<HttpResearchFeedClient>();
        using var http = new HttpClient();
        var client = new HttpResearchFeedClient(http, Options.Create(new ResearchFeedOptions { BaseAddress = server.BaseAddress, ApiKey = "feed-key-77" }), log);

        var items = await client.GetResearchAsync("inst-1", null, default);

        Assert.Equal(["r1 ETH Long", "r2 BTC Short", "r5 XAU Long"], items.Select(i => $"{i.Id} {i.TokenSymbol} {i.Side}"));
        Assert.Equal("ETF inflows", items[0].Reasoning);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/institutes/inst-1/signals", "Bearer feed-key-77"), (request.PathAndQuery, request.Authorization));
        Assert.Contains("side must be BUY or SELL", log.All);
        Assert.Contains("created_at", log.All);
        Assert.DoesNotContain("feed-key-77", log.All);
    }

    [Fact]
    public async Task Since_a_position_returns_only_later_items_even_when_the_feed_repeats_older_ones()
    {
        await using var server = new LoopbackHttpServer(_ => new(200, "{\"data\": " + Feed + "}"));
        using var http = new HttpClient();
        var client = new HttpResearchFeedClient(http, Options.Create(new ResearchFeedOptions { BaseAddress = server.BaseAddress }), new CapturingLogger<HttpResearchFeedClient>());

        // r2 and r5 share a timestamp: the id breaks the tie, so r5 (after r2) is still new.
        var after = new ResearchPosition(new DateTimeOffset(2026, 11, 24, 10, 5, 0, TimeSpan.Zero), "r2");
        var items = await client.GetResearchAsync("inst-1", after, default);

        Assert.Equal(["r5"], items.Select(i => i.Id));
        Assert.Contains("since=2026-11-24T10%3A05%3A00.0000000Z", Assert.Single(server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData(500, "[]")]
    [InlineData(200, "{\"oops\": 1}")]
    [InlineData(200, "<html>")]
    public async Task A_failing_or_malformed_feed_is_a_typed_source_error(int status, string body)
    {
        await using var server = new LoopbackHttpServer(_ => new(status, body));
        using var http = new HttpClient();
        var client = new HttpResearchFeedClient(http, Options.Create(new ResearchFeedOptions { BaseAddress = server.BaseAddress }), new CapturingLogger<HttpResearchFeedClient>());

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => client.GetResearchAsync("inst-1", null, default));
        Assert.Equal("research", error.Source);
    }

    [Fact]
    public async Task An_unreachable_feed_is_a_typed_source_error()
    {
        Uri dead;
        await using (var server = new LoopbackHttpServer(_ => new(200, "[]")))
        {
            dead = server.BaseAddress;
        }

        using var http = new HttpClient();
        var client = new HttpResearchFeedClient(http, Options.Create(new ResearchFeedOptions { BaseAddress = dead }), new CapturingLogger<HttpResearchFeedClient>());
        await Assert.ThrowsAsync<SourceUnavailableException>(() => client.GetResearchAsync("inst-1", null, default));
    }
}
