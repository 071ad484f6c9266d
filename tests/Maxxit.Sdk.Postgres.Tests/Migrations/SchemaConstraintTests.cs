using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Migrations;

/// <summary>The schema itself refuses what must never be stored, whatever code writes to it.</summary>
public sealed class SchemaConstraintTests : IClassFixture<SchemaConstraintTests.Fixture>
{
    private readonly NpgsqlDataSource ds;

    public SchemaConstraintTests(Fixture fixture) => ds = fixture.DataSource;

    [Fact]
    public async Task Second_deployment_for_the_same_agent_and_wallet_is_refused()
    {
        var agent = await NewAgentAsync();
        await Db.ExecAsync(ds, "INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status) VALUES ($1, $2, '0xabc', 'ACTIVE')", Guid.NewGuid(), agent);

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            Db.ExecAsync(ds, "INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status) VALUES ($1, $2, '0xabc', 'ACTIVE')", Guid.NewGuid(), agent));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Equal("agent_deployments_v3_agent_wallet_key", ex.ConstraintName);
    }

    [Fact]
    public async Task Second_position_for_the_same_signal_and_deployment_is_refused()
    {
        var agent = await NewAgentAsync();
        var deployment = Guid.NewGuid();
        var signal = Guid.NewGuid();
        await Db.ExecAsync(ds, "INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status) VALUES ($1, $2, '0xdef', 'ACTIVE')", deployment, agent);
        await Db.ExecAsync(ds, "INSERT INTO signals_v3 (id, agent_id, token_symbol, side, size_model, risk_model, confidence, status) VALUES ($1, $2, 'ETH', 'LONG', '{}', '{}', 0.8, 'PENDING')", signal, agent);
        const string insert = "INSERT INTO positions_v3 (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, status, client_order_id) VALUES ($1, $2, $3, 'HYPERLIQUID', 'ETH', 'LONG', 1, 3000, 'OPEN', 'coid')";
        await Db.ExecAsync(ds, insert, Guid.NewGuid(), deployment, signal);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecAsync(ds, insert, Guid.NewGuid(), deployment, signal));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Equal("positions_v3_signal_deployment_key", ex.ConstraintName);
    }

    [Fact]
    public async Task A_second_global_routing_config_is_refused()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            Db.ExecAsync(ds, "INSERT INTO venue_routing_config_v3 (agent_id, venue_priority) VALUES (NULL, ARRAY['OSTIUM']::venue_v3_t[])"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }

    [Fact]
    public async Task Unknown_venue_and_agent_venue_other_than_multi_are_refused()
    {
        var badEnum = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecAsync(ds, "SELECT 'BINANCE'::venue_v3_t"));
        var notMulti = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecAsync(ds,
            "INSERT INTO agents_v3 (id, creator_wallet, name, venue, status, weights) VALUES ($1, '0x1', 'n', 'OSTIUM', 'DRAFT', '{}')", Guid.NewGuid()));

        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, badEnum.SqlState);
        Assert.Equal(PostgresErrorCodes.CheckViolation, notMulti.SqlState);
    }

    [Fact]
    public async Task Position_for_an_unknown_signal_is_refused()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecAsync(ds,
            "INSERT INTO positions_v3 (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, status, client_order_id) VALUES ($1, $2, $3, 'OSTIUM', 'XAU', 'SHORT', 1, 2000, 'OPEN', 'coid')",
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    private async Task<Guid> NewAgentAsync()
    {
        var id = Guid.NewGuid();
        await Db.ExecAsync(ds, "INSERT INTO agents_v3 (id, creator_wallet, name, status, weights) VALUES ($1, '0x1', 'agent', 'ACTIVE', '{\"x\":0.5,\"research\":0.5}')", id);
        return id;
    }

    public sealed class Fixture : PostgresDatabaseFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await new PostgresMigrator(DataSource).MigrateAsync();
        }
    }
}
