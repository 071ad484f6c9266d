using Maxxit.Sdk.Client;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Routing;

/// <summary>
/// BEST_EXECUTION on Postgres: the strategy name round-trips, and venue_availability keeps each venue's breakdown while
/// a FIRST_AVAILABLE row keeps its old shape.
/// </summary>
public sealed class BestExecutionRoutingRowTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task A_best_execution_config_round_trips_on_the_migrated_schema()
    {
        await using var host = PostgresHosts.Build(database.ConnectionString);
        var client = host.GetRequiredService<IMaxxitClient>();
        var store = host.GetRequiredService<IMaxxitStore>();
        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 0, Random.Shared.Next(1, 1_000_000));

        await store.UpsertRoutingConfigAsync(new RoutingConfig { AgentId = agent.Id, VenuePriority = [Venue.Ostium, Venue.Hyperliquid], Strategy = RoutingStrategy.BestExecution }, default);

        var own = (await store.ListRoutingConfigsAsync(default)).Single(c => c.AgentId == agent.Id);
        Assert.Equal(RoutingStrategy.BestExecution, own.Strategy);
    }

    [Fact]
    public async Task Venue_availability_keeps_each_venues_breakdown_and_first_available_rows_look_as_before()
    {
        await using var host = PostgresHosts.Build(database.ConnectionString);
        var client = host.GetRequiredService<IMaxxitClient>();
        var store = host.GetRequiredService<IMaxxitStore>();
        var (agent, deployments) = await PostgresHosts.AgentWithDeploymentsAsync(client, 2, Random.Shared.Next(1, 1_000_000));
        var signal = await PostgresHosts.SignalAsync(client, agent.Id, "ETH");
        var details = new Dictionary<Venue, VenueRoutingDetail>
        {
            [Venue.Hyperliquid] = new() { Listed = true, Status = VenueRouteStatus.Refused, TotalBps = 6.2, FeeBps = 4.5, SpreadImpactBps = 1.1, CarryBps = 0.6, FixedBps = 0, SnapshotAgeSeconds = 3, Refusal = "Insufficient margin" },
            [Venue.Ostium] = new() { Listed = true, Status = VenueRouteStatus.Priced, TotalBps = 9.8, FeeBps = 3, SpreadImpactBps = 2.5, CarryBps = -0.7, FixedBps = 5, DepthExceeded = false, SnapshotAgeSeconds = 4 },
        };
        var best = Row(signal.Id, deployments[0].Id, "HYPERLIQUID refused the order (Insufficient margin); failover to OSTIUM. Routed: HYPERLIQUID: 6.2 bps …") with { VenueDetails = details };
        var plain = Row(signal.Id, deployments[1].Id, "HYPERLIQUID: pair available");
        await store.RecordNoTradeAsync(best, null, default);
        await store.RecordNoTradeAsync(plain, null, default);

        var rows = (await store.GetRoutingHistoryAsync(new RoutingHistoryQuery("ETH", Limit: 500), default)).History;
        var readBest = rows.Single(r => r.Id == best.Id);
        Assert.Equal(best.VenueAvailability.OrderBy(kv => kv.Key), readBest.VenueAvailability.OrderBy(kv => kv.Key));
        Assert.Equal(details.OrderBy(kv => kv.Key), readBest.VenueDetails!.OrderBy(kv => kv.Key));
        var readPlain = rows.Single(r => r.Id == plain.Id);
        Assert.Null(readPlain.VenueDetails);

        Assert.Equal("{\"OSTIUM\": true, \"HYPERLIQUID\": true}", await JsonbAsync(plain.Id));
        var json = await JsonbAsync(best.Id);
        Assert.Contains("\"status\": \"REFUSED\"", json);
        Assert.Contains("\"refusal\": \"Insufficient margin\"", json);
        Assert.Contains("\"total_bps\": 9.8", json);
    }

    private static RoutingRecord Row(Guid signalId, Guid deploymentId, string reason) => new()
    {
        Id = Guid.NewGuid(),
        SignalId = signalId,
        DeploymentId = deploymentId,
        TokenSymbol = "ETH",
        SelectedVenue = Venue.Ostium,
        RoutingReason = reason,
        CheckedVenues = [Venue.Hyperliquid, Venue.Ostium],
        VenueAvailability = new Dictionary<Venue, bool> { [Venue.Hyperliquid] = true, [Venue.Ostium] = true },
        RoutingDurationMs = 0.001,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<string> JsonbAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT venue_availability::text FROM venue_routing_history_v3 WHERE id = $1", connection);
        command.Parameters.AddWithValue(id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
