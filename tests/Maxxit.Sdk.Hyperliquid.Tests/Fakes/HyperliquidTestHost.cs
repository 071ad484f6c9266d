using System.Security.Cryptography;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

/// <summary>A fake exchange plus a container wired with AddMaxxitV3().AddHyperliquid(BaseUrl = fake).</summary>
internal sealed class HyperliquidTestHost : IAsyncDisposable
{
    private HyperliquidTestHost(FakeHyperliquidServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public FakeHyperliquidServer Server { get; }

    public ServiceProvider Services { get; }

    public HyperliquidInfoClient Info => Services.GetRequiredService<HyperliquidInfoClient>();

    public HyperliquidExchangeClient Exchange => Services.GetRequiredService<HyperliquidExchangeClient>();

    public HyperliquidVenue Venue => Services.GetRequiredService<HyperliquidVenue>();

    public static async Task<HyperliquidTestHost> StartAsync(
        HyperliquidNetwork serverNetwork = HyperliquidNetwork.Testnet,
        HyperliquidNetwork clientNetwork = HyperliquidNetwork.Testnet,
        Action<HyperliquidOptions>? configure = null,
        TimeProvider? time = null,
        Action<MaxxitOptions>? core = null,
        Action<Maxxit.Sdk.DependencyInjection.MaxxitBuilder>? build = null)
    {
        var server = await FakeHyperliquidServer.StartAsync(serverNetwork);
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var maxxit = services.AddMaxxitV3(o =>
            {
                o.MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                core?.Invoke(o);
            })
            .AddHyperliquid(o =>
            {
                o.Network = clientNetwork;
                o.BaseUrl = server.BaseUrl;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                configure?.Invoke(o);
            });
        build?.Invoke(maxxit);
        return new HyperliquidTestHost(server, services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>A user account on the fake plus an agent key the user approved.</summary>
    public (string User, EthereumKey Agent) AddApprovedUser(decimal accountValue = 10_000m)
    {
        using var user = EthereumKey.Generate();
        var agent = EthereumKey.Generate();
        var address = user.Address.ToLowerHex();
        Server.AddUser(address, accountValue);
        Server.ApproveAgent(agent.Address.ToLowerHex(), address);
        return (address, agent);
    }

    public static string PrivateKeyHex(EthereumKey key)
    {
        var bytes = new byte[32];
        key.CopyPrivateKeyTo(bytes);
        try
        {
            return Hex.Encode(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
