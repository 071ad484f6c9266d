using Npgsql;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>xunit class fixture: a fresh database per test class, with a shared data source on it.</summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? database;
    private NpgsqlDataSource? dataSource;

    /// <summary>The server the database lives on.</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>The fresh database.</summary>
    public PostgresTestDatabase Database => database ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>Connection string to the fresh database.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>A data source on the fresh database, shared by the class's tests.</summary>
    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>Prefix of the database name; override to recognize a class's database.</summary>
    protected virtual string DatabasePrefix => GetType().Name;

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Server = await PostgresServer.GetAsync();
        database = await Server.CreateDatabaseAsync(DatabasePrefix);
        dataSource = database.CreateDataSource();
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
