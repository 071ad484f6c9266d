using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Signals.Llm;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace so that `services.AddMaxxitV3().AddSignalWorker()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the signal worker, its input sources and the LLM signal generator.</summary>
public static class MaxxitWorkerBuilderExtensions
{
    /// <summary>The name of the X source's client in IHttpClientFactory, to configure it further with <c>services.AddHttpClient(name)</c>.</summary>
    public const string XHttpClient = "Maxxit.Sources.X";
    /// <summary>The name of the research feed's client in IHttpClientFactory.</summary>
    public const string ResearchHttpClient = "Maxxit.Sources.Research";

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
        AddHttpClient(builder.Services, XHttpClient);
        builder.Services.Replace(ServiceDescriptor.Singleton<IXPostSource>(sp => ActivatorUtilities.CreateInstance<XApiClient>(sp, Http(sp, XHttpClient))));
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
        AddHttpClient(builder.Services, ResearchHttpClient);
        builder.Services.Replace(ServiceDescriptor.Singleton<IResearchSource>(sp => ActivatorUtilities.CreateInstance<HttpResearchFeedClient>(sp, Http(sp, ResearchHttpClient))));
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

    /// <summary>
    /// A named client from IHttpClientFactory with a resilience handler: up to 3 retries of transient failures (5xx, 408,
    /// network errors; not 429, which the X client answers itself from the rate-limit headers), 10 s per attempt and
    /// 30 s in all. The host can change it with <c>services.AddHttpClient(name)</c> like any named client.
    /// </summary>
    private static void AddHttpClient(IServiceCollection services, string name)
    {
        if (services.Any(d => d.ServiceType == typeof(SourceHttpClientMarker) && Equals(d.ServiceKey, name)))
        {
            return;
        }

        services.AddKeyedSingleton<SourceHttpClientMarker>(name);
        services.AddHttpClient(name).AddResilienceHandler(name, pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(30));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
    }

    private static HttpClient Http(IServiceProvider sp, string name) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    private sealed class SourceHttpClientMarker;
}
