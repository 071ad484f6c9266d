using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// Reads an institute's calls from a JSON feed: <c>GET {base}institutes/{id}/signals?since={ISO-8601}</c> answering an
/// array (or <c>{"data": [...]}</c>) of <c>{id, institute_id, token, side: BUY|SELL, reasoning, created_at}</c>.
/// Items the feed repeats or that fail validation are dropped (the latter with a warning); the cursor decides what is new.
/// </summary>
public sealed class HttpResearchFeedClient : IResearchSource
{
    private readonly HttpClient _http;
    private readonly ResearchFeedOptions _options;
    private readonly Uri _baseAddress;
    private readonly ILogger<HttpResearchFeedClient> _logger;

    /// <summary>Creates the client over an HttpClient the caller owns.</summary>
    public HttpResearchFeedClient(HttpClient http, IOptions<ResearchFeedOptions> options, ILogger<HttpResearchFeedClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
        if (_options.BaseAddress is not { IsAbsoluteUri: true })
        {
            throw new MaxxitValidationException(nameof(ResearchFeedOptions.BaseAddress), "must be an absolute http(s) address");
        }

        _baseAddress = XApiClient.WithTrailingSlash(_options.BaseAddress);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ResearchSignal>> GetResearchAsync(string instituteId, ResearchPosition? after, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(instituteId))
        {
            throw new MaxxitValidationException(nameof(instituteId), "must not be empty");
        }

        var path = $"institutes/{Uri.EscapeDataString(instituteId)}/signals";
        if (after is { } a)
        {
            // The feed may answer with items at the same instant again; IsAfter below drops them.
            path += "?since=" + Uri.EscapeDataString(a.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, path));
        if (_options.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        string body;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceUnavailableException("research", $"feed answered {(int)response.StatusCode} for institute {instituteId}");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new SourceUnavailableException("research", $"feed request for institute {instituteId} failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException("research", $"feed request for institute {instituteId} timed out", ex);
        }

        var items = new List<ResearchSignal>();
        try
        {
            using var doc = JsonDocument.Parse(body);
            var array = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("data", out var d) ? d : doc.RootElement;
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new SourceUnavailableException("research", "feed response is neither an array nor an object with a data array");
            }

            foreach (var element in array.EnumerateArray())
            {
                if (TryRead(element, instituteId, out var item, out var problem))
                {
                    if (ResearchPosition.IsAfter(item, after))
                    {
                        items.Add(item);
                    }
                }
                else
                {
                    _logger.LogWarning("Research feed item of institute {InstituteId} dropped: {Problem}", instituteId, problem);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new SourceUnavailableException("research", $"feed returned malformed JSON: {ex.Message}", ex);
        }

        return items.DistinctBy(i => i.Id).OrderBy(ResearchPosition.Of).ToArray();
    }

    private static bool TryRead(JsonElement e, string instituteId, out ResearchSignal item, out string problem)
    {
        item = null!;
        string? Str(string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var id = Str("id");
        var token = Str("token")?.Trim().ToUpperInvariant();
        var institute = Str("institute_id") ?? instituteId;
        var side = Str("side")?.Trim().ToUpperInvariant() switch { "BUY" => TradeSide.Long, "SELL" => TradeSide.Short, _ => (TradeSide?)null };
        if (string.IsNullOrWhiteSpace(id))
        {
            problem = "id is missing";
        }
        else if (string.IsNullOrEmpty(token) || token.Length > 20 || !token.All(char.IsAsciiLetterOrDigit))
        {
            problem = $"item {id}: token must be 1-20 letters or digits";
        }
        else if (side is null)
        {
            problem = $"item {id}: side must be BUY or SELL";
        }
        else if (!DateTimeOffset.TryParse(Str("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            problem = $"item {id}: created_at must be an ISO-8601 time";
        }
        else if (institute != instituteId)
        {
            problem = $"item {id}: belongs to institute {institute}, not {instituteId}";
        }
        else
        {
            item = new ResearchSignal(id, institute, token, side.Value, Str("reasoning") ?? string.Empty, created);
            problem = string.Empty;
            return true;
        }

        return false;
    }
}
