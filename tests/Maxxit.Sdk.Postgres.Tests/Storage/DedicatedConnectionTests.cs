using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>
/// The connection a kind of execution statement keeps on a real server: kept between statements, never reused once it
/// failed, and back in the pool after it lingered unused or the store was disposed (a pool of one shows which).
/// </summary>
public sealed class DedicatedConnectionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task It_is_kept_between_statements_and_returned_to_the_pool_once_it_lingered_unused()
    {
        await using var pool = PoolOfOne();
        var time = new FakeTimeProvider();
        await using var kept = new DedicatedConnection(pool, time);

        var first = await kept.RunAsync(BackendAsync);
        Assert.Equal(first, await kept.RunAsync(BackendAsync));
        await AssertPoolEmptyAsync(pool);

        time.Advance(DedicatedConnection.Linger);

        await using (var other = await pool.OpenConnectionAsync())
        {
            Assert.Equal(first, await BackendAsync(other));
        }
    }

    [Fact]
    public async Task A_connection_that_broke_is_never_used_again()
    {
        await using var pool = PoolOfOne();
        await using var kept = new DedicatedConnection(pool, new FakeTimeProvider());
        var first = await kept.RunAsync(BackendAsync);

        await TerminateAsync(first);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => kept.RunAsync(BackendAsync));
        var second = await kept.RunAsync(BackendAsync);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_refused_statement_keeps_the_session_and_disposing_returns_it()
    {
        await using var pool = PoolOfOne();
        var kept = new DedicatedConnection(pool, new FakeTimeProvider());
        var first = await kept.RunAsync(BackendAsync);

        await Assert.ThrowsAsync<PostgresException>(() => kept.RunAsync<int>(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT 1 / 0", c);
            return (int)(await cmd.ExecuteScalarAsync())!;
        }));
        Assert.Equal(first, await kept.RunAsync(BackendAsync));

        await kept.DisposeAsync();
        await using var other = await pool.OpenConnectionAsync();
        Assert.Equal(first, await BackendAsync(other));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => kept.RunAsync(BackendAsync));
    }

    [Fact]
    public async Task Two_statements_at_once_on_one_kept_connection_are_refused()
    {
        await using var pool = PoolOfOne();
        await using var kept = new DedicatedConnection(pool, new FakeTimeProvider());
        var release = new TaskCompletionSource();
        var running = kept.RunAsync(async c =>
        {
            await release.Task;
            return await BackendAsync(c);
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => kept.RunAsync(BackendAsync));
        release.SetResult();
        await running;
    }

    private NpgsqlDataSource PoolOfOne() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1, Timeout = 2 }.ConnectionString);

    private static async Task<int> BackendAsync(NpgsqlConnection connection)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The pool's only connection is held: opening another cannot succeed (given up after a short wait).</summary>
    private static async Task AssertPoolEmptyAsync(NpgsqlDataSource pool)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var connection = await pool.OpenConnectionAsync(wait.Token);
        });
    }

    private async Task TerminateAsync(int backend)
    {
        await using var cmd = database.DataSource.CreateCommand("SELECT pg_terminate_backend($1)");
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = backend });
        Assert.True((bool)(await cmd.ExecuteScalarAsync())!);
    }
}
