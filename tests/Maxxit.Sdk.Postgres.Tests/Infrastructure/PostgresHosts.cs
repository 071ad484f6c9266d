using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>
/// Builds independent SDK "hosts" on one database: each its own container, store and connection pool, as separate
/// processes would be.
/// </summary>
internal static class PostgresHosts
{
    public static ServiceProvider Build(
        string connectionString,
        Action<IServiceCollection>? services = null,
        Action<PostgresStoreOptions>? store = null,
        Action<Maxxit.Sdk.DependencyInjection.MaxxitBuilder>? configure = null,
        Action<MaxxitOptions>? options = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddMaxxitV3(o =>
        {
            o.SignalLease = TimeSpan.FromMinutes(2);
            o.MasterKey = TestMasterKey;
            options?.Invoke(o);
        }).UsePostgres(connectionString, store);
        configure?.Invoke(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A fixed 32-byte master key: a durable store requires one.</summary>
    public const string TestMasterKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    public static string Wallet(int n) => "0x" + n.ToString("x40");

    public static async Task<(Agent Agent, List<AgentDeployment> Deployments)> AgentWithDeploymentsAsync(IMaxxitClient client, int deployments, int creator = 1)
    {
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = Wallet(creator), Name = "Alpha Hunter V3" });
        var list = new List<AgentDeployment>();
        for (var i = 0; i < deployments; i++)
        {
            list.Add(await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = Wallet((creator * 1000) + i) }));
        }

        return (agent, list);
    }

    public static Task<Signal> SignalAsync(IMaxxitClient client, Guid agentId, string token, decimal confidence = 0.85m) =>
        client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agentId,
            TokenSymbol = token,
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(25m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = confidence,
        });
}
