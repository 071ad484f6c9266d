using Microsoft.Extensions.Options;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Postgres;
using Maxxit.Sdk.Postgres.DependencyInjection;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// In the DI namespace, like AddMaxxitV3(), so `.UsePostgres(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>.UsePostgres(...)</c> on the <c>AddMaxxitV3()</c> builder.</summary>
public static class PostgresMaxxitBuilderExtensions
{
    /// <summary>
    /// Stores everything in PostgreSQL, on a data source built from <paramref name="connectionString"/> and owned (disposed)
    /// by the container. Migrations run at host start (and before first use when there is no host). Unless the connection
    /// string says otherwise, statements are prepared automatically (<c>Max Auto Prepare=32</c>): the store runs a small set
    /// of statements over and over, and planning them each time would cost more than executing them.
    /// </summary>
    /// <exception cref="MaxxitValidationException">The connection string or an option is malformed.</exception>
    public static MaxxitBuilder UsePostgres(this MaxxitBuilder builder, string connectionString, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MaxxitValidationException("connectionString", "must not be empty");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The message of a parse error never echoes the string itself, which may hold a password.
            throw new MaxxitValidationException("connectionString", $"is malformed ({ex.GetType().Name})");
        }

        // Npgsql's builder reports every known keyword as present, so look at what the caller actually wrote.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!written.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            parsed.MaxAutoPrepare = 32;
        }

        var effective = parsed.ConnectionString;
        return Register(builder, sp =>
        {
            var dsb = new NpgsqlDataSourceBuilder(effective);
            dsb.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            return dsb.Build();
        }, ownsDataSource: true, configure);
    }

    /// <summary>
    /// Stores everything in PostgreSQL on <paramref name="dataSource"/>, which the caller owns. Setting
    /// <c>Max Auto Prepare</c> on it (e.g. 32) makes the store's statements markedly cheaper.
    /// </summary>
    /// <exception cref="MaxxitValidationException">An option is malformed.</exception>
    public static MaxxitBuilder UsePostgres(this MaxxitBuilder builder, NpgsqlDataSource dataSource, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return Register(builder, _ => dataSource, ownsDataSource: false, configure);
    }

    private static MaxxitBuilder Register(MaxxitBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource, bool ownsDataSource, Action<PostgresStoreOptions>? configure)
    {
        var options = new PostgresStoreOptions();
        configure?.Invoke(options);
        options.Validate();

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Maxxit.Sdk.MaxxitOptions>, DurableStoreMasterKeyValidator>());
        services.RemoveAll<PostgresStoreOptions>();
        services.AddSingleton(options);
        services.RemoveAll<PostgresStore>();
        services.AddSingleton(sp => new PostgresDataSourceHolder(dataSource(sp), ownsDataSource));
        services.AddSingleton(sp => new PostgresStore(sp.GetRequiredService<PostgresDataSourceHolder>().DataSource, options, sp.GetService<ILoggerFactory>())
        {
            // Read at migrate time (not now): adapters may need the store, so resolving them here would be a cycle.
            AdapterVenues = () => sp.GetService<VenueAdapterRegistry>()?.Adapters.Select(a => a.Venue) ?? [],
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresMigrationHostedService>());
        return builder.UseStore(sp => sp.GetRequiredService<PostgresStore>());
    }
}
