using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one named by <c>MAXXIT_TEST_POSTGRES</c> (a connection string),
/// else a throwaway server started once from the installed binaries and removed when the process exits.
/// Tests never skip for want of a server: if none can be had, every caller gets the same exception saying what was tried.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Environment variable holding a connection string to an existing server to use instead of a throwaway one.</summary>
    public const string EnvironmentVariable = "MAXXIT_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => Task.Run(Start), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, byte> created = new();
    private readonly LocalPostgresCluster? cluster;

    private PostgresServer(string adminConnectionString, string description, LocalPostgresCluster? cluster)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
        this.cluster = cluster;
    }

    /// <summary>Connection string with rights to create databases (database <c>postgres</c> for a throwaway server).</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from, for failure messages and reports.</summary>
    public string Description { get; }

    /// <summary>True when this process started the server and will remove it on exit.</summary>
    public bool IsThrowaway => cluster is not null;

    /// <summary>The server for this process, started on first call.</summary>
    public static Task<PostgresServer> GetAsync() => SharedServer.Value;

    /// <summary>Creates an empty database with a unique name; <paramref name="prefix"/> helps recognize it.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync(string prefix = "t", CancellationToken cancellationToken = default)
    {
        var name = UniqueName(prefix);
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        created[name] = 0;
        var cs = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(this, name, cs);
    }

    internal async Task DropDatabaseAsync(string name)
    {
        if (!created.TryRemove(name, out _))
        {
            return;
        }

        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new PostgresServer(external, $"server from {EnvironmentVariable}", null);
            Check(server);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DropAllCreated();
            return server;
        }

        var tried = new List<string> { $"{EnvironmentVariable} not set" };
        try
        {
            var cluster = LocalPostgresCluster.Start(tried);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.BeginStop();
            var server = new PostgresServer(cluster.ConnectionString, cluster.Description, cluster);
            Check(server);
            return server;
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Could not get a PostgreSQL server for tests: {ex.Message}{Environment.NewLine}Tried: {string.Join(Environment.NewLine + "  ", tried)}", ex);
        }
    }

    private static void Check(PostgresServer server)
    {
        using var conn = new NpgsqlConnection(server.AdminConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT 1", conn);
        cmd.ExecuteScalar();
    }

    private static string UniqueName(string prefix)
    {
        var sb = new StringBuilder("maxxit_");
        foreach (var c in prefix.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            if (sb.Length >= 40)
            {
                break;
            }
        }

        return sb.Append('_').Append(Guid.NewGuid().ToString("N")[..12]).ToString();
    }

    private void DropAllCreated()
    {
        foreach (var name in created.Keys)
        {
            try
            {
                DropDatabaseAsync(name).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // Best effort at exit: an unreachable server keeps a uniquely named database, harmless.
            }
        }
    }
}
