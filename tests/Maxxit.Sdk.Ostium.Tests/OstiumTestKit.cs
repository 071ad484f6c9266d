using System.Security.Cryptography;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>Keys, options and a venue wired to a <see cref="FakeOstiumNode"/>.</summary>
internal static class OstiumTestKit
{
    public const string AgentKeyHex = "0x4646464646464646464646464646464646464646464646464646464646464646";

    public static readonly EthereumAddress Agent = AddressOf(AgentKeyHex);

    public static readonly EthereumAddress Trader = AddressOf("0x1111111111111111111111111111111111111111111111111111111111111111");

    public static EthereumAddress AddressOf(string keyHex)
    {
        using var key = EthereumKey.FromHex(keyHex);
        return key.Address;
    }

    public static void Configure(OstiumOptions o, FakeOstiumNode node)
    {
        o.RpcUrl = node.RpcUrl;
        o.SubgraphUrl = node.SubgraphUrl;
        o.PriceFeedUrl = node.PricesUrl;
        o.ChainId = node.ChainId;
        o.TradingAddress = FakeOstiumNode.Trading.ToString();
        o.TradingStorageAddress = FakeOstiumNode.TradingStorage.ToString();
        o.UsdcAddress = FakeOstiumNode.Usdc.ToString();
        o.ReceiptPollInterval = TimeSpan.FromMilliseconds(10);
        o.ReceiptTimeout = TimeSpan.FromMilliseconds(300);
        o.ReadRetryDelay = TimeSpan.FromMilliseconds(1);
    }

    public static (OstiumVenue Venue, IAgentKeyProtector Keys) Venue(FakeOstiumNode node, Action<OstiumOptions>? tweak = null)
    {
        var options = new OstiumOptions();
        Configure(options, node);
        tweak?.Invoke(options);
        var keys = new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var http = new HttpClient();
        var venue = new OstiumVenue(
            Options.Create(options),
            new EthereumRpcClient(http, options.RpcUrl!, TimeProvider.System, options.ReadRetryCount, options.ReadRetryDelay, new RevertDecoder(OstiumErrors.Signatures)),
            new OstiumSubgraphClient(http, options.SubgraphUrl!, TimeProvider.System, options.ReadRetryCount, options.ReadRetryDelay),
            new OstiumPriceFeedClient(http, options.PriceFeedUrl!, TimeProvider.System, options.ReadRetryCount, options.ReadRetryDelay),
            keys,
            new VenueHealthRegistry(),
            NullLogger<OstiumVenue>.Instance);
        return (venue, keys);
    }

    public static AgentDeployment Deployment(IAgentKeyProtector keys, EthereumAddress userWallet, string agentKeyHex = AgentKeyHex, EthereumAddress? recordedAgent = null)
    {
        var secret = Hex.Decode(agentKeyHex);
        var agentAddress = (recordedAgent ?? AddressOf(agentKeyHex)).ToString();
        var encrypted = keys.Protect(secret, new AgentKeyBinding(userWallet.ToString(), Sdk.Venue.Ostium, agentAddress));
        CryptographicOperations.ZeroMemory(secret);
        return new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = Guid.NewGuid(),
            UserWallet = userWallet.ToString(),
            AgentWallets = new Dictionary<Venue, VenueAgentWallet>
            {
                [Sdk.Venue.Ostium] = new(agentAddress, encrypted),
            },
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
    }

    public static async Task<MarketInfo> MarketAsync(OstiumVenue venue, string symbol) =>
        (await venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == symbol);

    public static OrderRequest Order(AgentDeployment deployment, MarketInfo market, IOrderJournal journal, decimal sizePercent = 10m, decimal? leverage = 5m, TradeSide side = TradeSide.Long) => new()
    {
        SignalId = Guid.NewGuid(),
        Deployment = deployment,
        ClientOrderId = "0x" + new string('a', 32),
        Market = market,
        Side = side,
        SizePercent = sizePercent,
        Leverage = leverage,
        Risk = RiskModel.Trailing(0.03m),
        Journal = journal,
    };
}
