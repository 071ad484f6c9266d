using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Maxxit.Sdk.Postgres;

/// <summary>
/// The durable store on PostgreSQL (<see cref="NpgsqlDataSource"/>, shared and pooled). Each method is one statement or one
/// implicit-transaction batch, so it is atomic and costs one round trip. Exactly-once across hosts rests on the database:
/// signals are claimed with <c>FOR UPDATE SKIP LOCKED</c> under a lease, and a unique (signal, deployment) key makes a
/// second position impossible. Reads and idempotent writes are retried on transient connection errors; inserts and
/// claims are not, since a retry after a lost acknowledgement could act twice.
/// </summary>
public sealed partial class PostgresStore : IMaxxitStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresStoreOptions options;
    private readonly SchemaName schema;
    private readonly StoreSql sql;
    private readonly ResiliencePipeline retry;
    private readonly PostgresMigrator migrator;
    private readonly ILogger logger;
    private readonly SemaphoreSlim migrateGate = new(1, 1);
    private readonly StatementCoalescer<Guid, ExecutionSnapshot?> snapshots;
    private readonly StatementCoalescer<ClaimRequest, ClaimWritten?> claims;
    private readonly StatementCoalescer<OutcomesRequest, OrderOutcomesResult> outcomeWrites;
    private readonly DedicatedConnection snapshotConnection;
    private readonly DedicatedConnection claimConnection;
    private readonly DedicatedConnection outcomeConnection;
    private readonly bool prepareExplicitly;
    private volatile bool ready;

    /// <summary>Creates the store on <paramref name="dataSource"/>; the caller keeps ownership of the data source.</summary>
    /// <exception cref="MaxxitValidationException">An option is invalid (the field names it).</exception>
    public PostgresStore(NpgsqlDataSource dataSource, PostgresStoreOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.options = options ?? new PostgresStoreOptions();
        this.options.Validate();
        this.dataSource = dataSource;
        schema = SchemaName.Parse(this.options.Schema);
        sql = new StoreSql(schema);
        loggerFactory ??= NullLoggerFactory.Instance;
        logger = loggerFactory.CreateLogger<PostgresStore>();
        // Without automatic preparation every statement is parsed and planned on every call; for the execution
        // statements (claim + reservations, order outcomes) planning costs about as much as running them.
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        // Npgsql refuses explicit preparation on a multiplexing data source (only automatic preparation works there).
        prepareExplicitly = !settings.Multiplexing;
        if (settings.MaxAutoPrepare == 0)
        {
            logger.LogWarning("The store's data source has Max Auto Prepare = 0, so every statement is planned on each call; set it (e.g. Max Auto Prepare=32) in the connection string");
        }

        snapshotConnection = new DedicatedConnection(dataSource, TimeProvider.System);
        claimConnection = new DedicatedConnection(dataSource, TimeProvider.System);
        outcomeConnection = new DedicatedConnection(dataSource, TimeProvider.System);
        snapshots = NewSnapshotCoalescer();
        claims = NewClaimCoalescer();
        outcomeWrites = NewOutcomeCoalescer();
        migrator = new PostgresMigrator(dataSource, schema.Name, loggerFactory.CreateLogger<PostgresMigrator>());
        retry = this.options.MaxRetryAttempts == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = this.options.MaxRetryAttempts,
                Delay = this.options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = a =>
                {
                    logger.LogWarning(a.Outcome.Exception, "Transient database error, retry {Attempt} in {Delay}", a.AttemptNumber + 1, a.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            }).Build();
    }

    /// <summary>The coalescers of the execution statements (tests read their counts).</summary>
    internal (StatementCoalescer<Guid, ExecutionSnapshot?> Snapshots, StatementCoalescer<ClaimRequest, ClaimWritten?> Claims, StatementCoalescer<OutcomesRequest, OrderOutcomesResult> Outcomes) Coalescers => (snapshots, claims, outcomeWrites);

    // The venues of the registered adapters (set by UsePostgres); with or without it, every venue defined in the process.
    internal Func<IEnumerable<Venue>>? AdapterVenues { get; set; }

    /// <summary>The data source the store runs on.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>The schema holding the tables.</summary>
    public string Schema => schema.Name;

    /// <summary>Returns the connections the execution statements keep (see <see cref="PostgresStoreOptions.MaxRequestsPerStatement"/>) to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await snapshotConnection.DisposeAsync().ConfigureAwait(false);
        await claimConnection.DisposeAsync().ConfigureAwait(false);
        await outcomeConnection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Returns the connections the execution statements keep to the pool.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Applies pending migrations now (safe to call from several hosts at once).</summary>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var result = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await migrator.EnsureVenuesAsync(VenuesToEnsure(), cancellationToken).ConfigureAwait(false);
        ready = true;
        return result;
    }

    // Venues the SDK ships are in the enum from migration 001; any other adapter's venue is added at migrate.
    private IEnumerable<Venue> VenuesToEnsure() =>
        (AdapterVenues?.Invoke() ?? []).Concat(Venue.Defined)
            .Where(v => v.IsConcrete && !PostgresVerifier.ExpectedVenues.Contains(v.Name))
            .Distinct();

    /// <summary>The verify report of this store's schema; <paramref name="marketsPerVenue"/> comes from the market catalog.</summary>
    public Task<VerifyReport> VerifyAsync(IReadOnlyDictionary<string, int>? marketsPerVenue = null, CancellationToken cancellationToken = default) =>
        new PostgresVerifier(dataSource, schema.Name).VerifyAsync(marketsPerVenue, cancellationToken);

    /// <summary>The verify report of this store's schema, with the markets each venue of <paramref name="catalog"/> lists.</summary>
    public Task<VerifyReport> VerifyAsync(Markets.IMarketCatalog catalog, CancellationToken cancellationToken = default) =>
        new PostgresVerifier(dataSource, schema.Name).VerifyAsync(catalog, cancellationToken);

    private async ValueTask EnsureReadyAsync(CancellationToken ct)
    {
        if (ready || !options.ApplyMigrations)
        {
            return;
        }

        await migrateGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!ready)
            {
                await MigrateAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            migrateGate.Release();
        }
    }

    /// <summary>A read or idempotent write: retried on transient errors.</summary>
    private async Task<T> RetriedAsync<T>(Func<CancellationToken, Task<T>> op, CancellationToken ct)
    {
        await EnsureReadyAsync(ct).ConfigureAwait(false);
        return await retry.ExecuteAsync(static async (state, t) => await state(t).ConfigureAwait(false), op, ct).ConfigureAwait(false);
    }

    /// <summary>A write that must not be repeated blindly: run once.</summary>
    private async Task<T> OnceAsync<T>(Func<CancellationToken, Task<T>> op, CancellationToken ct)
    {
        await EnsureReadyAsync(ct).ConfigureAwait(false);
        return await op(ct).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string text) => dataSource.CreateCommand(text);

    private async Task<T?> SingleAsync<T>(NpgsqlCommand cmd, Func<NpgsqlDataReader, T> map, CancellationToken ct)
        where T : class
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? map(reader) : null;
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlCommand cmd, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }

        return list;
    }
}
