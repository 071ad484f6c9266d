using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Server;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Server_starts_and_answers_a_query()
    {
        var server = await PostgresServer.GetAsync();
        await using var ds = NpgsqlDataSource.Create(server.AdminConnectionString);

        var version = await Db.ScalarAsync<int>(ds, "SELECT current_setting('server_version_num')::int");
        var sum = await Db.ScalarAsync<int>(ds, "SELECT $1 + $2", 40, 2);

        Assert.True(version >= 130000, $"PostgreSQL 13+ needed (gen_random_uuid in core), got {version}");
        Assert.Equal(42, sum);
    }

    [Fact]
    public async Task Throwaway_server_listens_on_loopback_with_room_for_many_executors()
    {
        var server = await PostgresServer.GetAsync();
        await using var ds = NpgsqlDataSource.Create(server.AdminConnectionString);
        var maxConnections = await Db.ScalarAsync<string>(ds, "SELECT current_setting('max_connections')");
        var host = new NpgsqlConnectionStringBuilder(server.AdminConnectionString).Host;

        Assert.True(int.Parse(maxConnections, System.Globalization.CultureInfo.InvariantCulture) >= 100, $"max_connections {maxConnections}");
        if (server.IsThrowaway)
        {
            Assert.Equal("127.0.0.1", host);
            Assert.Equal("127.0.0.1", await Db.ScalarAsync<string>(ds, "SELECT current_setting('listen_addresses')"));
            Assert.Equal("off", await Db.ScalarAsync<string>(ds, "SELECT current_setting('fsync')"));
            Assert.Equal("200", maxConnections);
        }
    }

    [Fact]
    public async Task Two_databases_are_isolated()
    {
        var server = await PostgresServer.GetAsync();
        await using var a = await server.CreateDatabaseAsync("iso_a");
        await using var b = await server.CreateDatabaseAsync("iso_b");
        await using var dsA = a.CreateDataSource();
        await using var dsB = b.CreateDataSource();

        await Db.ExecAsync(dsA, "CREATE TABLE only_in_a (v int); INSERT INTO only_in_a VALUES (7)");

        Assert.NotEqual(a.Name, b.Name);
        Assert.Equal(7, await Db.ScalarAsync<int>(dsA, "SELECT v FROM only_in_a"));
        Assert.Contains("public.only_in_a", await Db.TablesAsync(dsA));
        Assert.DoesNotContain("public.only_in_a", await Db.TablesAsync(dsB));
        var ex = await Assert.ThrowsAsync<PostgresException>(() => Db.ScalarAsync<int>(dsB, "SELECT v FROM only_in_a"));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, ex.SqlState);
    }

    [Fact]
    public async Task Disposed_database_is_dropped()
    {
        var server = await PostgresServer.GetAsync();
        await using var admin = NpgsqlDataSource.Create(server.AdminConnectionString);
        var db = await server.CreateDatabaseAsync("dropme");
        Assert.Equal(1L, await Db.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_database WHERE datname = $1", db.Name));

        await db.DisposeAsync();

        Assert.Equal(0L, await Db.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_database WHERE datname = $1", db.Name));
    }
}
