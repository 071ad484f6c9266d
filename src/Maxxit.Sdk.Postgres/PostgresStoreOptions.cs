namespace Maxxit.Sdk.Postgres;

/// <summary>Options of the Postgres store.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>Schema holding the V3 tables (created if missing). Default <c>public</c>.</summary>
    public string Schema { get; set; } = "public";

    /// <summary>
    /// Apply pending migrations when the host starts and, failing that, before the store's first use. Turn off when
    /// migrations are run separately (e.g. a deployment step calling <see cref="PostgresStore.MigrateAsync"/>).
    /// </summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Retries of a read or idempotent write after a transient connection error (0 disables). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; later retries back off exponentially with jitter. Default 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Most executions written by one statement. Claims (and order outcomes) of signals executed at the same time are
    /// gathered while earlier ones are being written and written together: one round trip, one commit and one pass of
    /// each counter trigger for all of them. A request reaching an idle store is written at once, alone; 1 writes every
    /// request alone. Default 32.
    /// </summary>
    public int MaxRequestsPerStatement { get; set; } = 32;

    /// <summary>Throws <see cref="Errors.MaxxitValidationException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        _ = SchemaName.ParseOption(Schema);
        if (MaxRetryAttempts is < 0 or > 10)
        {
            throw new Errors.MaxxitValidationException(nameof(MaxRetryAttempts), "must be between 0 and 10");
        }

        if (MaxRequestsPerStatement is < 1 or > 256)
        {
            throw new Errors.MaxxitValidationException(nameof(MaxRequestsPerStatement), "must be between 1 and 256");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromSeconds(30))
        {
            throw new Errors.MaxxitValidationException(nameof(RetryBaseDelay), "must be between 0 and 30 seconds");
        }
    }
}
