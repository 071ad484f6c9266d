using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Hyperliquid;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Hyperliquid.KillSwitch;
using Maxxit.Sdk.Hyperliquid.RateLimiting;
using Maxxit.Sdk.Hyperliquid.Signing;
using Maxxit.Sdk.Hyperliquid.Streams;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Venues;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the DI namespace, like AddMaxxitV3, so that the chained call needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Hyperliquid venue to the Maxxit V3 SDK.</summary>
public static class HyperliquidMaxxitBuilderExtensions
{
    /// <summary>
    /// Registers the Hyperliquid venue (replacing the paper one): options validated at start, a named HttpClient from
    /// IHttpClientFactory, the Info and Exchange clients and the adapter.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMaxxitV3()</c>.</param>
    /// <param name="configure">Sets the options: network, base URL, slippage, default leverage, refresh interval, resilience.</param>
    /// <returns>The builder.</returns>
    public static MaxxitBuilder AddHyperliquid(this MaxxitBuilder builder, Action<HyperliquidOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<HyperliquidOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HyperliquidOptions>, HyperliquidOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HyperliquidOptions.HttpClientName);

        // One weight budget per process (the IP's), shared by /info, /exchange and every deployment of a fan-out.
        services.TryAddSingleton(sp => new HyperliquidRateLimiter(
            sp.GetRequiredService<IOptions<HyperliquidOptions>>().Value.WeightPerMinute,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<HyperliquidRateLimiter>>()));
        services.TryAddSingleton(sp => new HyperliquidMetrics(sp.GetService<IMeterFactory>(), sp.GetRequiredService<HyperliquidRateLimiter>()));
        services.TryAddSingleton(sp => new HyperliquidHttp(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<HyperliquidOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<HyperliquidRateLimiter>(),
            sp.GetRequiredService<HyperliquidMetrics>(),
            sp.GetService<ILogger<HyperliquidHttp>>(),
            healthy => sp.GetService<VenueHealthRegistry>()?.Report(Maxxit.Sdk.Venue.Hyperliquid, healthy)));
        services.TryAddSingleton(sp => new HyperliquidNonceProvider(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new HyperliquidInfoClient(sp.GetRequiredService<HyperliquidHttp>()));
        services.TryAddSingleton(sp => new HyperliquidExchangeClient(sp.GetRequiredService<HyperliquidHttp>(), sp.GetRequiredService<HyperliquidNonceProvider>()));
        services.TryAddSingleton(sp => new HyperliquidStreamClient(
            sp.GetRequiredService<IOptions<HyperliquidOptions>>().Value,
            sp.GetRequiredService<HyperliquidInfoClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<HyperliquidMetrics>(),
            sp.GetRequiredService<ILogger<HyperliquidStreamClient>>()));
        services.TryAddSingleton(sp => new HyperliquidVenue(
            sp.GetRequiredService<HyperliquidHttp>(),
            sp.GetRequiredService<HyperliquidInfoClient>(),
            sp.GetRequiredService<HyperliquidExchangeClient>(),
            new HyperliquidAgentWallets(sp.GetRequiredService<IAgentKeyProtector>()),
            sp.GetRequiredService<IOptions<HyperliquidOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HyperliquidVenue>>(),
            sp.GetRequiredService<HyperliquidStreamClient>()));

        services.TryAddSingleton(sp => new HyperliquidKillSwitch(
            sp.GetRequiredService<HyperliquidInfoClient>(),
            sp.GetRequiredService<HyperliquidExchangeClient>(),
            new HyperliquidAgentWallets(sp.GetRequiredService<IAgentKeyProtector>()),
            sp.GetRequiredService<Maxxit.Sdk.Storage.IMaxxitStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HyperliquidKillSwitch>>()));
        services.TryAddSingleton(sp => new HyperliquidDeadManSwitchService(
            sp.GetRequiredService<HyperliquidKillSwitch>(),
            sp.GetRequiredService<IOptions<HyperliquidOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HyperliquidDeadManSwitchService>>()));

        // Runs only when DeadManSwitchWindow is set (it returns at once otherwise).
        services.AddHostedService(sp => sp.GetRequiredService<HyperliquidDeadManSwitchService>());

        // Market context for the signal worker comes from Hyperliquid's asset contexts when this venue is registered.
        services.Replace(ServiceDescriptor.Singleton<Maxxit.Sdk.Sources.IMarketContextProvider, HyperliquidMarketContextProvider>());
        Maxxit.Sdk.Hyperliquid.Costs.HyperliquidCostSource.Register(services); // books, fees and funding for BEST_EXECUTION
        return builder.AddVenue(sp => sp.GetRequiredService<HyperliquidVenue>());
    }
}
