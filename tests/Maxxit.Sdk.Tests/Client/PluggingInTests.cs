using Maxxit.Sdk.Client;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Client;

/// <summary>A custom venue and a custom policy, each about twenty lines, plugged in through the builder.</summary>
public sealed class PluggingInTests
{
    [Fact]
    public async Task Custom_venue_and_policy_plug_in_through_the_builder()
    {
        using var sp = TestServices.Build(b => b.AddVenue<GmxVenue>().UsePaperVenues().AddPolicy<HalfSizeLongOnly>());
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        await client.SetRoutingConfigAsync(new Maxxit.Sdk.Routing.RoutingConfig { AgentId = agent.Id, VenuePriority = [Venue.Gmx, Venue.Hyperliquid] });

        var gmx = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ARB", size: 40m)).Id);
        var fallback = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id);
        var refused = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ARB", TradeSide.Short)).Id);

        Assert.Equal(Venue.Gmx, gmx.FinalVenue);
        Assert.Equal(20m, sp.GetRequiredService<GmxVenue>().LastSizePercent);
        Assert.Equal(PolicyOutcome.Adjusted, gmx.Deployments.Single().Policy!.Outcome);
        Assert.Equal(Venue.Hyperliquid, fallback.FinalVenue);
        Assert.Equal(SignalStatus.Skipped, refused.Status);
        Assert.Contains("long_only", refused.Reason);
    }

    public sealed class GmxVenue : IVenueAdapter
    {
        public decimal LastSizePercent { get; private set; }

        public Venue Venue => Venue.Gmx;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken ct) =>
            ValueTask.FromResult<IReadOnlyList<MarketInfo>>([new MarketInfo { Venue = Venue.Gmx, Symbol = "ARB", VenueSymbol = "ARB/USD", MaxLeverage = 50m }]);

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct)
        {
            LastSizePercent = request.SizePercent;
            return ValueTask.FromResult(new OrderResult { Status = OrderStatus.Filled, VenueOrderId = request.ClientOrderId, FilledQuantity = 100m, AveragePrice = 0.35m });
        }

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken ct) => ValueTask.FromResult(new VenueHealth(true));
    }

    public sealed class HalfSizeLongOnly : IPolicyLayer
    {
        public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken ct)
        {
            var intent = context.Intent;
            if (intent.Side != TradeSide.Long)
            {
                return ValueTask.FromResult(PolicyDecision.Reject(intent, "long_only", "this user trades long only"));
            }

            var half = intent with { SizePercent = intent.SizePercent / 2 };
            return ValueTask.FromResult(new PolicyDecision(PolicyOutcome.Adjusted, half, [new("half_size", "size_percent", $"{intent.SizePercent}", $"{half.SizePercent}")]));
        }
    }
}
