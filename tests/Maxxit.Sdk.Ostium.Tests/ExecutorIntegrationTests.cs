using AgentKeyInput = Maxxit.Sdk.Agents.AgentKeyInput;
using CreateAgentRequest = Maxxit.Sdk.Agents.CreateAgentRequest;
using DeployAgentRequest = Maxxit.Sdk.Agents.DeployAgentRequest;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>The whole pipeline through <see cref="ITradeExecutor"/>, with the real Ostium adapter against the fake node.</summary>
public sealed class ExecutorIntegrationTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        _node.FundTrader(Trader, 2_000m, allowance: 10_000m);
        _node.Delegations[Trader] = Agent;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()))
            .AddOstium(o => Configure(o, _node))
            .UsePaperVenues(); // ETH stays on paper Hyperliquid next to the real Ostium, on purpose
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Xau_signal_routes_to_Ostium_is_pending_until_the_oracle_executes_then_open_at_the_executed_price()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        var executor = _services.GetRequiredService<ITradeExecutor>();
        var signal = await DeployedSignalAsync(client, "XAU", sizePercent: 25m);

        var first = await executor.ExecuteAsync(signal.Id, default);

        Assert.Empty(_node.Violations);
        Assert.Equal(SignalStatus.Executed, first.Status);
        Assert.Equal(Venue.Ostium, first.FinalVenue);
        var outcome = Assert.Single(first.Deployments);
        Assert.Equal(DeploymentOutcome.Pending, outcome.Outcome);
        Assert.StartsWith("OSTIUM: pair available", outcome.Routing!.Reason, StringComparison.Ordinal);
        var position = outcome.Position!;
        Assert.Equal(Venue.Ostium, position.Venue);
        Assert.Equal("1001", position.VenueOrderId);
        var tx = Assert.Single(_node.Received);
        Assert.StartsWith(tx.Signed.HashHex(), position.SubmissionId, StringComparison.Ordinal);
        Assert.Equal(Trader, tx.DelegatedFor);
        Assert.Equal(new System.Numerics.BigInteger(500_000_000), tx.Open!.Trade.Collateral);

        var second = await executor.ExecuteAsync(signal.Id, default);

        Assert.True(second.AlreadyProcessed);
        Assert.Equal(1, _node.SendCount);
        var stored = Assert.Single(await _services.GetRequiredService<Storage.IPositionStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default));
        Assert.Equal("1001", stored.VenueOrderId);

        // The open is a request: PENDING_FILL, not open, until fill confirmation reads the oracle's execution.
        Assert.Equal(PositionStatus.PendingFill, stored.Status);
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);
        _time.Advance(TimeSpan.FromSeconds(2));
        var confirmed = Assert.Single(await _services.GetRequiredService<FillConfirmer>().RunOnceAsync(default));

        Assert.Equal(PositionStatus.Open, confirmed.Status);
        Assert.Equal(4650.75m, confirmed.EntryPrice);
        Assert.StartsWith("trade:5:0:1001", confirmed.VenueOrderId, StringComparison.Ordinal);
        Assert.InRange(confirmed.CollateralUsd, 499m, 500m);
        Assert.Equal(1, (await client.GetOverviewAsync()).OpenPositions);
    }

    [Fact]
    public async Task An_open_the_oracle_executes_at_another_price_is_open_at_the_executed_price()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        _node.Oracle = new OracleOutcome(ExecutionPrice: 4652.10m);
        var signal = await DeployedSignalAsync(client, "XAU", sizePercent: 25m);
        await _services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        _time.Advance(TimeSpan.FromSeconds(2));
        var confirmed = Assert.Single(await _services.GetRequiredService<FillConfirmer>().RunOnceAsync(default));

        Assert.Equal(PositionStatus.Open, confirmed.Status);
        Assert.Equal(4652.10m, confirmed.EntryPrice);
        Assert.Equal(4652.10m, confirmed.Trailing!.BestPrice);
    }

    [Fact]
    public async Task An_open_the_oracle_cancels_is_cancelled_with_the_contracts_reason_and_never_counts_as_open()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        _node.Oracle = new OracleOutcome(Cancel: Maxxit.Sdk.Ostium.Contracts.OstiumCancelReason.Slippage);
        var signal = await DeployedSignalAsync(client, "XAU", sizePercent: 25m);
        var result = await _services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);
        var deploymentId = Assert.Single(result.Deployments).DeploymentId;

        _time.Advance(TimeSpan.FromSeconds(2));
        var cancelled = Assert.Single(await _services.GetRequiredService<FillConfirmer>().RunOnceAsync(default));

        Assert.Equal(PositionStatus.Cancelled, cancelled.Status);
        Assert.Contains("SLIPPAGE", cancelled.FailureReason, StringComparison.OrdinalIgnoreCase);
        var overview = await client.GetOverviewAsync();
        Assert.Equal(0, overview.OpenPositions);
        Assert.Equal(0, overview.Positions);
        var state = await _services.GetRequiredService<Storage.IExecutionStore>().GetPolicyStateAsync(deploymentId, "XAU", DateTimeOffset.MinValue, default);
        Assert.Equal((0, 0m), (state.OpenPositions, state.OpenNotionalUsd));
    }

    [Fact]
    public async Task Lost_answer_after_the_send_then_a_rerun_after_the_lease_finds_the_journaled_hash_and_sends_nothing_new()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        var executor = _services.GetRequiredService<ITradeExecutor>();
        var signal = await DeployedSignalAsync(client, "XAU", sizePercent: 10m);
        _node.DropNextSendAnswer = true;

        var crashed = await executor.ExecuteAsync(signal.Id, default);

        // The outcome is unknown: the position stays SUBMITTED and fill confirmation asks the chain by the journaled hash.
        Assert.Equal(DeploymentOutcome.Unknown, Assert.Single(crashed.Deployments).Outcome);
        Assert.Equal(1, _node.SendCount);
        var reserved = Assert.Single(await _services.GetRequiredService<Storage.IPositionStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default));
        Assert.Equal(Orders.OstiumSubmission.Format(_node.Received[0].Signed.HashHex(), _node.Received[0].Signed.RawBytes), reserved.SubmissionId);

        Assert.Equal(PositionStatus.Submitted, reserved.Status);
        _time.Advance(TimeSpan.FromSeconds(2));
        var position = Assert.Single(await _services.GetRequiredService<FillConfirmer>().RunOnceAsync(default));

        Assert.Equal(PositionStatus.Open, position.Status);
        Assert.StartsWith("trade:5:0:1001", position.VenueOrderId, StringComparison.Ordinal);
        Assert.Equal(1, _node.SendCount);
        Assert.Single(_node.Received);
        Assert.Empty(_node.Violations);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(AgentKeyHex[2..], StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Eth_still_goes_to_paper_Hyperliquid_first_and_Ostium_is_untouched()
    {
        var client = _services.GetRequiredService<IMaxxitClient>();
        var signal = await DeployedSignalAsync(client, "ETH", sizePercent: 10m);

        var result = await _services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        Assert.Equal(Venue.Hyperliquid, result.FinalVenue);
        Assert.Equal(0, _node.SendCount);
    }

    [Fact]
    public async Task While_day_trading_is_closed_the_executor_sizes_leverage_to_the_overnight_maximum_instead_of_being_refused()
    {
        // NVDA: maximum 10x, overnight maximum 5x. The venue's leverage rule feeds the core's LeverageLimits, so a default
        // of 8x is sent (and recorded) at 5x instead of being refused with overnight_max_leverage.
        _node.DayTradingClosed.Add(("NVDA", "USD"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddMaxxitV3(o =>
            {
                o.MasterKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray());
                o.DefaultLeverage = 8m;
            })
            .AddOstium(o => Configure(o, _node));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var signal = await DeployedSignalAsync(provider.GetRequiredService<IMaxxitClient>(), "NVDA", sizePercent: 25m);

        var result = await provider.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        Assert.Equal(Venue.Ostium, result.FinalVenue);
        var position = Assert.Single(result.Deployments).Position!;
        Assert.Equal(5m, position.Leverage);
        Assert.Equal(500u, Assert.Single(_node.Received).Open!.Trade.Leverage);
    }

    private static async Task<Signal> DeployedSignalAsync(IMaxxitClient client, string token, decimal sizePercent)
    {
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + new string('c', 40), Name = "Gold Bug" });
        await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = Trader.ToString(),
            AgentWallets = new Dictionary<Venue, AgentKeyInput>
            {
                [Venue.Ostium] = new() { Address = Agent.ToString(), PrivateKey = AgentKeyHex },
            },
        });
        return await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id,
            TokenSymbol = token,
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(sizePercent),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
        });
    }
}
