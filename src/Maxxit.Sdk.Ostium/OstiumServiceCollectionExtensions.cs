using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Ostium;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace, like AddMaxxitV3(), so that no extra using is needed.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Ostium venue to the Maxxit builder.</summary>
public static class OstiumServiceCollectionExtensions
{
    /// <summary>The named HTTP client used for the JSON-RPC node, the subgraph and the price feed.</summary>
    public const string HttpClientName = "Maxxit.Ostium";

    /// <summary>
    /// Registers <see cref="OstiumVenue"/> (replacing the paper Ostium venue) with its JSON-RPC, subgraph and price-feed
    /// clients, and <see cref="OstiumTimeoutService"/>, which sends the timeout calls of orders the oracle never answered.
    /// Options default to Arbitrum One; <see cref="OstiumOptions.RpcUrl"/> is required (set it here or bind it from
    /// configuration with <c>services.Configure&lt;OstiumOptions&gt;(section)</c>). Options are validated at start.
    /// Same shape as <c>AddHyperliquid(configure?)</c>.
    /// </summary>
    public static MaxxitBuilder AddOstium(this MaxxitBuilder builder, Action<OstiumOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<OstiumOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OstiumOptions>, OstiumOptionsValidator>());
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<OstiumOptions>>().Value.RequestTimeout);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OstiumOptions>>().Value;
            return new EthereumRpcClient(Http(sp), o.RpcUrl!, sp.GetRequiredService<TimeProvider>(), o.MaxRetryAttempts, o.RetryBaseDelay, new RevertDecoder(OstiumErrors.Signatures));
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OstiumOptions>>().Value;
            return new OstiumSubgraphClient(Http(sp), o.SubgraphUrl!, sp.GetRequiredService<TimeProvider>(), o.MaxRetryAttempts, o.RetryBaseDelay);
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OstiumOptions>>().Value;
            return new OstiumPriceFeedClient(Http(sp), o.PriceFeedUrl!, sp.GetRequiredService<TimeProvider>(), o.MaxRetryAttempts, o.RetryBaseDelay);
        });
        Maxxit.Sdk.Ostium.Costs.OstiumCostSource.Register(services); // bid/ask, fees and rollover for BEST_EXECUTION
        builder.AddVenue<OstiumVenue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OstiumTimeoutService>());
        return builder;
    }

    private static HttpClient Http(IServiceProvider sp) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
