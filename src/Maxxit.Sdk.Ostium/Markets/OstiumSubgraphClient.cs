using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;
using Polly;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>Reads pairs and open trades from Ostium's subgraph (GraphQL over HTTP POST). Retried on transport failures.</summary>
public sealed class OstiumSubgraphClient
{
    private const string PairsQuery = "query { pairs(first: 1000) { id from to maxLeverage overnightMaxLeverage group { name minLeverage maxLeverage } fee { minLevPos } } }";
    private const string TradesQuery =
        "query trades($trader: Bytes!) { trades(first: 1000, where: { isOpen: true, trader: $trader }) { tradeID index isBuy collateral leverage openPrice pair { id } } }";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ResiliencePipeline _reads;

    /// <summary>Creates the client.</summary>
    public OstiumSubgraphClient(HttpClient http, Uri endpoint, TimeProvider time, int readRetries = 3, TimeSpan? readRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        _endpoint = endpoint;
        _reads = ReadPipeline.Create(time, readRetries, readRetryDelay ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Every listed pair, ordered by index.</summary>
    /// <exception cref="VenueException">The subgraph answered with GraphQL errors or an unexpected shape.</exception>
    public async Task<IReadOnlyList<OstiumPair>> GetPairsAsync(CancellationToken cancellationToken)
    {
        using var document = await QueryAsync(PairsQuery, null, cancellationToken).ConfigureAwait(false);
        var pairs = new List<OstiumPair>();
        foreach (var p in Data(document, "pairs").EnumerateArray())
        {
            var from = p.GetProperty("from").GetString();
            var to = p.GetProperty("to").GetString();
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            {
                continue;
            }

            var group = p.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.Object ? g : default;
            var hasGroup = group.ValueKind == JsonValueKind.Object;
            var fee = p.TryGetProperty("fee", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;

            // OstiumPairsStorage.pairMaxLeverage: the pair's own maximum when it sets one, else the group's.
            var pairMax = Number(p, "maxLeverage");
            var max = pairMax.IsZero && hasGroup ? Number(group, "maxLeverage") : pairMax;
            pairs.Add(new OstiumPair(
                (int)Number(p, "id"),
                from,
                to,
                hasGroup ? group.GetProperty("name").GetString() ?? "" : "",
                OstiumUnits.FromScaled(max, OstiumUnits.PercentDecimals),
                hasGroup ? OstiumUnits.FromScaled(Number(group, "minLeverage"), OstiumUnits.PercentDecimals) : 0m,
                OstiumUnits.FromScaled(Number(p, "overnightMaxLeverage"), OstiumUnits.PercentDecimals),
                fee.ValueKind == JsonValueKind.Object ? OstiumUnits.FromScaled(Number(fee, "minLevPos"), OstiumUnits.UsdcDecimals) : 0m));
        }

        pairs.Sort((a, b) => a.Index.CompareTo(b.Index));
        return pairs;
    }

    /// <summary>The trader's open trades.</summary>
    public async Task<IReadOnlyList<OstiumOpenTrade>> GetOpenTradesAsync(EthereumAddress trader, CancellationToken cancellationToken)
    {
        using var document = await QueryAsync(TradesQuery, new Dictionary<string, string> { ["trader"] = trader.ToLowerHex() }, cancellationToken).ConfigureAwait(false);
        return Data(document, "trades").EnumerateArray().Select(t => new OstiumOpenTrade(
            t.GetProperty("tradeID").ToString(),
            (int)Number(t.GetProperty("pair"), "id"),
            (int)Number(t, "index"),
            t.GetProperty("isBuy").GetBoolean(),
            OstiumUnits.FromScaled(Number(t, "collateral"), OstiumUnits.UsdcDecimals),
            OstiumUnits.FromScaled(Number(t, "leverage"), OstiumUnits.PercentDecimals),
            OstiumUnits.FromScaled(Number(t, "openPrice"), OstiumUnits.PriceDecimals))).ToList();
    }

    private Task<JsonDocument> QueryAsync(string query, object? variables, CancellationToken cancellationToken) =>
        _reads.ExecuteAsync(
            async ct => await ReadPipeline.SendAsync(
                _http,
                () =>
                {
                    var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables });
                    var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = Json;
                    return request;
                },
                "subgraph",
                ct).ConfigureAwait(false),
            cancellationToken).AsTask();

    private static JsonElement Data(JsonDocument document, string field)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new VenueException(Venue.Ostium, $"subgraph answer is not an object with data.{field}");
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var message = errors[0].TryGetProperty("message", out var m) ? m.GetString() : errors[0].ToString();
            throw new VenueException(Venue.Ostium, $"subgraph error: {message}");
        }

        return root.TryGetProperty("data", out var data) && data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new VenueException(Venue.Ostium, $"subgraph answer has no data.{field} list");
    }

    // The subgraph serialises BigInt/BigDecimal as strings; ids may be numbers in some deployments.
    private static BigInteger Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return BigInteger.Zero;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new VenueException(Venue.Ostium, $"subgraph field {name} is not an integer: '{text}'");
    }
}
