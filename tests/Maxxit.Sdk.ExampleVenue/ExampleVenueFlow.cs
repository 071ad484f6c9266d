using System.Security.Cryptography;
using System.Text;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.ExampleVenue;

/// <summary>
/// The whole flow with <see cref="DydxVenue"/> registered next to paper Hyperliquid: deploy with a DYDX agent key,
/// route by priority, sign with the key, confirm the pending fill, and count DYDX in the stats. Run on each store.
/// </summary>
public abstract class ExampleVenueFlow
{
    private const string MasterKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Puts the store under test behind the builder (nothing: the in-memory default).</summary>
    protected abstract Task<IAsyncDisposable?> UseStoreAsync(MaxxitBuilder builder);

    /// <summary>Lets a minute pass for the SDK's clock (and, on Postgres, for the leases the database times itself).</summary>
    protected virtual Task LetAMinutePassAsync()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_venue_the_SDK_does_not_know_trades_end_to_end()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        var builder = services.AddMaxxitV3(o => o.MasterKey = MasterKey).AddVenue<DydxVenue>().UsePaperVenues();
        await using var store = await UseStoreAsync(builder);
        await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var dydx = sp.GetRequiredService<DydxVenue>();
        var agentKey = RandomNumberGenerator.GetBytes(32);

        // Two agents: one routes DYDX first, the other Hyperliquid first; each has one user with a DYDX agent wallet.
        var dydxFirst = await AgentAsync(client, 1, [DydxVenue.Dydx, Venue.Hyperliquid], agentKey);
        var hlFirst = await AgentAsync(client, 2, [Venue.Hyperliquid, DydxVenue.Dydx], agentKey);

        var eth = await client.ExecuteTradeAsync((await SignalAsync(client, dydxFirst.AgentId, "ETH")).Id);
        var sol = await client.ExecuteTradeAsync((await SignalAsync(client, dydxFirst.AgentId, "SOL")).Id);   // DYDX does not list SOL
        var other = await client.ExecuteTradeAsync((await SignalAsync(client, hlFirst.AgentId, "ETH")).Id);

        Assert.Equal(DydxVenue.Dydx, eth.FinalVenue);
        Assert.Equal("DYDX: pair available", eth.Deployments.Single().Routing!.Reason);
        Assert.Equal(Venue.Hyperliquid, sol.FinalVenue);
        Assert.Equal(Venue.Hyperliquid, other.FinalVenue);
        var pending = Assert.Single(eth.Positions);
        Assert.Equal(PositionStatus.PendingFill, pending.Status);
        Assert.Equal(DydxVenue.Dydx, pending.Venue);

        // The adapter signed with the very key deployed for DYDX (encrypted at rest, decrypted by the adapter).
        var order = Assert.Single(dydx.Orders);
        Assert.Equal(pending.ClientOrderId, order.Key);
        Assert.Equal(HMACSHA256.HashData(agentKey, Encoding.UTF8.GetBytes(pending.ClientOrderId)), order.Value.Signature);
        var stored = await sp.GetRequiredService<IMaxxitStore>().GetDeploymentAsync(dydxFirst.Id, CancellationToken.None);
        Assert.NotNull(stored!.AgentWallets[DydxVenue.Dydx].EncryptedKey);

        // Fill confirmation asks IOrderFateVenue once the first check is due.
        await LetAMinutePassAsync();
        var confirmed = Assert.Single(await sp.GetRequiredService<FillConfirmer>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(PositionStatus.Open, confirmed.Status);
        Assert.Equal(3_000m, confirmed.EntryPrice);
        Assert.Equal(order.Value.Quantity, confirmed.Quantity);
        Assert.Equal(0.8333m, confirmed.Quantity);   // 25 % of 10 000 USD at 3 000, 4 decimals, rounded down

        var overview = await client.GetOverviewAsync();
        Assert.Equal(3, overview.OpenPositions);
        Assert.Equal(1, overview.Routing.Summary.Count(DydxVenue.Dydx));
        Assert.Equal(2, overview.Routing.Summary.Count(Venue.Hyperliquid));
        var history = await client.GetRoutingHistoryAsync(new RoutingHistoryQuery(SelectedVenue: DydxVenue.Dydx));
        var routed = Assert.Single(history.History);
        Assert.Equal([DydxVenue.Dydx], routed.CheckedVenues);
        Assert.Equal("ETH", routed.TokenSymbol);
    }

    private static string Wallet(int n) => "0x" + n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<AgentDeployment> AgentAsync(IMaxxitClient client, int n, Venue[] priority, byte[] agentKey)
    {
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = Wallet(n), Name = $"Agent {n}" });
        await client.SetRoutingConfigAsync(new RoutingConfig { AgentId = agent.Id, VenuePriority = priority });
        return await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = Wallet(100 + n),
            AgentWallets = new Dictionary<Venue, AgentKeyInput>
            {
                [DydxVenue.Dydx] = new() { Address = DydxVenue.AddressOf(agentKey), PrivateKey = Convert.ToHexString(agentKey) },
                [Venue.Hyperliquid] = new() { Address = Wallet(300 + n) },
            },
        });
    }

    private static Task<Signal> SignalAsync(IMaxxitClient client, Guid agentId, string token) =>
        client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agentId, TokenSymbol = token, Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(25m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.9m,
        });
}
