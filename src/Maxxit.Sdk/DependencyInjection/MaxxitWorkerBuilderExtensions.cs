using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Signals.Llm;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace so that `services.AddMaxxitV3().AddSignalWorker()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the signal worker, its input sources and the LLM signal generator.</summary>
public static class MaxxitWorkerBuilderExtensions
{
    private const string XHttpClient = "Maxxit.Sources.X";
    private const string ResearchHttpClient = "Maxxit.Sources.Research";

    /// <summary>
    /// Adds the signal worker as a hosted service (and as <see cref="SignalWorker"/> for <c>RunAsync</c>). Sources not
    /// registered otherwise default to empty in-memory X and research sources, catalog market context and catalog token
    /// mentions.
    /// </summary>
    public static MaxxitBuilder AddSignalWorker(this MaxxitBuilder builder, Action<SignalWorkerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SignalWorkerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignalWorkerOptions>, SignalWorkerOptionsValidator>());
        AddSourceDefaults(builder.Services);
        builder.Services.TryAddSingleton<SignalWorker>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SignalWorker>(sp => sp.GetRequiredService<SignalWorker>()));
        return builder;
    }

    /// <summary>Reads X posts from the X API v2 (bearer token from <paramref name="configure"/>).</summary>
    public static MaxxitBuilder AddXSource(this MaxxitBuilder builder, Action<XApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<XApiOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XApiOptions>, XApiOptionsValidator>());
        builder.Services.TryAddKeyedSingleton(XHttpClient, (_, _) => NewHttpClient());
        builder.Services.Replace(ServiceDescriptor.Singleton<IXPostSource>(sp => ActivatorUtilities.CreateInstance<XApiClient>(sp, sp.GetRequiredKeyedService<HttpClient>(XHttpClient))));
        return builder;
    }

    /// <summary>Reads research calls from an HTTP JSON feed.</summary>
    public static MaxxitBuilder AddResearchFeed(this MaxxitBuilder builder, Action<ResearchFeedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ResearchFeedOptions>().Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, $"{nameof(ResearchFeedOptions.BaseAddress)}: must be an absolute http(s) address")
            .ValidateOnStart();
        builder.Services.TryAddKeyedSingleton(ResearchHttpClient, (_, _) => NewHttpClient());
        builder.Services.Replace(ServiceDescriptor.Singleton<IResearchSource>(sp => ActivatorUtilities.CreateInstance<HttpResearchFeedClient>(sp, sp.GetRequiredKeyedService<HttpClient>(ResearchHttpClient))));
        return builder;
    }

    /// <summary>Replaces the X post source.</summary>
    public static MaxxitBuilder UseXPostSource(this MaxxitBuilder builder, Func<IServiceProvider, IXPostSource> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Replaces the research source.</summary>
    public static MaxxitBuilder UseResearchSource(this MaxxitBuilder builder, Func<IServiceProvider, IResearchSource> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Replaces the market context provider (e.g. with one backed by a venue's live data).</summary>
    public static MaxxitBuilder UseMarketContextProvider<TProvider>(this MaxxitBuilder builder)
        where TProvider : class, IMarketContextProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IMarketContextProvider, TProvider>());
        return builder;
    }

    /// <summary>
    /// Uses the LLM signal generator as Agent What. Register an <c>IChatClient</c> (any provider) in the container as well.
    /// </summary>
    public static MaxxitBuilder UseLlmSignalGenerator(this MaxxitBuilder builder, Action<LlmSignalGeneratorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LlmSignalGeneratorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmSignalGeneratorOptions>, LlmSignalGeneratorOptionsValidator>());
        AddSourceDefaults(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISignalGenerator, LlmSignalGenerator>());
        return builder;
    }

    private static void AddSourceDefaults(IServiceCollection services)
    {
        services.TryAddSingleton<WorkerMetrics>();
        services.TryAddSingleton<IXPostSource, InMemoryXPostSource>();
        services.TryAddSingleton<IResearchSource, InMemoryResearchSource>();
        services.TryAddSingleton<IMarketContextProvider, CatalogMarketContextProvider>();
        services.TryAddSingleton<ITokenMentionExtractor>(sp => new CatalogTokenMentionExtractor(sp.GetRequiredService<Maxxit.Sdk.Markets.IMarketCatalog>()));
    }

    // One long-lived client per source with pooled connections recycled, so DNS changes are seen without IHttpClientFactory.
    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
}
