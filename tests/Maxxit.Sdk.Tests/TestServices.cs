using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests;

/// <summary>Builds the SDK on the embedded default and creates the usual agent, deployments and signals.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(Action<MaxxitBuilder>? configure = null, Action<MaxxitOptions>? options = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddMaxxitV3(options);
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static string Wallet(int n) => "0x" + n.ToString("x40");

    public static async Task<(Agent Agent, List<AgentDeployment> Deployments)> AgentWithDeploymentsAsync(IMaxxitClient client, int deployments)
    {
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = Wallet(1), Name = "Alpha Hunter V3" });
        var list = new List<AgentDeployment>();
        for (var i = 0; i < deployments; i++)
        {
            list.Add(await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = Wallet(100 + i) }));
        }

        return (agent, list);
    }

    public static Task<Signal> SignalAsync(IMaxxitClient client, Guid agentId, string token, TradeSide side = TradeSide.Long, decimal size = 25m, decimal confidence = 0.85m) =>
        client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agentId,
            TokenSymbol = token,
            Side = side,
            SizeModel = SizeModel.PercentOf(size),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = confidence,
        });
}
