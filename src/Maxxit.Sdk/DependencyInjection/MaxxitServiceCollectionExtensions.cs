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
        // The host's logging and metrics: AddLogging/AddMetrics only add what is missing, so a host's own
        // AddLogging(b => b.AddConsole()), before or after this call, is what the SDK logs to.
        services.AddLogging();
        services.AddMetrics();

        services.TryAddSingleton<MaxxitMetrics>();
        services.TryAddSingleton<VenueHealthRegistry>();
        services.TryAddSingleton(VenueSelection.Create);
        services.AddOptions<VenueSelectionCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VenueSelectionCheck>, VenueSelectionCheckValidator>());
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
        services.TryAddSingleton<AgentKeyRotator>();
        services.TryAddSingleton<ITradeExecutor, TradeExecutor>();
        services.TryAddSingleton<FillConfirmer>();
        services.TryAddSingleton<IMaxxitClient>(CreateClient);
        services.TryAddSingleton<PaperPriceFeed>();
        services.AddPositionLifecycle();

        return new MaxxitBuilder(services);
    }

    // Without a generic host nothing runs the ValidateOnStart checks; resolving the client runs them instead, so that a
    // wrong option (the SDK's, a venue's, the monitor's) is one clear error at first resolution, not a later surprise.
    private static MaxxitClient CreateClient(IServiceProvider sp)
    {
        try
        {
            sp.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several option types are wrong: one error listing every failure reads better than a nest of them.
            var first = (OptionsValidationException)ex.InnerExceptions[0];
            throw new OptionsValidationException(first.OptionsName, first.OptionsType, ex.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures));
        }

        return ActivatorUtilities.CreateInstance<MaxxitClient>(sp);
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
