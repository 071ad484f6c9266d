using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Routing.Costs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium.Costs;

/// <summary>
/// Ostium's cost snapshot: the oracle bid/ask from the price feed (a long opens at the ask and a short at the bid,
/// whatever the size: <c>TradingCallbacksLib.getTradePriceImpact</c>), the pair's taker fee, rollover and last funding
/// rate from the subgraph, and an optional fixed oracle fee. Runs in the background refresh only.
/// </summary>
public sealed class OstiumCostSource : IVenueCostSource
{
    private const string FeesQuery = "query { pairs(first: 1000) { id from to takerFeeP rolloverFeePerBlock lastFundingRate longOI shortOI } }";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _subgraph;
    private readonly OstiumPriceFeedClient _prices;
    private readonly OstiumCostOptions _options;

    /// <summary>Creates the source.</summary>
    /// <param name="http">HTTP client for the subgraph.</param>
    /// <param name="subgraph">The subgraph endpoint.</param>
    /// <param name="prices">The price feed.</param>
    /// <param name="options">Options.</param>
    public OstiumCostSource(HttpClient http, Uri subgraph, OstiumPriceFeedClient prices, OstiumCostOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _subgraph = subgraph ?? throw new ArgumentNullException(nameof(subgraph));
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Ostium;

    /// <inheritdoc />
    public async ValueTask<VenueCostSnapshot> GetCostSnapshotAsync(VenueCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.Time.GetUtcNow();
        var fees = await ReadFeesAsync(cancellationToken).ConfigureAwait(false);
        var quotes = (await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(p => (p.From.ToUpperInvariant(), p.To.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.First());
        var curves = new Dictionary<string, MarketCostCurve>(StringComparer.Ordinal);
        foreach (var market in request.Markets)
        {
            var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
            var key = (from.ToUpperInvariant(), to.ToUpperInvariant());
            if (!quotes.TryGetValue(key, out var quote) || !fees.TryGetValue(key, out var pair) || quote.Mid <= 0 || quote.Bid <= 0 || quote.Ask < quote.Bid)
            {
                continue;
            }

            curves[market.Symbol] = Curve(quote, pair);
        }

        return new VenueCostSnapshot(Venue.Ostium, asOf, curves, "rollover+funding");
    }

    /// <summary>Adds the source to a host that has the Ostium venue (called by <c>AddOstium</c>).</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddOptions<OstiumCostOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVenueCostSource, OstiumCostSource>(sp => new OstiumCostSource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OstiumServiceCollectionExtensions.HttpClientName),
            sp.GetRequiredService<IOptions<OstiumOptions>>().Value.SubgraphUrl!,
            sp.GetRequiredService<OstiumPriceFeedClient>(),
            sp.GetRequiredService<IOptions<OstiumCostOptions>>().Value)));
    }

    private MarketCostCurve Curve(OstiumPrice quote, PairFees pair)
    {
        var mid = (double)quote.Mid;
        BookLevel[] bids = [new((double)quote.Bid, double.PositiveInfinity)];
        BookLevel[] asks = [new((double)quote.Ask, double.PositiveInfinity)];

        // takerFeeP is a percent with 6 decimals: 30000 = 0.03 % = 3 bps.
        var feeBps = (double)pair.TakerFeeP / 10_000;
        var perBlockToBpsPerHour = _options.BlocksPerHour * 10_000 / 1e18;
        var rollover = (double)pair.RolloverFeePerBlock * perBlockToBpsPerHour;

        // Positive funding: longs pay the rate, shorts receive it scaled by long OI / short OI; negative the other way round.
        var rate = (double)pair.LastFundingRate * perBlockToBpsPerHour;
        double longOi = (double)pair.LongOi, shortOi = (double)pair.ShortOi;
        double longFunding, shortFunding;
        if (rate >= 0)
        {
            longFunding = rate;
            shortFunding = shortOi > 0 ? -rate * longOi / shortOi : 0;
        }
        else
        {
            shortFunding = -rate;
            longFunding = longOi > 0 ? rate * shortOi / longOi : 0;
        }

        return new MarketCostCurve(mid, bids, asks, feeBps, rollover + longFunding, rollover + shortFunding, _options.OracleFeeUsd);
    }

    private async Task<Dictionary<(string, string), PairFees>> ReadFeesAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _subgraph) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = FeesQuery })) };
        request.Content.Headers.ContentType = Json;
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new VenueException(Venue.Ostium, $"subgraph answered HTTP {(int)response.StatusCode} to the fee query");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("pairs", out var pairs) || pairs.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException(Venue.Ostium, "subgraph answer has no data.pairs list for the fee query");
        }

        var fees = new Dictionary<(string, string), PairFees>();
        foreach (var p in pairs.EnumerateArray())
        {
            var from = p.GetProperty("from").GetString() ?? "";
            var to = p.GetProperty("to").GetString() ?? "";
            fees[(from.ToUpperInvariant(), to.ToUpperInvariant())] = new PairFees(
                Number(p, "takerFeeP"), Number(p, "rolloverFeePerBlock"), Number(p, "lastFundingRate"), Number(p, "longOI"), Number(p, "shortOI"));
        }

        return fees;
    }

    private static BigInteger Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return BigInteger.Zero;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new VenueException(Venue.Ostium, $"subgraph field {name} is not an integer: '{text}'");
    }

    private sealed record PairFees(BigInteger TakerFeeP, BigInteger RolloverFeePerBlock, BigInteger LastFundingRate, BigInteger LongOi, BigInteger ShortOi);
}
