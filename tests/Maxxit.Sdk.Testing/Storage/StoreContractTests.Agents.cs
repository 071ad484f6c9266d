using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Agent_round_trips_every_field()
    {
        var agent = await NewAgentAsync();
        var loaded = await Store.GetAgentAsync(agent.Id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(agent.CreatorWallet, loaded.CreatorWallet);
        Assert.Equal(agent.Name, loaded.Name);
        Assert.Equal(Venue.Multi, loaded.Venue);
        Assert.Equal(AgentStatus.Active, loaded.Status);
        Assert.Equal(agent.XAccountIds, loaded.XAccountIds);
        Assert.Equal(agent.ResearchInstituteIds, loaded.ResearchInstituteIds);
        Assert.Equal(agent.Weights, loaded.Weights);
        Assert.Equal(agent.ProfitReceiverAddress, loaded.ProfitReceiverAddress);
        Assert.Equal(agent.CreatedAt, loaded.CreatedAt);
        Assert.Null(await Store.GetAgentAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Agents_list_filters_by_creator_case_insensitively_and_status_newest_first()
    {
        var a = await NewAgentAsync(Wallet(1));
        var b = await NewAgentAsync(Wallet(1), AgentStatus.Paused);
        var c = await NewAgentAsync(Wallet(2));

        var byCreator = await Store.ListAgentsAsync(new AgentQuery(CreatorWallet: Wallet(1).ToUpperInvariant().Replace("0X", "0x")), Ct);
        Assert.Equal([b.Id, a.Id], byCreator.Select(x => x.Id));
        var active = await Store.ListAgentsAsync(new AgentQuery(Status: AgentStatus.Active), Ct);
        Assert.Equal([c.Id, a.Id], active.Select(x => x.Id));
        Assert.Equal(3, (await Store.ListAgentsAsync(new AgentQuery(), Ct)).Count);
    }

    [Fact]
    public async Task Agent_metrics_update_and_unknown_agent_is_not_found()
    {
        var agent = await NewAgentAsync();
        await Store.UpdateAgentMetricsAsync(agent.Id, new AgentMetrics(0.12m, 0.34m, 1.5m), Ct);
        Assert.Equal(new AgentMetrics(0.12m, 0.34m, 1.5m), (await Store.GetAgentAsync(agent.Id, Ct))!.Metrics);
        await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.UpdateAgentMetricsAsync(Guid.NewGuid(), new AgentMetrics(1m, 1m, 1m), Ct));
    }

    [Fact]
    public async Task Deployment_round_trips_wallets_and_policy()
    {
        var agent = await NewAgentAsync();
        var policy = new DeploymentPolicy
        {
            MinConfidence = 0.7m,
            AllowedSide = TradeSide.Long,
            AllowedTokens = ["ETH", "BTC"],
            DeniedTokens = ["DOGE"],
            RiskPreference = RiskPreference.Conservative,
            MaxTradeSizePercent = 20m,
            MinOrderValueUsd = 15m,
            MaxLeverage = 5m,
            MaxOpenPositions = 3,
            MaxTokenExposurePercent = 40m,
            MaxTotalExposurePercent = 150m,
            CooldownPerToken = TimeSpan.FromMinutes(30),
            DailyTradeCap = 5,
            TradingHoursStartUtc = 8,
            TradingHoursEndUtc = 20,
            TradingDays = [DayOfWeek.Monday, DayOfWeek.Friday],
            PreferredVenues = [Venue.Ostium, Venue.Hyperliquid],
            ExcludedVenues = [Venue.Gmx],
        };
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = agent.Id,
            UserWallet = Wallet(7),
            AgentWallets = new Dictionary<Venue, VenueAgentWallet>
            {
                [Venue.Hyperliquid] = new(Wallet(8), new EncryptedSecret("Y2lwaGVy", "aXZpdml2aXZpdml2", "dGFndGFndGFndGFndGFnMQ==")),
                [Venue.Ostium] = new(Wallet(9), null),
            },
            Policy = policy,
            CreatedAt = NextTime(),
        };
        await Store.CreateDeploymentAsync(deployment, Ct);

        var loaded = await Store.GetDeploymentAsync(deployment.Id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(deployment.UserWallet, loaded.UserWallet);
        Assert.Equal(DeploymentStatus.Active, loaded.Status);
        Assert.True(loaded.SubActive);
        Assert.Equal(deployment.AgentWallets[Venue.Hyperliquid], loaded.AgentWallets[Venue.Hyperliquid]);
        Assert.Equal(deployment.AgentWallets[Venue.Ostium], loaded.AgentWallets[Venue.Ostium]);
        AssertPolicyEqual(policy, loaded.Policy);

        await Store.UpdateDeploymentPolicyAsync(deployment.Id, null, Ct);
        Assert.Null((await Store.GetDeploymentAsync(deployment.Id, Ct))!.Policy);
        await Store.UpdateDeploymentPolicyAsync(deployment.Id, new DeploymentPolicy { DailyTradeCap = 1 }, Ct);
        Assert.Equal(1, (await Store.GetDeploymentAsync(deployment.Id, Ct))!.Policy!.DailyTradeCap);
        await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.UpdateDeploymentPolicyAsync(Guid.NewGuid(), null, Ct));
    }

    [Fact]
    public async Task Second_deployment_of_an_agent_to_a_wallet_is_a_conflict_and_writes_nothing()
    {
        var agent = await NewAgentAsync();
        var first = await NewDeploymentAsync(agent.Id, 5);
        var duplicate = new AgentDeployment { Id = Guid.NewGuid(), AgentId = agent.Id, UserWallet = first.UserWallet.ToUpperInvariant().Replace("0X", "0x"), CreatedAt = NextTime() };

        var error = await Assert.ThrowsAsync<MaxxitConflictException>(() => Store.CreateDeploymentAsync(duplicate, Ct));
        Assert.Equal("user_wallet", error.Field);
        Assert.Null(await Store.GetDeploymentAsync(duplicate.Id, Ct));
        Assert.Single(await Store.ListDeploymentsAsync(agent.Id, null, Ct));
    }

    [Fact]
    public async Task Deployment_of_unknown_agent_is_not_found()
    {
        var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = Guid.NewGuid(), UserWallet = Wallet(3), CreatedAt = NextTime() };
        var error = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.CreateDeploymentAsync(deployment, Ct));
        Assert.Equal("agent_id", error.Field);
        Assert.Null(await Store.GetDeploymentAsync(deployment.Id, Ct));
    }

    [Fact]
    public async Task Deployments_list_by_status_oldest_first()
    {
        var agent = await NewAgentAsync();
        var a = await NewDeploymentAsync(agent.Id, 1);
        var b = await NewDeploymentAsync(agent.Id, 2, DeploymentStatus.Paused);
        var c = await NewDeploymentAsync(agent.Id, 3);
        Assert.Equal([a.Id, c.Id], (await Store.ListDeploymentsAsync(agent.Id, DeploymentStatus.Active, Ct)).Select(d => d.Id));
        Assert.Equal([a.Id, b.Id, c.Id], (await Store.ListDeploymentsAsync(agent.Id, null, Ct)).Select(d => d.Id));
        Assert.Empty(await Store.ListDeploymentsAsync(Guid.NewGuid(), null, Ct));
    }

    private static void AssertPolicyEqual(DeploymentPolicy expected, DeploymentPolicy? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.AllowedTokens, actual.AllowedTokens);
        Assert.Equal(expected.DeniedTokens, actual.DeniedTokens);
        Assert.Equal(expected.TradingDays, actual.TradingDays);
        Assert.Equal(expected.PreferredVenues, actual.PreferredVenues);
        Assert.Equal(expected.ExcludedVenues, actual.ExcludedVenues);
        var normalized = actual with
        {
            AllowedTokens = expected.AllowedTokens,
            DeniedTokens = expected.DeniedTokens,
            TradingDays = expected.TradingDays,
            PreferredVenues = expected.PreferredVenues,
            ExcludedVenues = expected.ExcludedVenues,
        };
        Assert.Equal(expected, normalized);
    }
}
