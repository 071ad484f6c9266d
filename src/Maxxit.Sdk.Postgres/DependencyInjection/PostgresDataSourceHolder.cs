using Npgsql;

namespace Maxxit.Sdk.Postgres.DependencyInjection;

/// <summary>
/// Disposes the data source with the container only when <c>UsePostgres</c> built it; a caller's data source is left
/// alone. Both disposal forms, so that a container disposed synchronously does not throw.
/// </summary>
internal sealed class PostgresDataSourceHolder(NpgsqlDataSource dataSource, bool owns) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => owns ? DataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (owns)
        {
            DataSource.Dispose();
        }
    }
}
