using Maxxit.Sdk.Markets;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>
/// Checks a database the way the original verify script did: the six V3 tables, the venue enum, the global routing
/// config, the migrations, and row counts of V3 and of any pre-existing V2 tables. Read-only.
/// </summary>
public sealed class PostgresVerifier
{
    private readonly NpgsqlDataSource dataSource;
    private readonly SchemaName schema;

    /// <summary>Creates a verifier for <paramref name="schemaName"/> (default <c>public</c>).</summary>
    public PostgresVerifier(NpgsqlDataSource dataSource, string schemaName = "public")
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
        schema = SchemaName.Parse(schemaName);
    }

    /// <summary>The six V3 tables.</summary>
    public static IReadOnlyList<string> V3Tables { get; } =
        ["agents_v3", "agent_deployments_v3", "signals_v3", "positions_v3", "venue_routing_config_v3", "venue_routing_history_v3"];

    /// <summary>The labels <c>venue_v3_t</c> must start with, in order (adapters of other venues add theirs after them).</summary>
    public static IReadOnlyList<string> ExpectedVenues { get; } = ["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT"];

    /// <summary>Tables of the older (V2) system that V3 must leave untouched.</summary>
    public static IReadOnlyList<string> LegacyTables { get; } = ["agents", "signals", "positions"];

    /// <summary>Inspects the schema and counts the markets each venue of <paramref name="catalog"/> lists (after refreshing it).</summary>
    public async Task<VerifyReport> VerifyAsync(IMarketCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        await catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var markets = Venue.Defined
            .Where(v => v.IsConcrete)
            .Select(v => (Venue: v, Count: catalog.GetMarkets(v).Count))
            .Where(x => x.Count > 0)
            .ToDictionary(x => x.Venue.Name, x => x.Count);
        return await VerifyAsync(markets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inspects the schema. <paramref name="marketsPerVenue"/> (venue → market count) comes from the in-memory catalog.</summary>
    public async Task<VerifyReport> VerifyAsync(IReadOnlyDictionary<string, int>? marketsPerVenue = null, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for all counts, and nothing this report does can write.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var ro = new NpgsqlCommand("SET TRANSACTION READ ONLY", conn, tx))
        {
            await ro.ExecuteNonQueryAsync(cancellationToken);
        }

        var tables = await ExistingTablesAsync(conn, tx, [.. V3Tables, .. LegacyTables, PostgresMigrator.HistoryTable], cancellationToken);
        var present = V3Tables.Where(tables.Contains).ToList();
        var enumValues = await EnumValuesAsync(conn, tx, cancellationToken);

        IReadOnlyList<string>? priority = null;
        string? strategy = null;
        var failover = false;
        if (tables.Contains("venue_routing_config_v3"))
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT venue_priority::text[], routing_strategy, failover_enabled FROM {schema.Qualify("venue_routing_config_v3")} WHERE agent_id IS NULL",
                conn,
                tx);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken))
            {
                priority = r.GetFieldValue<string[]>(0);
                strategy = r.GetString(1);
                failover = r.GetBoolean(2);
            }
        }

        var applied = new List<int>();
        if (tables.Contains(PostgresMigrator.HistoryTable))
        {
            await using var cmd = new NpgsqlCommand($"SELECT version FROM {schema.Qualify(PostgresMigrator.HistoryTable)} ORDER BY version", conn, tx);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                applied.Add(r.GetInt32(0));
            }
        }

        var legacy = await CountAsync(conn, tx, LegacyTables.Where(tables.Contains), cancellationToken);
        var v3 = await CountAsync(conn, tx, present, cancellationToken);
        await tx.CommitAsync(cancellationToken);

        return new VerifyReport
        {
            Schema = schema.Name,
            TablesPresent = present,
            TablesMissing = V3Tables.Where(t => !tables.Contains(t)).ToList(),
            EnumValues = enumValues,
            GlobalVenuePriority = priority,
            GlobalRoutingStrategy = strategy,
            GlobalFailoverEnabled = failover,
            LegacyRowCounts = legacy,
            V3RowCounts = v3,
            MarketsPerVenue = marketsPerVenue is null ? new Dictionary<string, int>() : new Dictionary<string, int>(marketsPerVenue),
            AppliedMigrations = applied,
            PendingMigrations = PostgresMigrator.Migrations.Select(m => m.Version).Where(v => !applied.Contains(v)).ToList(),
        };
    }

    private async Task<HashSet<string>> ExistingTablesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] names, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2)",
            conn,
            tx);
        cmd.Parameters.AddWithValue(schema.Name);
        cmd.Parameters.AddWithValue(names);
        var set = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    private async Task<List<string>> EnumValuesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            """
            SELECT e.enumlabel::text FROM pg_enum e
            JOIN pg_type t ON t.oid = e.enumtypid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = $1 AND t.typname = 'venue_v3_t'
            ORDER BY e.enumsortorder
            """,
            conn,
            tx);
        cmd.Parameters.AddWithValue(schema.Name);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private async Task<Dictionary<string, long>> CountAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<string> tables, CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        // Table names come from our fixed lists, never from input; they are quoted all the same.
        foreach (var t in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {schema.Quoted}.\"{t}\"", conn, tx);
            result[t] = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        return result;
    }
}
