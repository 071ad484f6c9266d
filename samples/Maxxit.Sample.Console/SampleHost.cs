using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>Builds the SDK's services for the chosen mode and runs it.</summary>
public static class SampleHost
{
    public static async Task<int> RunAsync(SampleOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (options.Verify && options.PostgresConnectionString is null)
        {
            throw new SampleUsageException("--verify needs --postgres \"<connection string>\".");
        }

        if (options.Worker)
        {
            return await WorkerHost.RunAsync(options, cancellationToken);
        }

        var services = new ServiceCollection();
        Configure(services.AddMaxxitV3(options.ApplyTo), options);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        if (options.Verify)
        {
            return await VerifyAsync(provider, console, cancellationToken);
        }

        var report = await DemoFlow.RunAsync(provider, console, cancellationToken);
        return report.Succeeded ? 0 : 1;
    }

    /// <summary>Applies the store choice: in-memory by default, PostgreSQL with <c>--postgres</c>.</summary>
    public static MaxxitBuilder Configure(MaxxitBuilder builder, SampleOptions options) =>
        options.PostgresConnectionString is { } connectionString ? builder.UsePostgres(connectionString) : builder;

    private static async Task<int> VerifyAsync(IServiceProvider provider, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var store = provider.GetRequiredService<PostgresStore>();
        await store.MigrateAsync(cancellationToken);
        var catalog = provider.GetRequiredService<IMarketCatalog>();
        await catalog.EnsureFreshAsync(cancellationToken);
        var report = await store.VerifyAsync(catalog, cancellationToken);
        console.WriteLine(report.ToString());
        return report.IsReady ? 0 : 1;
    }
}
