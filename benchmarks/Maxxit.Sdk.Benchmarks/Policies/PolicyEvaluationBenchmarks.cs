using BenchmarkDotNet.Attributes;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Benchmarks.Policies;

/// <summary>
/// One policy evaluation with every built-in rule configured, on the accept path (the trade passes every rule
/// unchanged), against the pass-through layer: the only allocation either should make is the decision itself.
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmarks
{
    private readonly PassThroughPolicy _passThrough = new();
    private RuleBasedPolicy _rules = null!;
    private PolicyContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var markets = new MarketCatalog(new VenueAdapterRegistry([]), new VenueHealthRegistry(), Options.Create(new MaxxitOptions()), TimeProvider.System, NullLogger<MarketCatalog>.Instance);
        markets.Replace(Venue.Hyperliquid, PaperMarketData.For(Venue.Hyperliquid));
        markets.Replace(Venue.Ostium, PaperMarketData.For(Venue.Ostium));
        _rules = RuleBasedPolicy.Create(BuiltInPolicyRules.All, markets, defaultLeverage: 2m);

        var now = new DateTimeOffset(2026, 11, 2, 10, 30, 0, TimeSpan.Zero);
        var policy = new DeploymentPolicy
        {
            MinConfidence = 0.6m,
            AllowedSide = TradeSide.Long,
            AllowedTokens = ["BTC", "SOL", "ETH"],
            DeniedTokens = ["DOGE", "PEPE"],
            RiskPreference = RiskPreference.Balanced,
            MaxTradeSizePercent = 30m,
            MinOrderValueUsd = 100m,
            MaxLeverage = 5m,
            MaxOpenPositions = 10,
            MaxTokenExposurePercent = 100m,
            MaxTotalExposurePercent = 300m,
            CooldownPerToken = TimeSpan.FromHours(1),
            DailyTradeCap = 10,
            TradingHoursStartUtc = 6,
            TradingHoursEndUtc = 22,
            TradingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            PreferredVenues = [Venue.Hyperliquid, Venue.Ostium],
            ExcludedVenues = [Venue.Gmx],
        };
        var signal = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = Guid.NewGuid(),
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(20m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
            CreatedAt = now,
        };
        var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = signal.AgentId, UserWallet = "0x" + new string('a', 40), Policy = policy, CreatedAt = now };
        var intent = new TradeIntent("ETH", TradeSide.Long, 20m, null, 0.8m, policy.PreferredVenues, policy.ExcludedVenues);
        var state = new PolicyState(3, 9_000m, 2_000m, now.AddHours(-2), 4);
        _context = new PolicyContext(signal, deployment, intent, state, 10_000m, now);

        var decision = _rules.Evaluate(_context);
        if (decision.Outcome != PolicyOutcome.Accepted)
        {
            throw new InvalidOperationException($"the benchmark must take the accept path, got {decision.Outcome}: {decision.RejectedBy} {decision.Reason}");
        }
    }

    [Benchmark(Baseline = true)]
    public PolicyDecision PassThrough() => _passThrough.EvaluateAsync(_context, CancellationToken.None).Result;

    [Benchmark]
    public PolicyDecision FullBuiltInPolicy() => _rules.EvaluateAsync(_context, CancellationToken.None).Result;
}
