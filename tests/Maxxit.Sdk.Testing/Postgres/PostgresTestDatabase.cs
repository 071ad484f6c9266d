using Npgsql;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>A uniquely named, initially empty database on the test server; dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresServer server;

    internal PostgresTestDatabase(PostgresServer server, string name, string connectionString)
    {
        this.server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Database name.</summary>
    public string Name { get; }

    /// <summary>Connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>A new data source on this database; the caller disposes it.</summary>
    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(Name);
}
