using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Policies;

/// <summary>
/// Policies end to end on a real store: the state the stateful rules read (open positions, exposure, last trade per
/// token, trades today) and the records they leave (policy records, rejections by rule). Every store runs these tests
/// through a subclass that makes a fresh, empty store.
/// </summary>
public abstract class PolicyStoreContractTests : IAsyncLifetime
{
    protected PolicyScenario Scenario { get; private set; } = null!;

    /// <summary>Makes a fresh, empty store.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    public async Task InitializeAsync() => Scenario = PolicyScenario.Create(await CreateStoreAsync());

    public virtual async Task DisposeAsync() => await Scenario.DisposeAsync();

    [Fact]
    public async Task Cooldown_refuses_the_same_token_until_it_lapses_on_the_fake_clock()
    {
        var agent = await Scenario.AgentAsync();
        var deployment = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { CooldownPerToken = TimeSpan.FromHours(1) });

        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "ETH")).Outcome);

        Scenario.Time.Advance(TimeSpan.FromMinutes(30));
        var tooSoon = await Scenario.TradeAsync(agent.Id, "ETH");
        Assert.Equal(SignalStatus.Skipped, tooSoon.Status);
        Assert.Equal(DeploymentOutcome.PolicyRejected, Single(tooSoon).Outcome);
        Assert.Equal("cooldown", Single(tooSoon).Policy!.RejectedBy);
        Assert.Contains("lasts until 2026-11-02 11:00:00Z", tooSoon.Reason);
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "BTC")).Outcome);

        Scenario.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "ETH")).Outcome);
        Assert.Equal(3, (await Scenario.Store.ListPositionsAsync(new PositionQuery(DeploymentId: deployment.Id), default)).Count);
    }

    [Fact]
    public async Task Daily_trade_cap_counts_trades_since_midnight_utc()
    {
        var agent = await Scenario.AgentAsync();
        await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { DailyTradeCap = 2 });

        Assert.Equal(SignalStatus.Executed, (await Scenario.TradeAsync(agent.Id, "ETH")).Status);
        Assert.Equal(SignalStatus.Executed, (await Scenario.TradeAsync(agent.Id, "BTC")).Status);
        var third = await Scenario.TradeAsync(agent.Id, "SOL");
        Assert.Equal("daily_trade_cap", Single(third).Policy!.RejectedBy);
        Assert.Equal("Rejected by policy rule daily_trade_cap: 2 trades today (UTC); the daily cap is 2", third.Reason);

        Scenario.Time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.Equal("daily_trade_cap", Single(await Scenario.TradeAsync(agent.Id, "SOL")).Policy!.RejectedBy);
        Scenario.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "SOL")).Outcome);
    }

    [Fact]
    public async Task Max_open_positions_counts_the_deployments_open_positions_only()
    {
        var agent = await Scenario.AgentAsync();
        var capped = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxOpenPositions = 1 });
        var free = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy());

        await Scenario.TradeAsync(agent.Id, "ETH");
        var second = await Scenario.TradeAsync(agent.Id, "BTC");

        Assert.Equal(SignalStatus.Executed, second.Status);
        Assert.Equal(DeploymentOutcome.PolicyRejected, second.Deployments.Single(d => d.DeploymentId == capped.Id).Outcome);
        Assert.Equal(DeploymentOutcome.Opened, second.Deployments.Single(d => d.DeploymentId == free.Id).Outcome);
        Assert.Equal("1 positions open; the maximum is 1", second.Deployments.Single(d => d.DeploymentId == capped.Id).Policy!.Reason);
    }

    [Fact]
    public async Task Token_exposure_cap_shrinks_a_trade_to_the_headroom_then_refuses()
    {
        Scenario.Prices.SetPrice(Venue.Hyperliquid, "ETH", 2_000m);
        var agent = await Scenario.AgentAsync();
        var deployment = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxTokenExposurePercent = 50m });

        // 20 % of 10 000 at 2x = 4 000 notional, under the 5 000 cap.
        Assert.Equal(PolicyOutcome.Accepted, Single(await Scenario.TradeAsync(agent.Id, "ETH")).Policy!.Outcome);

        var shrunk = Single(await Scenario.TradeAsync(agent.Id, "ETH"));
        Assert.Equal(DeploymentOutcome.Opened, shrunk.Outcome);
        Assert.Equal([new PolicyAdjustment("exposure", "size_percent", "20", "5")], shrunk.Policy!.Adjustments);
        Assert.Equal(5m, shrunk.Position!.SizePercent);
        Assert.Equal(0.5m, shrunk.Position.Quantity);

        var refused = Single(await Scenario.TradeAsync(agent.Id, "ETH"));
        Assert.Equal("exposure", refused.Policy!.RejectedBy);
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "BTC")).Outcome);

        var state = await Scenario.Store.GetPolicyStateAsync(deployment.Id, "ETH", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), default);
        Assert.Equal(5_000m, state.TokenNotionalUsd);
        Assert.Equal(3, state.OpenPositions);
    }

    [Fact]
    public async Task Total_exposure_cap_counts_every_token()
    {
        var agent = await Scenario.AgentAsync();
        await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxTotalExposurePercent = 40m, MinOrderValueUsd = 100m });

        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "BTC")).Outcome);
        var next = Single(await Scenario.TradeAsync(agent.Id, "ETH"));

        // BTC took all but a few cents of the 4 000 USD allowed (its quantity is rounded down); exposure shrinks ETH to
        // those cents, which the minimum order value then refuses.
        Assert.Equal(DeploymentOutcome.PolicyRejected, next.Outcome);
        Assert.Equal("min_order_value", next.Policy!.RejectedBy);
        Assert.Equal("exposure", Assert.Single(next.Policy.Adjustments).Rule);
    }

    [Fact]
    public async Task One_signal_adjusted_for_one_user_and_rejected_for_another_is_executed_with_both_outcomes_recorded()
    {
        var agent = await Scenario.AgentAsync();
        var cautious = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { RiskPreference = RiskPreference.Conservative });
        var shortOnly = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { AllowedSide = TradeSide.Short });

        var result = await Scenario.TradeAsync(agent.Id, "ETH", sizePercent: 20m);

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal("1 of 2 deployments not opened: Rejected by policy rule side_restriction: LONG trades are not allowed (SHORT only)", result.Reason);
        var adjusted = result.Deployments.Single(d => d.DeploymentId == cautious.Id);
        Assert.Equal(DeploymentOutcome.Opened, adjusted.Outcome);
        Assert.Equal(10m, adjusted.Position!.SizePercent);
        Assert.Equal(DeploymentOutcome.PolicyRejected, result.Deployments.Single(d => d.DeploymentId == shortOnly.Id).Outcome);

        var signal = (await Scenario.Store.GetSignalAsync(result.SignalId, default))!;
        Assert.Equal(SignalStatus.Executed, signal.Status);
        Assert.Equal(result.Reason, signal.SkippedReason);
        var adjustedRecord = (await Scenario.Store.GetPolicyRecordAsync(result.SignalId, cautious.Id, default))!;
        Assert.Equal(PolicyOutcome.Adjusted, adjustedRecord.Outcome);
        Assert.Equal([new PolicyAdjustment("size", "size_percent", "20", "10")], adjustedRecord.Adjustments);
        var rejectedRecord = (await Scenario.Store.GetPolicyRecordAsync(result.SignalId, shortOnly.Id, default))!;
        Assert.Equal(PolicyOutcome.Rejected, rejectedRecord.Outcome);
        Assert.Equal("side_restriction", rejectedRecord.RejectedBy);
        Assert.Equal("LONG trades are not allowed (SHORT only)", rejectedRecord.Reason);
        Assert.Empty(await Scenario.Store.ListPositionsAsync(new PositionQuery(DeploymentId: shortOnly.Id), default));
    }

    [Fact]
    public async Task Rejections_show_in_the_overview_by_rule_and_a_signal_rejected_everywhere_is_skipped()
    {
        var agent = await Scenario.AgentAsync();
        await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { DeniedTokens = ["DOGE"] });
        await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { MinConfidence = 0.9m, DeniedTokens = ["DOGE"] });

        var doge = await Scenario.TradeAsync(agent.Id, "DOGE", confidence: 0.95m);
        var weak = await Scenario.TradeAsync(agent.Id, "ETH", confidence: 0.7m);

        Assert.Equal(SignalStatus.Skipped, doge.Status);
        Assert.Equal("Rejected by policy rule token_lists: DOGE is on the deny-list", doge.Reason);
        Assert.Equal(SignalStatus.Executed, weak.Status);
        var overview = await Scenario.Client.GetOverviewAsync();
        Assert.Equal(2, overview.PolicyRejectionsByRule["token_lists"]);
        Assert.Equal(1, overview.PolicyRejectionsByRule["confidence_floor"]);
        Assert.Equal(2, overview.PolicyRejectionsByRule.Count);
        Assert.Equal(1, overview.Positions);
    }

    [Fact]
    public async Task An_updated_policy_applies_to_the_next_signal_and_a_bad_update_changes_nothing()
    {
        var agent = await Scenario.AgentAsync();
        var deployment = await Scenario.DeployAsync(agent.Id, new DeploymentPolicy { AllowedTokens = ["BTC"] });
        Assert.Equal(DeploymentOutcome.PolicyRejected, Single(await Scenario.TradeAsync(agent.Id, "ETH")).Outcome);

        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() =>
            Scenario.Client.UpdateDeploymentPolicyAsync(deployment.Id, new DeploymentPolicy { MaxTradeSizePercent = -1m }));
        Assert.Equal("DeploymentPolicy.MaxTradeSizePercent", error.Field);
        Assert.Equal(["BTC"], (await Scenario.Store.GetDeploymentAsync(deployment.Id, default))!.Policy!.AllowedTokens);

        var updated = await Scenario.Client.UpdateDeploymentPolicyAsync(deployment.Id, new DeploymentPolicy { AllowedTokens = ["ETH"] });
        Assert.Equal(["ETH"], updated.Policy!.AllowedTokens);
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "ETH")).Outcome);

        await Scenario.Client.UpdateDeploymentPolicyAsync(deployment.Id, null);
        Assert.Null((await Scenario.Store.GetDeploymentAsync(deployment.Id, default))!.Policy);
        Assert.Equal(DeploymentOutcome.Opened, Single(await Scenario.TradeAsync(agent.Id, "SOL")).Outcome);
    }

    private static DeploymentExecution Single(ExecutionResult result) => Assert.Single(result.Deployments);
}
