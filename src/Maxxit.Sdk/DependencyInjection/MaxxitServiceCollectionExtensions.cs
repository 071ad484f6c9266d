using System.Security.Cryptography;
using Maxxit.Sdk;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace so that `services.AddMaxxitV3()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Maxxit V3 SDK.</summary>
public static class MaxxitServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything on the embedded default (in-memory store, paper venues, rule-based policy with the built-in
    /// rules, weighted generator, priority router). Use the returned builder to add or replace parts.
    /// </summary>
    public static MaxxitBuilder AddMaxxitV3(this IServiceCollection services, Action<MaxxitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MaxxitOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MaxxitOptions>, MaxxitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));

        services.TryAddSingleton<MaxxitMetrics>();
        services.TryAddSingleton<VenueHealthRegistry>();
        services.TryAddSingleton<VenueAdapterRegistry>();
        services.TryAddSingleton<RoutingConfigCache>();
        services.TryAddSingleton<RoutingConfigRefresher>();
        services.TryAddSingleton<IMarketCatalog, MarketCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, MarketRefreshService>());
        services.TryAddSingleton<IVenueRouter, PriorityVenueRouter>();
        services.AddBestExecutionRouting();
        services.TryAddSingleton<IPolicyLayer, RuleBasedPolicy>();
        services.TryAddSingleton<IPolicyValidator, DeploymentPolicyValidator>();
        services.TryAddSingleton<IAccountValueProvider, PaperAccountValueProvider>();
        foreach (var rule in BuiltInPolicyRules.All)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IPolicyRule), rule.GetType()));
        }
        services.TryAddSingleton<ISignalGenerator, WeightedSignalGenerator>();
        services.TryAddSingleton<IMaxxitStore, InMemoryMaxxitStore>();
        services.TryAddSingleton<IAgentStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IDeploymentStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<ISignalStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IExecutionStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IPositionStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IRoutingStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IStatsStore>(sp => sp.GetRequiredService<IMaxxitStore>());
        services.TryAddSingleton<IAgentKeyProtector>(CreateKeyProtector);
        services.TryAddSingleton<ITradeExecutor, TradeExecutor>();
        services.TryAddSingleton<FillConfirmer>();
        services.TryAddSingleton<IMaxxitClient, MaxxitClient>();
        services.TryAddSingleton<PaperPriceFeed>();
        services.AddPositionLifecycle();

        // Paper venues are registered first so that any real adapter added later for the same venue replaces them.
        if (!services.Any(d => d.ServiceType == typeof(PaperVenueMarker)))
        {
            services.AddSingleton<PaperVenueMarker>();
            foreach (var venue in new[] { Venue.Hyperliquid, Venue.Ostium })
            {
                services.AddSingleton<IVenueAdapter>(sp => PaperVenueFor(sp, venue));
            }
        }

        return new MaxxitBuilder(services);
    }

    private static IVenueAdapter PaperVenueFor(IServiceProvider sp, Venue venue)
    {
        var options = sp.GetRequiredService<IOptions<MaxxitOptions>>().Value;
        return options.UsePaperVenues
            ? new PaperVenueAdapter(venue, sp.GetRequiredService<PaperPriceFeed>(), options.PaperAccountValueUsd, options.PaperFeeRate, options.PaperBehavior, sp.GetRequiredService<TimeProvider>())
            : new DisabledVenueAdapter(venue);
    }

    private static IAgentKeyProtector CreateKeyProtector(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MaxxitOptions>>().Value;
        if (options.MasterKey is { } base64)
        {
            return new AesGcmAgentKeyProtector(Convert.FromBase64String(base64));
        }

        sp.GetRequiredService<ILogger<AesGcmAgentKeyProtector>>().LogWarning(
            "No MasterKey configured: agent keys are encrypted under a random key for this process only and cannot be decrypted after a restart");
        return new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
    }

    private sealed class PaperVenueMarker;
}
