using Npgsql;

namespace Maxxit.Sdk.Postgres.DependencyInjection;

/// <summary>Disposes the data source with the container only when <c>UsePostgres</c> built it; a caller's data source is left alone.</summary>
internal sealed class PostgresDataSourceHolder(NpgsqlDataSource dataSource, bool owns) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => owns ? DataSource.DisposeAsync() : ValueTask.CompletedTask;
}
