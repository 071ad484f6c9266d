using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

public sealed class OstiumSetupTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();

    public Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_ready_delegated_deployment_passes_every_check()
    {
        _node.FundTrader(Trader, 1_000m, allowance: 500m);
        _node.Delegations[Trader] = Agent;
        var (venue, keys) = Venue(_node);

        var report = await venue.CheckSetupAsync(Deployment(keys, Trader), 200m, default);

        Assert.True(report.IsReady, report.ToText());
        Assert.Equal(["chain", "agent_key", "delegate", "usdc_balance", "usdc_allowance", "callbacks"], report.Checks.Select(c => c.Name));
        Assert.Contains(FakeOstiumNode.Callbacks.ToString(), report.ToText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _node.SendCount);
    }

    [Fact]
    public async Task Missing_delegate_and_short_allowance_fail_with_what_the_user_must_do()
    {
        _node.FundTrader(Trader, 1_000m, allowance: 50m);
        var (venue, keys) = Venue(_node);

        var report = await venue.CheckSetupAsync(Deployment(keys, Trader), 200m, default);
        var text = report.ToText();

        Assert.False(report.IsReady);
        Assert.False(report.Checks.Single(c => c.Name == "delegate").Passed);
        Assert.Contains($"setDelegate({Agent})", text, StringComparison.Ordinal);
        Assert.False(report.Checks.Single(c => c.Name == "usdc_allowance").Passed);
        Assert.Contains("[FAIL] usdc_allowance", text, StringComparison.Ordinal);
        Assert.Contains("[ok]   agent_key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4646", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_key_that_does_not_control_the_agent_address_fails_the_key_check()
    {
        _node.FundTrader(Trader, 1_000m, allowance: 500m);
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader, recordedAgent: EthereumAddress.Parse("0x2000000000000000000000000000000000000002"));

        var report = await venue.CheckSetupAsync(deployment, 200m, default);

        var key = report.Checks.Single(c => c.Name == "agent_key");
        Assert.False(key.Passed);
        Assert.Contains("not the recorded address", key.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("4646", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_users_own_key_a_short_allowance_is_fine_because_the_adapter_approves_it()
    {
        _node.FundTrader(Agent, 1_000m, allowance: 0m);
        var (venue, keys) = Venue(_node);

        var report = await venue.CheckSetupAsync(Deployment(keys, Agent), 200m, default);

        Assert.True(report.IsReady, report.ToText());
        Assert.Contains("no delegation needed", report.Checks.Single(c => c.Name == "delegate").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_on_another_chain_fails_the_chain_check()
    {
        _node.FundTrader(Trader, 1_000m, allowance: 500m);
        _node.Delegations[Trader] = Agent;
        var (venue, keys) = Venue(_node, o => o.ChainId = 421614);

        var report = await venue.CheckSetupAsync(Deployment(keys, Trader), 200m, default);

        Assert.False(report.Checks.Single(c => c.Name == "chain").Passed);
    }
}
