using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Maxxit.Sdk.Tests.Sources;

/// <summary>
/// A fake X API v2 user timeline on loopback: newest first, <c>since_id</c>, <c>max_results</c> and
/// <c>pagination_token</c> honoured; scripted 429s come first.
/// </summary>
internal sealed class FakeXApi : IAsyncDisposable
{
    public const string Token = "test-bearer-Zq81xK";
    private readonly LoopbackHttpServer _server;
    private readonly Queue<LoopbackHttpServer.Response> _scripted = new();

    public FakeXApi(string userId, int posts)
    {
        UserId = userId;
        Posts = Enumerable.Range(1, posts).Select(i => (Id: (1_860_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture), Text: $"post {i} about $ETH")).ToList();
        _server = new LoopbackHttpServer(Handle);
    }

    public string UserId { get; }

    public List<(string Id, string Text)> Posts { get; }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<LoopbackHttpServer.Recorded> Requests => _server.Requests.ToArray();

    public void Script(LoopbackHttpServer.Response response)
    {
        lock (_scripted)
        {
            _scripted.Enqueue(response);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackHttpServer.Response Handle(HttpListenerRequest request)
    {
        lock (_scripted)
        {
            if (_scripted.Count > 0)
            {
                return _scripted.Dequeue();
            }
        }

        if (request.Headers["Authorization"] != "Bearer " + Token)
        {
            return new(401, """{"title":"Unauthorized","status":401}""");
        }

        if (request.Url!.AbsolutePath != $"/2/users/{UserId}/tweets")
        {
            return new(404, """{"title":"Not Found"}""");
        }

        var q = request.QueryString;
        var newestFirst = Posts.AsEnumerable().Reverse()
            .Where(p => q["since_id"] is not { } since || Order(p.Id, since) > 0)
            .ToList();
        var size = int.Parse(q["max_results"] ?? "10", CultureInfo.InvariantCulture);
        var offset = q["pagination_token"] is { } token ? int.Parse(token[4..], CultureInfo.InvariantCulture) : 0;
        var page = newestFirst.Skip(offset).Take(size).ToList();
        var data = page.Select(p => new { id = p.Id, text = p.Text, author_id = UserId, created_at = "2026-11-24T10:00:00.000Z", edit_history_tweet_ids = new[] { p.Id } });
        var meta = new Dictionary<string, object> { ["result_count"] = page.Count };
        if (offset + size < newestFirst.Count)
        {
            meta["next_token"] = "tok-" + (offset + size).ToString(CultureInfo.InvariantCulture);
        }

        return new(200, page.Count == 0 ? JsonSerializer.Serialize(new { meta }) : JsonSerializer.Serialize(new { data, meta }));
    }

    // Independent of the client's own ordering, so that the test can catch a mistake in it.
    private static int Order(string a, string b) => decimal.Parse(a, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, CultureInfo.InvariantCulture));
}
