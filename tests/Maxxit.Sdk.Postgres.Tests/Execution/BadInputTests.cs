using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>Bad ids and malformed input get a typed error naming the field, and the database is left exactly as it was.</summary>
public sealed class BadInputTests : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly PostgresDatabaseFixture database;
    private ServiceProvider host = null!;
    private IMaxxitClient client = null!;
    private IMaxxitStore store = null!;
    private Agent agent = null!;
    private AgentDeployment deployment = null!;

    public BadInputTests(PostgresDatabaseFixture database) => this.database = database;

    public async Task InitializeAsync()
    {
        host = PostgresHosts.Build(database.ConnectionString);
        client = host.GetRequiredService<IMaxxitClient>();
        store = host.GetRequiredService<IMaxxitStore>();
        var creator = Random.Shared.Next(1, 1_000_000);
        (agent, var deployments) = await PostgresHosts.AgentWithDeploymentsAsync(client, 1, creator);
        deployment = deployments[0];
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> ClientCalls() => new()
    {
        { "agent with malformed creator wallet", "CreateAgentRequest.CreatorWallet" },
        { "agent with empty name", "CreateAgentRequest.Name" },
        { "agent with weight above one", "CreateAgentRequest.Weights.X" },
        { "deploy to malformed wallet", "DeployAgentRequest.UserWallet" },
        { "deploy unknown agent", "DeployAgentRequest.AgentId" },
        { "deploy twice to one wallet (other case)", "DeployAgentRequest.UserWallet" },
        { "signal with an undefined side", "GenerateSignalRequest.Side" },
        { "signal with confidence 1.5", "GenerateSignalRequest.Confidence" },
        { "signal with malformed token", "GenerateSignalRequest.TokenSymbol" },
        { "signal with size 0", "GenerateSignalRequest.SizeModel.Value" },
        { "signal of unknown agent", "GenerateSignalRequest.AgentId" },
        { "execute unknown signal", "signalId" },
        { "execute empty signal id", "signalId" },
    };

    [Theory]
    [MemberData(nameof(ClientCalls))]
    public async Task Client_operation_with_bad_input_fails_with_its_field_and_writes_nothing(string call, string field)
    {
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAnyAsync<MaxxitException>(() => Call(call));

        Assert.Equal(field, error switch
        {
            MaxxitValidationException v => v.Field,
            MaxxitNotFoundException n => n.Field,
            MaxxitConflictException c => c.Field,
            _ => "?",
        });
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Store_refuses_what_the_schema_forbids_even_when_the_client_is_bypassed()
    {
        var before = await SnapshotAsync();
        var good = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = agent.Id,
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(10m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.7m,
            CreatedAt = DateTimeOffset.UtcNow,
        };

        var confidence = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.CreateSignalAsync(good with { Confidence = 1.5m }, CancellationToken.None));
        var nul = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.CreateSignalAsync(good with { Reasoning = "bad\0text" }, CancellationToken.None));
        var side = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.CreateSignalAsync(good with { Side = (TradeSide)7 }, CancellationToken.None));
        var venue = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.CreateSignalAsync(good with { RequestedVenue = default }, CancellationToken.None));
        var multiVenue = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.CreateAgentAsync(agent with { Id = Guid.NewGuid(), Venue = Venue.Ostium }, CancellationToken.None));
        var unknownAgent = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.CreateSignalsWithCursorAsync(
            [good, good with { Id = Guid.NewGuid(), AgentId = Guid.NewGuid() }],
            new SourceCursor(agent.Id, new Dictionary<string, string> { ["x:1"] = "9" }),
            CancellationToken.None));
        var unknownSignal = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.RecordNoTradeAsync(
            null, new PolicyRecord(Guid.NewGuid(), deployment.Id, Policies.PolicyOutcome.Rejected, [], "r", "x", DateTimeOffset.UtcNow), CancellationToken.None));
        var audit = new RoutingRecord
        {
            Id = Guid.NewGuid(),
            SignalId = Guid.NewGuid(),
            DeploymentId = deployment.Id,
            TokenSymbol = "ETH",
            SelectedVenue = Venue.Hyperliquid,
            RoutingReason = "HYPERLIQUID: pair available",
            CheckedVenues = [Venue.Hyperliquid],
            VenueAvailability = new Dictionary<Venue, bool> { [Venue.Hyperliquid] = true },
            RoutingDurationMs = 0.01,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var auditOfUnknownSignal = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.RecordNoTradeAsync(audit, null, CancellationToken.None));
        var existingSignal = (await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(10m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.7m,
        })).Id;
        before = await SnapshotAsync();
        var auditOfUnknownDeployment = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.RecordNoTradeAsync(audit with { SignalId = existingSignal, DeploymentId = Guid.NewGuid() }, null, CancellationToken.None));
        // The audit row is valid but the policy record is not: neither is written.
        var halfValid = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.RecordNoTradeAsync(
            audit with { SignalId = existingSignal },
            new PolicyRecord(existingSignal, Guid.NewGuid(), Policies.PolicyOutcome.Rejected, [], "r", "x", DateTimeOffset.UtcNow),
            CancellationToken.None));
        var unknownPosition = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => store.CompleteOpenAsync(
            Guid.NewGuid(), 1, new PositionFill("o", 1m, 1m, 1m, 1m, 0m, null, null, null), CancellationToken.None));
        var badLease = await Assert.ThrowsAsync<MaxxitValidationException>(() => store.ClaimPendingSignalsAsync(5, DateTimeOffset.UtcNow, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal("confidence", confidence.Field);
        Assert.Equal("side", side.Field);
        Assert.Equal("requested_venue", venue.Field);
        Assert.Equal("venue", multiVenue.Field);
        Assert.DoesNotContain("bad", nul.Message, StringComparison.Ordinal);
        Assert.Equal("agent_id", unknownAgent.Field);
        Assert.Equal("signal_id", unknownSignal.Field);
        Assert.Equal("position_id", unknownPosition.Field);
        Assert.Equal("lease", badLease.Field);
        Assert.Equal("signal_id", auditOfUnknownSignal.Field);
        Assert.Equal("deployment_id", auditOfUnknownDeployment.Field);
        Assert.Equal("deployment_id", halfValid.Field);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty((await store.GetCursorAsync(agent.Id, CancellationToken.None)).Positions);
    }

    private Task Call(string call) => call switch
    {
        "agent with malformed creator wallet" => client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x123", Name = "n" }),
        "agent with empty name" => client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = PostgresHosts.Wallet(5), Name = "  " }),
        "agent with weight above one" => client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = PostgresHosts.Wallet(5), Name = "n", Weights = new AgentWeights(1.5m, 0m) }),
        "deploy to malformed wallet" => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "not-a-wallet" }),
        "deploy unknown agent" => client.DeployAgentAsync(new DeployAgentRequest { AgentId = Guid.NewGuid(), UserWallet = PostgresHosts.Wallet(6) }),
        "deploy twice to one wallet (other case)" => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = deployment.UserWallet.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) }),
        "signal with an undefined side" => Signal(r => r with { Side = (TradeSide)7 }),
        "signal with confidence 1.5" => Signal(r => r with { Confidence = 1.5m }),
        "signal with malformed token" => Signal(r => r with { TokenSymbol = "ETH'; DROP TABLE signals_v3; --" }),
        "signal with size 0" => Signal(r => r with { SizeModel = SizeModel.PercentOf(0m) }),
        "signal of unknown agent" => Signal(r => r with { AgentId = Guid.NewGuid() }),
        "execute unknown signal" => client.ExecuteTradeAsync(Guid.NewGuid()),
        "execute empty signal id" => client.ExecuteTradeAsync(Guid.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };

    private Task Signal(Func<GenerateSignalRequest, GenerateSignalRequest> change) => client.GenerateSignalAsync(change(new GenerateSignalRequest
    {
        AgentId = agent.Id,
        TokenSymbol = "ETH",
        Side = TradeSide.Long,
        SizeModel = SizeModel.PercentOf(25m),
        RiskModel = RiskModel.Trailing(0.03m),
        Confidence = 0.8m,
    }));

    /// <summary>Row count and content checksum of every table of ours.</summary>
    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var t in new[] { "agents_v3", "agent_deployments_v3", "signals_v3", "positions_v3", "venue_routing_config_v3", "venue_routing_history_v3", "policy_decisions_v3", "agent_source_cursors_v3" })
        {
            parts.Add(t + ":" + await Db.ScalarAsync<string>(database.DataSource, $"SELECT count(*) || '/' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {t} x"));
        }

        return string.Join("\n", parts);
    }
}
