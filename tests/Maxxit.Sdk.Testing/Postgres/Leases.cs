using Npgsql;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>
/// Lets every lease in a schema lapse at once, by the database's own clock: what a wait past the lease would do,
/// without the wait, so that crash and race tests on Postgres stay deterministic and fast.
/// </summary>
public static class Leases
{
    public static async Task LapseAllAsync(NpgsqlDataSource dataSource, string schema = "public")
    {
        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var cmd = dataSource.CreateCommand(
            $"UPDATE {quoted}.signals_v3 SET lease_expires_at = now() - interval '1 second' WHERE lease_expires_at IS NOT NULL; "
            + $"UPDATE {quoted}.positions_v3 SET lease_expires_at = now() - interval '1 second' WHERE lease_expires_at IS NOT NULL");
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task LapseAllAsync(string connectionString, string schema = "public")
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await LapseAllAsync(dataSource, schema);
    }
}
