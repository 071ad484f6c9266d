using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Policies;
using Microsoft.Extensions.DependencyInjection;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

public sealed class OstiumAccountValueProviderTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Account_value_is_the_users_USDC_balance_and_unknown_when_the_node_is_down()
    {
        _node.FundTrader(Trader, 1234.56789m);
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddOstium(o => Configure(o, _node)).UseAccountValueProvider<OstiumAccountValueProvider>();
        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<IAccountValueProvider>();
        var (_, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);

        Assert.IsType<OstiumAccountValueProvider>(accounts);
        Assert.Equal(1234.567890m, await accounts.GetAccountValueUsdAsync(deployment, default));

        _node.FailNextRequests = 100;
        Assert.Null(await accounts.GetAccountValueUsdAsync(deployment, default));
    }
}
