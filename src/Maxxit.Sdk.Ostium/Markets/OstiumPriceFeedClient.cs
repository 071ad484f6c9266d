using System.Globalization;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ostium.Rpc;
using Polly;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>Reads the latest prices from Ostium's price feed (HTTP GET of a JSON list). Retried on transport failures.</summary>
public sealed class OstiumPriceFeedClient
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ResiliencePipeline _reads;

    /// <summary>Creates the client.</summary>
    public OstiumPriceFeedClient(HttpClient http, Uri endpoint, TimeProvider time, int readRetries = 3, TimeSpan? readRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        _endpoint = endpoint;
        _reads = ReadPipeline.Create(time, readRetries, readRetryDelay ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Every latest price the feed publishes.</summary>
    public async Task<IReadOnlyList<OstiumPrice>> GetLatestPricesAsync(CancellationToken cancellationToken)
    {
        using var document = await _reads.ExecuteAsync(
            async ct => await ReadPipeline.SendAsync(_http, () => new HttpRequestMessage(HttpMethod.Get, _endpoint), "price feed", ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException(Venue.Ostium, "price feed answer is not a list");
        }

        var prices = new List<OstiumPrice>();
        foreach (var p in document.RootElement.EnumerateArray())
        {
            if (p.TryGetProperty("from", out var from) && p.TryGetProperty("to", out var to) && TryDecimal(p, "mid", out var mid))
            {
                prices.Add(new OstiumPrice(
                    from.GetString() ?? "",
                    to.GetString() ?? "",
                    TryDecimal(p, "bid", out var bid) ? bid : mid,
                    mid,
                    TryDecimal(p, "ask", out var ask) ? ask : mid,
                    p.TryGetProperty("isMarketOpen", out var open) && open.ValueKind == JsonValueKind.True,
                    p.TryGetProperty("timestampSeconds", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : default,
                    p.TryGetProperty("isDayTradingClosed", out var dayClosed) && dayClosed.ValueKind == JsonValueKind.True));
            }
        }

        return prices;
    }

    /// <summary>The latest price of one pair.</summary>
    /// <exception cref="VenueException">The feed has no price for the pair.</exception>
    public async Task<OstiumPrice> GetPriceAsync(string from, string to, CancellationToken cancellationToken)
    {
        var prices = await GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        return prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase))
            ?? throw new VenueException(Venue.Ostium, $"the price feed has no price for {from}/{to}");
    }

    private static bool TryDecimal(JsonElement parent, string name, out decimal value)
    {
        value = 0m;
        if (!parent.TryGetProperty(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out value) || decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
