using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Sources;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Sources;

public sealed class XApiClientTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<XApiClient> _log = new();

    [Fact]
    public async Task Reads_every_page_oldest_first_with_the_documented_query()
    {
        await using var api = new FakeXApi("42", posts: 12);
        using var http = new HttpClient();
        var client = Client(http, api, o => o.PageSize = 5);

        var posts = await client.GetPostsAsync("42", null, default);

        Assert.Equal(api.Posts.Select(p => p.Id), posts.Select(p => p.Id));
        Assert.All(posts, p => Assert.Equal(("42", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)), (p.AuthorId, p.CreatedAt)));
        var requests = api.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(("GET", "Bearer " + FakeXApi.Token), (r.Method, r.Authorization)));
        Assert.All(requests, r => Assert.StartsWith("/2/users/42/tweets?max_results=5&tweet.fields=created_at,author_id", Uri.UnescapeDataString(r.PathAndQuery)));
        Assert.DoesNotContain("pagination_token", requests[0].PathAndQuery);
        Assert.Contains("pagination_token=tok-5", requests[1].PathAndQuery);
        Assert.Contains("pagination_token=tok-10", requests[2].PathAndQuery);
    }

    [Fact]
    public async Task Since_id_returns_only_newer_posts_and_is_sent_on_every_page()
    {
        await using var api = new FakeXApi("42", posts: 12);
        using var http = new HttpClient();
        var client = Client(http, api, o => o.PageSize = 5);
        var since = api.Posts[5].Id;

        var posts = await client.GetPostsAsync("42", since, default);

        Assert.Equal(api.Posts.Skip(6).Select(p => p.Id), posts.Select(p => p.Id));
        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Contains("since_id=" + since, r.PathAndQuery));
        Assert.Empty(await client.GetPostsAsync("42", api.Posts[^1].Id, default));
    }

    [Fact]
    public async Task Posts_an_api_repeats_at_or_before_since_id_are_dropped()
    {
        await using var api = new FakeXApi("42", posts: 1);
        var old = api.Posts[0].Id;
        api.Script(new(200, $$$"""{"data":[{"id":"{{{old}}}","text":"old $ETH","author_id":"42","created_at":"2026-11-24T09:00:00Z"}],"meta":{"result_count":1}}"""));
        using var http = new HttpClient();

        Assert.Empty(await Client(http, api).GetPostsAsync("42", old, default));
    }

    [Fact]
    public async Task Stops_after_max_pages_with_the_newest_posts_and_a_warning()
    {
        await using var api = new FakeXApi("42", posts: 12);
        using var http = new HttpClient();
        var client = Client(http, api, o => (o.PageSize, o.MaxPages) = (5, 2));

        var posts = await client.GetPostsAsync("42", null, default);

        Assert.Equal(api.Posts.Skip(2).Select(p => p.Id), posts.Select(p => p.Id));
        Assert.Contains(_log.Lines, l => l.Message.Contains("more than 2 pages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_waits_until_x_rate_limit_reset_on_the_time_provider_then_succeeds()
    {
        await using var api = new FakeXApi("42", posts: 3);
        var reset = _time.GetUtcNow().AddSeconds(60).ToUnixTimeSeconds();
        api.Script(new(429, """{"title":"Too Many Requests"}""", new() { ["x-rate-limit-reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture), ["x-rate-limit-remaining"] = "0" }));
        using var http = new HttpClient();
        var read = Client(http, api).GetPostsAsync("42", null, default);

        // Step the fake clock a second at a time; the retry must come when the window resets, not before.
        await WaitUntilAsync(() => _log.All.Contains("rate limit", StringComparison.Ordinal));
        await Task.Delay(50);
        var advanced = 0;
        while (advanced < 120)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            advanced++;
            for (var waited = 0; waited < (advanced >= 60 ? 5000 : 20) && api.Requests.Count < 2; waited += 10)
            {
                await Task.Delay(10);
            }

            if (api.Requests.Count >= 2)
            {
                break;
            }

            Assert.False(read.IsCompleted);
        }

        var posts = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(advanced, 60, 61);
        Assert.Equal(3, posts.Count);
    }

    [Fact]
    public async Task Errors_are_typed_and_never_contain_the_bearer_token()
    {
        await using var api = new FakeXApi("42", posts: 1);
        api.Script(new(401, """{"title":"Unauthorized"}"""));
        api.Script(new(200, "{not json"));
        using var http = new HttpClient();
        var client = Client(http, api);

        var unauthorized = await Assert.ThrowsAsync<SourceUnavailableException>(() => client.GetPostsAsync("42", null, default));
        var malformed = await Assert.ThrowsAsync<SourceUnavailableException>(() => client.GetPostsAsync("42", null, default));
        var badId = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GetPostsAsync("elonmusk", null, default));

        Assert.Contains("401", unauthorized.Message);
        Assert.Contains("malformed JSON", malformed.Message);
        Assert.Equal("accountId", badId.Field);
        var everything = string.Join("\n", unauthorized, malformed, badId, _log.All, new XApiOptions { BearerToken = FakeXApi.Token });
        Assert.DoesNotContain(FakeXApi.Token, everything);
    }

    [Fact]
    public void A_missing_bearer_token_is_refused_naming_the_option()
    {
        using var http = new HttpClient();
        var error = Assert.Throws<MaxxitValidationException>(() => new XApiClient(http, Options.Create(new XApiOptions()), _time, _log));
        Assert.Equal(nameof(XApiOptions.BearerToken), error.Field);
    }

    private XApiClient Client(HttpClient http, FakeXApi api, Action<XApiOptions>? configure = null)
    {
        var options = new XApiOptions { BearerToken = FakeXApi.Token, BaseAddress = api.BaseAddress };
        configure?.Invoke(options);
        return new XApiClient(http, Options.Create(options), _time, _log);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
