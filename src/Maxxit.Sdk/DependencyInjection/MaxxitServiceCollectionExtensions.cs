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
    /// rules, weighted generator, priority router). Use the returned builder to add or replace parts. Paper venues run
    /// only while no real adapter is registered, unless the builder says <see cref="MaxxitBuilder.UsePaperVenues"/>.
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
        services.TryAddSingleton(VenueSelection.Create);
        services.AddOptions<VenueSelectionCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VenueSelectionCheck>, VenueSelectionCheckValidator>());
        services.TryAddSingleton<RoutingConfigCache>();
        services.TryAddSingleton<RoutingConfigRefresher>();
        services.TryAddSingleton<IMarketCatalog, MarketCatalog>();
        services.TryAddSingleton<IVenueRouter, PriorityVenueRouter>();
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
        services.TryAddSingleton<AgentKeyRotator>();
        services.TryAddSingleton<ITradeExecutor, TradeExecutor>();
        services.TryAddSingleton<IMaxxitClient, MaxxitClient>();
        services.TryAddSingleton<PaperPriceFeed>();
        services.AddPositionLifecycle();

        return new MaxxitBuilder(services);
    }

    private static IAgentKeyProtector CreateKeyProtector(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MaxxitOptions>>().Value;
        if (options.MasterKey is { } base64)
        {
            return new AesGcmAgentKeyProtector(Convert.FromBase64String(base64), options.PreviousMasterKeys.Select(Convert.FromBase64String));
        }

        sp.GetRequiredService<ILogger<AesGcmAgentKeyProtector>>().LogWarning(
            "No MasterKey configured: agent keys are encrypted under a random key for this process only and cannot be decrypted after a restart");
        return new AesGcmAgentKeyProtector(RandomNumberGenerator.GetBytes(32));
    }
}
