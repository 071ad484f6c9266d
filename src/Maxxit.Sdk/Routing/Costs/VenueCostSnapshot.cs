using System.Collections.Frozen;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>One venue's cost curves at one moment, by upper-case token symbol. Immutable: a refresh publishes a new one.</summary>
public sealed class VenueCostSnapshot
{
    private readonly FrozenDictionary<string, MarketCostCurve> _markets;

    /// <summary>Creates a snapshot.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="asOf">When the data was read (its age decides whether the router trusts it).</param>
    /// <param name="markets">Token symbol (upper case, as in the market catalog) to curve.</param>
    /// <param name="carryName">How the carry term is named in routing reasons: <c>funding</c>, <c>rollover</c>, …</param>
    public VenueCostSnapshot(Venue venue, DateTimeOffset asOf, IEnumerable<KeyValuePair<string, MarketCostCurve>> markets, string carryName = "funding")
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentException.ThrowIfNullOrWhiteSpace(carryName);
        Venue = venue;
        AsOf = asOf;
        CarryName = carryName;
        _markets = markets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The venue.</summary>
    public Venue Venue { get; }

    /// <summary>When the data was read.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The carry term's name in reasons.</summary>
    public string CarryName { get; }

    /// <summary>Number of markets priced.</summary>
    public int Count => _markets.Count;

    /// <summary>The symbols priced.</summary>
    public IEnumerable<string> Symbols => _markets.Keys;

    /// <summary>The curve of a token, allocation-free.</summary>
    public bool TryGet(string symbol, out MarketCostCurve curve) => _markets.TryGetValue(symbol, out curve!);
}
