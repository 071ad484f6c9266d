using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>
/// Applies the embedded migrations to one schema. Each migration runs in its own transaction holding a transaction-level
/// advisory lock and re-checks whether it is still pending, so any number of hosts may migrate at once: one applies, the
/// others wait and find nothing to do. Only our own objects (the V3 tables, the enum and <c>maxxit_schema_migrations</c>)
/// are created or written.
/// </summary>
public sealed class PostgresMigrator
{
    /// <summary>Name of the table recording applied versions.</summary>
    public const string HistoryTable = "maxxit_schema_migrations";

    private readonly NpgsqlDataSource dataSource;
    private readonly SchemaName schema;
    private readonly ILogger logger;

    /// <summary>Creates a migrator for <paramref name="schemaName"/> (default <c>public</c>).</summary>
    public PostgresMigrator(NpgsqlDataSource dataSource, string schemaName = "public", ILogger<PostgresMigrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
        schema = SchemaName.Parse(schemaName);
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The migrations this SDK ships, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations => EmbeddedMigrations.All;

    /// <summary>Brings the schema to the latest version; a no-op when it is current.</summary>
    /// <exception cref="PostgresMigrationException">An applied migration's checksum differs from the embedded one.</exception>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default) => MigrateUpToAsync(int.MaxValue, cancellationToken);

    // Up to and including a version: tests build an older schema with it and seed data the way it looked then.
    internal async Task<MigrationResult> MigrateUpToAsync(int upToVersion, CancellationToken cancellationToken)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = await BootstrapAsync(conn, cancellationToken);
        Validate(applied);

        var appliedNow = new List<int>();
        foreach (var migration in Migrations.Where(m => !applied.ContainsKey(m.Version) && m.Version <= upToVersion))
        {
            if (await ApplyAsync(conn, migration, cancellationToken))
            {
                appliedNow.Add(migration.Version);
                logger.LogInformation("Applied migration {Version} {Name} to schema {Schema}", migration.Version, migration.Name, schema.Name);
            }
        }

        var final = await ReadAppliedAsync(conn, null, cancellationToken);
        var known = Migrations.Select(m => m.Version).ToHashSet();
        var unknown = final.Keys.Where(v => !known.Contains(v)).Order().ToList();
        if (unknown.Count > 0)
        {
            logger.LogWarning("Schema {Schema} has migrations {Versions} unknown to this SDK (applied by a newer version)", schema.Name, unknown);
        }

        var current = final.Keys.Where(known.Contains).DefaultIfEmpty(0).Max();
        return new MigrationResult(schema.Name, appliedNow, current, unknown);
    }

    /// <summary>
    /// Adds each venue missing from the schema's <c>venue_v3_t</c> enum (<c>ALTER TYPE … ADD VALUE IF NOT EXISTS</c>), for
    /// adapters of venues the SDK does not ship. Each value is added in its own transaction under the migration lock
    /// and committed before anything uses it (PostgreSQL cannot use an enum value in the transaction that added it).
    /// Call it after <see cref="MigrateAsync"/>; the store does so with its registered adapters' venues.
    /// </summary>
    /// <param name="venues">The venues rows may name; <see cref="Venue.Multi"/> and the four built-in ones are always there.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The venues added now (empty when all were there).</returns>
    /// <exception cref="ArgumentException">A venue is <c>default(Venue)</c>.</exception>
    public async Task<IReadOnlyList<Venue>> EnsureVenuesAsync(IEnumerable<Venue> venues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(venues);
        var wanted = venues.Distinct().ToList();
        if (wanted.Any(v => v.IsNone))
        {
            throw new ArgumentException("default(Venue) names no venue", nameof(venues));
        }

        var added = new List<Venue>();
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var venue in wanted)
        {
            await using var tx = await conn.BeginTransactionAsync(cancellationToken);
            await LockAsync(conn, tx, cancellationToken);
            await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype($1) AND enumlabel = $2)", conn, tx))
            {
                exists.Parameters.AddWithValue(schema.Qualify("venue_v3_t"));
                exists.Parameters.AddWithValue(venue.Name);
                if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                {
                    await tx.RollbackAsync(cancellationToken);
                    continue;
                }
            }

