using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Maxxit.Sdk;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.ExampleVenue;

/// <summary>
/// An adapter for a venue the SDK does not ship (dYdX-like). Its "exchange" is a dictionary so that it runs offline;
/// orders fill later, and fill confirmation learns their fate through <see cref="IOrderFateVenue"/>.
/// </summary>
public sealed class DydxVenue(IAgentKeyProtector keys) : IVenueAdapter, IOrderFateVenue
{
    private readonly AgentKeyResolver _keys = new(keys, AddressOf);

    /// <summary>The venue: defined here, once, by name; the SDK and the database learn it from this adapter.</summary>
    public static readonly Venue Dydx = Venue.Of("DYDX");

    /// <summary>The exchange's side: orders by client order id, each with the signature of the user's agent key.</summary>
    public ConcurrentDictionary<string, (decimal Quantity, decimal Price, byte[] Signature)> Orders { get; } = new();

    public Venue Venue => Dydx;

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MarketInfo>>(
        [
            new() { Venue = Dydx, Symbol = "ETH", VenueSymbol = "ETH-USD", MaxLeverage = 20m, ReferencePrice = 3_000m },
            new() { Venue = Dydx, Symbol = "BTC", VenueSymbol = "BTC-USD", MaxLeverage = 20m, ReferencePrice = 90_000m },
        ]);

    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        // The agent key the user deployed for DYDX, decrypted only for the moment it signs (here: an HMAC of the order).
        // The SDK's resolver finds the wallet, decrypts it for its owner and checks it controls the recorded address.
        using var key = _keys.Resolve(request.Deployment, Dydx);
        var signature = HMACSHA256.HashData(key.Span, Encoding.UTF8.GetBytes(request.ClientOrderId));

        // Idempotent on the client order id: a repeat finds the first order and sends nothing.
        var price = request.Market.ReferencePrice ?? throw new VenueException(Dydx, $"no price for {request.Market.VenueSymbol}");
        var quantity = Math.Round(10_000m * request.SizePercent / 100m / price, 4, MidpointRounding.ToZero);
        Orders.GetOrAdd(request.ClientOrderId, _ => (quantity, price, signature));
        return ValueTask.FromResult(new OrderResult
        {
            Status = OrderStatus.Pending, VenueOrderId = "dydx-" + request.ClientOrderId, FilledQuantity = 0m, AveragePrice = 0m,
        });
    }

    public ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Orders.TryGetValue(query.ClientOrderId, out var order)
            ? OrderFate.Filled(order.Quantity, order.Price, feesUsd: Math.Round(order.Quantity * order.Price * 0.0005m, 6))
            : OrderFate.Unknown($"DYDX has no order {query.ClientOrderId}"));

    /// <summary>The venue's address of a key (this example's own derivation: the first 20 bytes of its SHA-256).</summary>
    public static string AddressOf(ReadOnlySpan<byte> privateKey) => "0x" + Convert.ToHexStringLower(SHA256.HashData(privateKey)[..20]);

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
}
