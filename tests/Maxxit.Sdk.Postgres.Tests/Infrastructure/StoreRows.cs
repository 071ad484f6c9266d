using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>Rows written straight through a store (no client, no host): an agent with deployments, a pending signal.</summary>
internal static class StoreRows
{
    public static async Task<(Agent Agent, List<AgentDeployment> Deployments)> AgentAsync(IMaxxitStore store, int deployments)
    {
        var agent = new Agent { Id = Guid.NewGuid(), CreatorWallet = PostgresHosts.Wallet(1), Name = "store rows", Weights = new AgentWeights(0.5m, 0.5m), CreatedAt = DateTimeOffset.UtcNow };
        await store.CreateAgentAsync(agent, CancellationToken.None);
        var list = new List<AgentDeployment>();
        for (var i = 0; i < deployments; i++)
        {
            var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = agent.Id, UserWallet = PostgresHosts.Wallet(100 + i), CreatedAt = DateTimeOffset.UtcNow };
            await store.CreateDeploymentAsync(deployment, CancellationToken.None);
            list.Add(deployment);
        }

        return (agent, list);
    }

    public static async Task<Signal> SignalAsync(IMaxxitStore store, Guid agentId)
    {
        var signal = new Signal
        {
            Id = Guid.NewGuid(), AgentId = agentId, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(10m),
            RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.8m, CreatedAt = DateTimeOffset.UtcNow,
        };
        await store.CreateSignalAsync(signal, CancellationToken.None);
        return signal;
    }
}
