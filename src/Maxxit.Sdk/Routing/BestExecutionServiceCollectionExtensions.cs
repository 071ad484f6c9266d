using Maxxit.Sdk.Routing.Costs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing;

/// <summary>Registers what BEST_EXECUTION needs: its options, the snapshot holder, the refresher and its background service.</summary>
internal static class BestExecutionServiceCollectionExtensions
{
    public static IServiceCollection AddBestExecutionRouting(this IServiceCollection services)
    {
        services.AddOptions<BestExecutionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BestExecutionOptions>, BestExecutionOptionsValidator>());
        services.TryAddSingleton<VenueCostSnapshots>();
        services.TryAddSingleton<VenueCostRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VenueCostRefreshService>());
        return services;
    }
}
