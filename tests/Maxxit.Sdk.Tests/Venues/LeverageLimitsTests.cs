using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Venues;

public sealed class LeverageLimitsTests
{
    private static readonly decimal[] Steps = [0m, 0.01m, 0.25m, 0.5m, 1m];
    private static readonly Arbitrary<Case> Cases = Arb.From(Gen.Choose(0, int.MaxValue).Select(Case.From));

    [Property(MaxTest = 2_000)]
    public Property The_result_is_never_above_the_request_or_any_cap_and_never_below_one() => Prop.ForAll(Cases, c =>
    {
        var result = c.Clamp();

        Assert.True(result >= LeverageLimits.Minimum, $"{c}: {result} < 1");
        Assert.True(result <= c.Requested, $"{c}: {result} above the request");
        foreach (var cap in c.Caps)
        {
            Assert.True(result <= Math.Max(cap, 1m), $"{c}: {result} above cap {cap}");
        }
    });

    [Property(MaxTest = 2_000)]
    public Property The_result_is_the_largest_multiple_of_the_step_within_every_bound() => Prop.ForAll(Cases, c =>
    {
        var result = c.Clamp();
        var bound = c.Caps.Select(cap => Math.Max(cap, 1m)).Append(c.Requested).Min();
        if (c.Step == 0m)
        {
            Assert.Equal(bound, result);
            return;
        }

        Assert.Equal(0m, result % c.Step);
        Assert.True(result + c.Step > bound, $"{c}: {result} + {c.Step} still fits under {bound}");
    });

    [Property(MaxTest = 1_000)]
    public Property Clamping_twice_changes_nothing_and_a_larger_request_never_gets_less() => Prop.ForAll(Cases, c =>
    {
        var once = c.Clamp();
        Assert.Equal(once, (c with { Requested = once }).Clamp());
        Assert.True((c with { Requested = c.Requested + 1.37m }).Clamp() >= once);
    });

    [Theory]
    [InlineData(0.99)]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_request_below_one_is_refused_naming_the_field(decimal requested)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => LeverageLimits.Clamp(requested, 10m, 20m));

        Assert.Equal("leverage", error.Field);
    }

    [Fact]
    public void A_step_outside_zero_to_one_is_refused()
    {
        Assert.Throws<MaxxitValidationException>(() => LeverageLimits.Clamp(3m, rule: new VenueLeverageRule(null, 2m)));
        Assert.Throws<MaxxitValidationException>(() => LeverageLimits.Clamp(3m, rule: new VenueLeverageRule(null, -0.1m)));
    }

    [Theory]
    [InlineData(2.7, null, 50, 1, 2)]         // Hyperliquid: whole numbers, rounded down
    [InlineData(5.555, null, 25, 0.01, 5.55)] // Ostium: two decimals, rounded down
    [InlineData(40, 10.0, 25, 0, 10)]           // the policy's cap wins
    [InlineData(40, null, 25, 0, 25)]         // the market's maximum wins
    [InlineData(3, null, 0, 0, 1)]            // a market that reports no maximum still trades at 1
    public void Examples(decimal requested, double? policyCap, decimal marketMax, decimal step, decimal expected) =>
        Assert.Equal(expected, LeverageLimits.Clamp(requested, (decimal?)policyCap, marketMax, new VenueLeverageRule(null, step)));

    [Fact]
    public void For_a_market_the_adapters_own_rule_applies_beside_the_listed_maximum()
    {
        var market = new MarketInfo { Venue = Venue.Ostium, Symbol = "XAU", VenueSymbol = "XAU/USD", MaxLeverage = 25m };
        var overnight = new RuleVenue(new VenueLeverageRule(10m, 0.5m));

        Assert.Equal(25m, LeverageLimits.ForMarket(40m, market));
        Assert.Equal(10m, LeverageLimits.ForMarket(40m, market, overnight));
        Assert.Equal(7.5m, LeverageLimits.ForMarket(7.9m, market, overnight));
        Assert.Equal(5m, LeverageLimits.ForMarket(7.9m, market, overnight, policyCap: 5m));
        Assert.Equal(3, overnight.Asked);
    }

    [Fact]
    public async Task The_executor_sends_and_records_the_leverage_the_venues_rule_allows()
    {
        var venue = new WholeLeverageVenue();
        using var sp = TestServices.Build(b => b.AddVenue(_ => venue), o => o.DefaultLeverage = 2.5m);
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(2m, Assert.Single(venue.Leverages));
        var position = Assert.Single(result.Positions);
        Assert.Equal(2m, position.Leverage);
        Assert.Equal(2m, (await sp.GetRequiredService<IPositionStore>().GetPositionAsync(position.Id, default))!.Leverage);
        Assert.Equal(Venue.Hyperliquid, result.FinalVenue);
    }

    /// <summary>A venue that takes whole leverage only, like Hyperliquid, and fills at the reference price.</summary>
    private sealed class WholeLeverageVenue : IVenueAdapter, IVenueLeverageRules
    {
        public List<decimal?> Leverages { get; } = [];

        public Venue Venue => Venue.Hyperliquid;

        public VenueLeverageRule GetLeverageRule(MarketInfo market) => new(null, 1m);

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            lock (Leverages)
            {
                Leverages.Add(request.Leverage);
            }

            var price = request.Market.ReferencePrice ?? 1m;
            return ValueTask.FromResult(new OrderResult
            {
                Status = OrderStatus.Filled,
                VenueOrderId = request.ClientOrderId,
                FilledQuantity = 1m,
                AveragePrice = price,
                Leverage = request.Leverage ?? 1m,
                CollateralUsd = price / (request.Leverage ?? 1m),
            });
        }

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
    }

    private sealed class RuleVenue(VenueLeverageRule rule) : IVenueAdapter, IVenueLeverageRules
    {
        public int Asked { get; private set; }

        public Venue Venue => Venue.Ostium;

        public VenueLeverageRule GetLeverageRule(MarketInfo market)
        {
            Asked++;
            return rule;
        }

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed record Case(decimal Requested, decimal? PolicyCap, decimal? MarketMax, decimal? VenueMax, decimal Step)
    {
        public IEnumerable<decimal> Caps => new[] { PolicyCap, MarketMax, VenueMax }.Where(c => c is not null).Select(c => c!.Value);

        public static Case From(int seed)
        {
            var random = new Random(seed);
            decimal? Cap() => random.Next(4) == 0 ? null : random.Next(0, 15_001) / 100m;
            return new Case(1m + (random.Next(0, 20_000) / 100m), Cap(), Cap(), Cap(), Steps[random.Next(Steps.Length)]);
        }

        public decimal Clamp() => LeverageLimits.Clamp(Requested, PolicyCap, MarketMax, new VenueLeverageRule(VenueMax, Step));
    }
}
