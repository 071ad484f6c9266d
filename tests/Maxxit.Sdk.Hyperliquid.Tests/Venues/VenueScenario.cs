using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

/// <summary>An agent deployed to one user whose Hyperliquid agent wallet is (or is not) approved on the fake exchange.</summary>
internal sealed class VenueScenario
{
    private VenueScenario(HyperliquidTestHost host, Agent agent, AgentDeployment deployment, string user, string agentKeyHex)
    {
        Host = host;
        Agent = agent;
        Deployment = deployment;
        User = user;
        AgentKeyHex = agentKeyHex;
    }

    public HyperliquidTestHost Host { get; }

    public Agent Agent { get; }

    public AgentDeployment Deployment { get; }

    public string User { get; }

    public string AgentKeyHex { get; }

    public IMaxxitClient Client => Host.Services.GetRequiredService<IMaxxitClient>();

    public static async Task<VenueScenario> CreateAsync(HyperliquidTestHost host, decimal accountValue = 10_000m, bool approved = true)
    {
        using var user = EthereumKey.Generate();
        using var agentKey = EthereumKey.Generate();
        var address = user.Address.ToLowerHex();
        host.Server.AddUser(address, accountValue);
        if (approved)
        {
            host.Server.ApproveAgent(agentKey.Address.ToLowerHex(), address);
        }

        var client = host.Services.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest
        {
            CreatorWallet = "0x00000000000000000000000000000000000000c0",
            Name = "Momentum",
        });
        var keyHex = HyperliquidTestHost.PrivateKeyHex(agentKey);
        var deployment = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = user.Address.ToString(),
            AgentWallets = new Dictionary<Sdk.Venue, AgentKeyInput>
            {
                [Sdk.Venue.Hyperliquid] = new() { Address = agentKey.Address.ToString(), PrivateKey = keyHex },
            },
        });
        return new VenueScenario(host, agent, deployment, address, keyHex);
    }

    public Task<Signal> SignalAsync(string token = "ETH", TradeSide side = TradeSide.Long, decimal percent = 10m) =>
        Client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = Agent.Id,
            TokenSymbol = token,
            Side = side,
            SizeModel = SizeModel.PercentOf(percent),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
        });
}
