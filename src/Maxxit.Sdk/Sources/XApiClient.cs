using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// Reads user timelines from the X API v2 (<c>GET /2/users/:id/tweets</c>) with <c>since_id</c> and
/// <c>pagination_token</c> paging. A 429 is answered by waiting until <c>x-rate-limit-reset</c> on the
/// <see cref="TimeProvider"/> and trying again, not by failing.
/// </summary>
public sealed class XApiClient : IXPostSource
{
    private readonly HttpClient _http;
    private readonly XApiOptions _options;
    private readonly Uri _baseAddress;
    private readonly TimeProvider _time;
    private readonly ILogger<XApiClient> _logger;

    /// <summary>Creates the client over an HttpClient the caller owns.</summary>
    public XApiClient(HttpClient http, IOptions<XApiOptions> options, TimeProvider time, ILogger<XApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _baseAddress = WithTrailingSlash(_options.BaseAddress);
        _time = time;
        _logger = logger;
        if (string.IsNullOrWhiteSpace(_options.BearerToken))
        {
            throw new MaxxitValidationException(nameof(XApiOptions.BearerToken), "is required for the X API");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<XPost>> GetPostsAsync(string accountId, string? sinceId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accountId) || !accountId.All(char.IsAsciiDigit))
        {
            throw new MaxxitValidationException(nameof(accountId), "must be the numeric X user id");
        }

        if (sinceId is not null && (sinceId.Length == 0 || !sinceId.All(char.IsAsciiDigit)))
        {
            throw new MaxxitValidationException(nameof(sinceId), "must be a numeric post id");
        }

        var posts = new Dictionary<string, XPost>(StringComparer.Ordinal);
        string? next = null;
        var pages = 0;
        do
        {
            using var page = await GetPageAsync(accountId, sinceId, next, cancellationToken).ConfigureAwait(false);
            next = ReadPage(page.RootElement, accountId, posts);
            pages++;
        }
        while (next is not null && pages < _options.MaxPages);

        if (next is not null)
        {
            _logger.LogWarning("X account {AccountId}: more than {Pages} pages of new posts; older ones in this batch are not read", accountId, _options.MaxPages);
        }

        return posts.Values.Where(p => PostIds.IsNewer(p.Id, sinceId)).OrderBy(p => p.Id, PostIds.Comparer).ToArray();
    }

    private async Task<JsonDocument> GetPageAsync(string accountId, string? sinceId, string? paginationToken, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"2/users/{accountId}/tweets?max_results={_options.PageSize}&tweet.fields=created_at,author_id");
        if (sinceId is not null)
        {
            query += "&since_id=" + sinceId;
        }

        if (paginationToken is not null)
        {
            query += "&pagination_token=" + Uri.EscapeDataString(paginationToken);
        }

        var uri = new Uri(_baseAddress, query);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BearerToken);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new SourceUnavailableException("x", $"GET /2/users/{accountId}/tweets failed: {ex.Message}", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SourceUnavailableException("x", $"GET /2/users/{accountId}/tweets timed out", ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < _options.MaxRateLimitRetries)
                {
                    var wait = RateLimitWait(response);
                    _logger.LogInformation("X rate limit reached for account {AccountId}; waiting {Wait} for the reset (attempt {Attempt})", accountId, wait, attempt + 1);
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new SourceUnavailableException("x", $"GET /2/users/{accountId}/tweets answered {(int)response.StatusCode}: {Snippet(body)}");
                }

                try
                {
                    return JsonDocument.Parse(body);
                }
                catch (JsonException ex)
                {
                    throw new SourceUnavailableException("x", $"GET /2/users/{accountId}/tweets returned malformed JSON: {ex.Message}", ex);
                }
            }
        }
    }

    private TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        TimeSpan wait;
        if (response.Headers.TryGetValues("x-rate-limit-reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - _time.GetUtcNow();
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? ((retryAfter.Date ?? _time.GetUtcNow()) - _time.GetUtcNow());
        }
        else
        {
            wait = _options.DefaultRateLimitWait;
        }

        // A reset already in the past (clock skew) still gets a short pause rather than a tight retry loop.
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > _options.MaxRateLimitWait ? _options.MaxRateLimitWait : wait;
    }

    private static string? ReadPage(JsonElement root, string accountId, Dictionary<string, XPost> posts)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SourceUnavailableException("x", "timeline response is not a JSON object");
        }

        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                var id = item.TryGetProperty("id", out var idValue) ? idValue.GetString() : null;
                var text = item.TryGetProperty("text", out var textValue) ? textValue.GetString() : null;
                if (id is null || text is null || !id.All(char.IsAsciiDigit))
                {
                    continue;
                }

                var author = item.TryGetProperty("author_id", out var a) ? a.GetString() ?? accountId : accountId;
                var created = item.TryGetProperty("created_at", out var c) && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTimeOffset.MinValue;
                posts[id] = new XPost(id, author, text, created);
            }
        }

        return root.TryGetProperty("meta", out var meta) && meta.TryGetProperty("next_token", out var token) && token.ValueKind == JsonValueKind.String
            ? token.GetString()
            : null;
    }

    // A base without a trailing slash would make relative paths replace its last segment (https://proxy/x + 2/users → https://proxy/2/users).
    internal static Uri WithTrailingSlash(Uri uri) => uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string Snippet(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
