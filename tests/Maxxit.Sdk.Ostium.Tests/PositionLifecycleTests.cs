using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;
using AgentKeyInput = Maxxit.Sdk.Agents.AgentKeyInput;
using CreateAgentRequest = Maxxit.Sdk.Agents.CreateAgentRequest;
using DeployAgentRequest = Maxxit.Sdk.Agents.DeployAgentRequest;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>Open through the executor, then the core's position monitor closes on Ostium when the trailing stop is hit.</summary>
public sealed class PositionLifecycleTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        _node.FundTrader(Trader, 1_000m, allowance: 10_000m);
        _node.Delegations[Trader] = Agent;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 7)).ToArray()))
            .AddOstium(o => Configure(o, _node))
            .AddPositionMonitor();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Trailing_stop_on_an_Ostium_position_closes_it_with_closeTradeMarket_through_delegatedAction()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + new string('d', 40), Name = "Gold Trailer" });
        await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = Trader.ToString(),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = Agent.ToString(), PrivateKey = AgentKeyHex } },
        });
        var signal = await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id,
            TokenSymbol = "XAU",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(20m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
        });
        var requested = Assert.Single((await _services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default)).Deployments).Position!;
        Assert.Equal(PositionStatus.PendingFill, requested.Status);
        var monitor = _services.GetRequiredService<PositionMonitor>();

        // The oracle executes the open in the next block; the monitor's pass confirms the fill first.
        _time.Advance(TimeSpan.FromSeconds(2));
        var confirmed = Assert.Single((await monitor.RunOnceAsync(default)).Confirmed!);
        Assert.Equal(PositionStatus.Open, confirmed.Status);

        _node.Prices[("XAU", "USD")] = (4800m, true);
        var up = await monitor.RunOnceAsync(default);
        _node.Prices[("XAU", "USD")] = (4660m, true);
        var stillAbove = await monitor.RunOnceAsync(default);
        _node.Prices[("XAU", "USD")] = (4650m, true);
        _node.Oracle = new OracleOutcome(ExecutionPrice: 4649.5m);
        var hit = await monitor.RunOnceAsync(default);

        Assert.Equal(1, up.BestPriceUpdates);
        Assert.Empty(up.Closed);
        Assert.Empty(stillAbove.Closed);
        // closeTradeMarket is a request too: the position stays CLOSING until the oracle's execution is read.
        Assert.Empty(hit.Closed);
        var closing = (await _services.GetRequiredService<Storage.IPositionStore>().GetPositionAsync(confirmed.Id, default))!;
        Assert.Equal((PositionStatus.Closing, true), (closing.Status, closing.ClosePending));
        _time.Advance(_services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PositionMonitorOptions>>().Value.CloseLease + TimeSpan.FromSeconds(1));
        var executed = await monitor.RunOnceAsync(default);
        var closed = Assert.Single(executed.Closed);
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(CloseReason.TrailingStop, closed.CloseReason);
        // The exit is the oracle's execution price, not the price that triggered the stop.
        Assert.Equal(4649.5m, closed.ExitPrice);
        Assert.Empty(_node.Violations);
        Assert.Equal(["openTrade", "closeTradeMarket"], _node.Received.Select(r => r.Kind));
        var close = _node.Received[1];
        Assert.Equal(Trader, close.DelegatedFor);
        Assert.Equal(new Sdk.Ostium.Contracts.CloseTradeMarketCall(5, 0, 10_000, Sdk.Ostium.Contracts.OstiumUnits.Price(4650m), 200), close.Close);
        Assert.Empty(_node.OpenTrades);

        var after = await monitor.RunOnceAsync(default);
        Assert.Empty(after.Closed);
        Assert.Equal(2, _node.SendCount);
    }

    [Fact]
    public async Task A_close_the_oracle_cancels_puts_the_position_back_to_open()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + new string('d', 40), Name = "Gold Closer" });
        await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = Trader.ToString(),
            AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = Agent.ToString(), PrivateKey = AgentKeyHex } },
        });
        var signal = await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id, TokenSymbol = "XAU", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(20m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.8m,
        });
        await _services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);
        var monitor = _services.GetRequiredService<PositionMonitor>();
        _time.Advance(TimeSpan.FromSeconds(2));
        var open = Assert.Single((await monitor.RunOnceAsync(default)).Confirmed!);

        _node.Oracle = new OracleOutcome(Cancel: Maxxit.Sdk.Ostium.Contracts.OstiumCancelReason.MarketClosed);
        var requested = await client.ClosePositionAsync(open.Id);
        Assert.Equal((PositionStatus.Closing, true), (requested.Status, requested.ClosePending));
        _time.Advance(_services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PositionMonitorOptions>>().Value.CloseLease + TimeSpan.FromSeconds(1));
        await monitor.RunOnceAsync(default);

        var reopened = (await _services.GetRequiredService<Storage.IPositionStore>().GetPositionAsync(open.Id, default))!;
        Assert.Equal(PositionStatus.Open, reopened.Status);
        Assert.Contains("MARKET_CLOSED", reopened.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, reopened.CloseAttempts);
        Assert.Equal(1, (await client.GetOverviewAsync()).OpenPositions);
        Assert.Single(_node.OpenTrades);
    }
}
