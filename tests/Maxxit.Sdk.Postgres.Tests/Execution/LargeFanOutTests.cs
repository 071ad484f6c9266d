using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>A fan-out wider than one venue gate on Postgres: answers written in chunks, the last with the completion.</summary>
public sealed class LargeFanOutTests
{
    [Fact]
    public async Task A_fan_out_wider_than_the_gate_opens_every_position_once_and_reports_the_stored_rows()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("fanout");
        await using var host = PostgresHosts.Build(db.ConnectionString, options: o => o.MaxOrdersInFlightPerVenue = 8);
        var client = host.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await PostgresHosts.AgentWithDeploymentsAsync(client, 300);
        var signal = await PostgresHosts.SignalAsync(client, agent.Id, "ETH");

        var result = await host.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.All(result.Deployments, d => Assert.Equal(DeploymentOutcome.Opened, d.Outcome));
        var stored = (await host.GetRequiredService<IMaxxitStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 10_000), default)).ToDictionary(p => p.DeploymentId);
        Assert.Equal(deployments.Select(d => d.Id).Order(), stored.Keys.Order());
        Assert.All(result.Deployments, d => Assert.Equal(stored[d.DeploymentId], d.Position));
        await using var data = NpgsqlDataSource.Create(db.ConnectionString);
        await using var cmd = data.CreateCommand("SELECT (SELECT count(*) FROM positions_v3 WHERE status = 'OPEN'), (SELECT count(*) FROM venue_routing_history_v3), (SELECT count(*) FROM policy_decisions_v3)");
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal((300L, 300L, 300L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
    }
}