            // The name is letters, digits and underscores (Venue validates it), so it is safe as a literal; ADD VALUE takes no parameters.
            await ExecAsync(conn, tx, $"ALTER TYPE {schema.Qualify("venue_v3_t")} ADD VALUE IF NOT EXISTS '{venue.Name}'", cancellationToken);
            await tx.CommitAsync(cancellationToken);
            added.Add(venue);
            logger.LogInformation("Added venue {Venue} to {Schema}.venue_v3_t", venue.Name, schema.Name);
        }

        return added;
    }

    /// <summary>Versions recorded as applied (empty when the schema was never migrated).</summary>
    public async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", conn);
        cmd.Parameters.AddWithValue(schema.Qualify(HistoryTable));
        if (!(bool)(await cmd.ExecuteScalarAsync(cancellationToken))!)
        {
            return [];
        }

        return (await ReadAppliedAsync(conn, null, cancellationToken)).Keys.Order().ToList();
    }

    private async Task<Dictionary<int, string>> BootstrapAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, ct);

        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", conn, tx))
        {
            exists.Parameters.AddWithValue(schema.Name);
            // CREATE SCHEMA IF NOT EXISTS still needs CREATE rights on the database; skip it when the schema is there.
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                await ExecAsync(conn, tx, $"CREATE SCHEMA {schema.Quoted}", ct);
            }
        }

        await ExecAsync(
            conn,
            tx,
            $"""
            CREATE TABLE IF NOT EXISTS {schema.Qualify(HistoryTable)} (
                version     integer PRIMARY KEY,
                name        text NOT NULL,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                applied_by  text NOT NULL DEFAULT current_user
            )
            """,
            ct);
        var applied = await ReadAppliedAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return applied;
    }

    private void Validate(Dictionary<int, string> applied)
    {
        foreach (var m in Migrations)
        {
            if (applied.TryGetValue(m.Version, out var checksum) && !string.Equals(checksum, m.Checksum, StringComparison.Ordinal))
            {
                throw new PostgresMigrationException(
                    $"Migration {m.Version} ({m.Name}) applied to schema '{schema.Name}' has checksum {checksum}, but this SDK's copy has {m.Checksum}. An applied migration must never change.");
            }
        }
    }

    private async Task<bool> ApplyAsync(NpgsqlConnection conn, PostgresMigration migration, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, ct);

        await using (var check = new NpgsqlCommand($"SELECT checksum FROM {schema.Qualify(HistoryTable)} WHERE version = $1", conn, tx))
        {
            check.Parameters.AddWithValue(migration.Version);
            if (await check.ExecuteScalarAsync(ct) is string already)
            {
                // Another host applied it while we waited for the lock.
                Validate(new Dictionary<int, string> { [migration.Version] = already });
                await tx.RollbackAsync(ct);
                return false;
            }
        }

        // search_path limited to our schema for this transaction only: unqualified names in the script land there.
        await ExecAsync(conn, tx, $"SET LOCAL search_path TO {schema.Quoted}", ct);
        await ExecAsync(conn, tx, migration.Sql, ct);

        await using (var record = new NpgsqlCommand($"INSERT INTO {schema.Qualify(HistoryTable)} (version, name, checksum) VALUES ($1, $2, $3)", conn, tx))
        {
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Name);
            record.Parameters.AddWithValue(migration.Checksum);
            await record.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private async Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", conn, tx);
        cmd.Parameters.AddWithValue(schema.MigrationLockKey);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        await using var cmd = new NpgsqlCommand($"SELECT version, checksum FROM {schema.Qualify(HistoryTable)}", conn, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt32(0)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
