using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Positions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace so that `AddPositionMonitor()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the position lifecycle: closing, reconciliation, metrics and the monitor.</summary>
public static class PositionMonitorBuilderExtensions
{
    /// <summary>
    /// Runs the position monitor as a hosted service (trailing stops, stop-loss, take-profit, reconciliation) with
    /// the given options, validated at start.
    /// </summary>
    public static MaxxitBuilder AddPositionMonitor(this MaxxitBuilder builder, Action<PositionMonitorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddHostedService<PositionMonitorService>();
        return builder;
    }

    /// <summary>The services every host needs to close positions (manual closes go through the client even without a monitor).</summary>
    internal static IServiceCollection AddPositionLifecycle(this IServiceCollection services)
    {
        services.AddOptions<PositionMonitorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PositionMonitorOptions>, PositionMonitorOptionsValidator>());
        services.TryAddSingleton<PositionPriceBook>();
        services.TryAddSingleton<AgentMetricsUpdater>();
        services.TryAddSingleton<PositionCloser>();
        services.TryAddSingleton<PositionReconciler>();
        services.TryAddSingleton<PositionMonitor>();
        return services;
    }
}
