using Microsoft.Extensions.Hosting;

namespace Maxxit.Sdk.Postgres.DependencyInjection;

/// <summary>Migrates at host start, so a schema problem stops the host at once instead of failing the first request.</summary>
internal sealed class PostgresMigrationHostedService(PostgresStore store, PostgresStoreOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ApplyMigrations)
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
