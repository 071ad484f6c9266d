using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Tests.Policies;

/// <summary>Builds policy inputs for rule tests: one signal, one deployment, a fixed time.</summary>
internal static class PolicyTestData
{
    /// <summary>Monday 2 November 2026, 10:30 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 30, 0, TimeSpan.Zero);

    public static TradeIntent Intent(string token = "ETH", TradeSide side = TradeSide.Long, decimal size = 20m, decimal? leverage = null, decimal confidence = 0.8m) =>
        new(token, side, size, leverage, confidence, [], []);

    public static PolicyContext Context(
        DeploymentPolicy? policy,
        TradeIntent? intent = null,
        PolicyState? state = null,
        decimal? accountValue = 10_000m,
        DateTimeOffset? now = null)
    {
        intent ??= Intent();
        var signal = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = Guid.NewGuid(),
            TokenSymbol = intent.TokenSymbol,
            Side = intent.Side,
            SizeModel = SizeModel.PercentOf(intent.SizePercent),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = intent.Confidence,
            CreatedAt = now ?? Now,
        };
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = signal.AgentId,
            UserWallet = "0x" + new string('1', 40),
            Policy = policy,
            CreatedAt = now ?? Now,
        };
        return new PolicyContext(signal, deployment, intent, state ?? PolicyState.Empty, accountValue, now ?? Now);
    }

    /// <summary>Runs one rule on its own, as the layer would.</summary>
    public static PolicyRuleResult Run(IPolicyRule rule, DeploymentPolicy policy, TradeIntent? intent = null, PolicyState? state = null, decimal? accountValue = 10_000m, DateTimeOffset? now = null, IMarketCatalog? markets = null, decimal defaultLeverage = 2m)
    {
        var context = Context(policy, intent, state, accountValue, now);
        var ruleContext = new PolicyRuleContext(context, policy, defaultLeverage, markets);
        return rule.Evaluate(context.Intent, in ruleContext);
    }

    /// <summary>A catalog over a few hand-made markets.</summary>
    public static IMarketCatalog Catalog(params MarketInfo[] markets) => new FixedMarketCatalog(markets);

    public static MarketInfo Market(Venue venue, string symbol, decimal maxLeverage) =>
        new() { Venue = venue, Symbol = symbol, VenueSymbol = symbol, MaxLeverage = maxLeverage, ReferencePrice = 100m };

    /// <summary>The paper venues' full market lists.</summary>
    public static IMarketCatalog PaperMarkets() => new FixedMarketCatalog(
        [.. Maxxit.Sdk.Venues.Paper.PaperMarketData.For(Venue.Hyperliquid), .. Maxxit.Sdk.Venues.Paper.PaperMarketData.For(Venue.Ostium)]);

    private sealed class FixedMarketCatalog(IReadOnlyList<MarketInfo> markets) : IMarketCatalog
    {
        private readonly Dictionary<(Venue, string), MarketInfo> _byKey = markets.ToDictionary(m => (m.Venue, m.Symbol));

        public bool TryGet(Venue venue, string symbol, out MarketInfo market) => _byKey.TryGetValue((venue, symbol), out market!);

        public IReadOnlyCollection<MarketInfo> GetMarkets(Venue venue) => markets.Where(m => m.Venue == venue).ToList();

        public bool IsListedAnywhere(string symbol) => markets.Any(m => m.Symbol == symbol);

        public bool IsLoaded => true;

        public ValueTask EnsureFreshAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void Replace(Venue venue, IEnumerable<MarketInfo> replacement) => throw new NotSupportedException();
    }
}
