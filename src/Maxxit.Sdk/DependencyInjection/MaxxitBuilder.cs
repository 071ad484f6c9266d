using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maxxit.Sdk.DependencyInjection;

/// <summary>Returned by <c>AddMaxxitV3()</c>: adds or replaces venues, the policy, the signal generator and the store.</summary>
public sealed class MaxxitBuilder
{
    internal MaxxitBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension packages (<c>UsePostgres</c>, <c>AddHyperliquid</c>, …).</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a venue adapter; it replaces any earlier adapter for the same venue. Once any real adapter is registered the
    /// paper venues are off for every venue (a venue with no adapter is not routed) unless <see cref="UsePaperVenues"/> is called.
    /// </summary>
    public MaxxitBuilder AddVenue<TAdapter>()
        where TAdapter : class, IVenueAdapter
    {
        Services.TryAddSingleton<TAdapter>();
        Services.AddSingleton<IVenueAdapter>(sp => sp.GetRequiredService<TAdapter>());
        return this;
    }

    /// <summary>Adds a venue adapter built by a factory; it replaces any earlier adapter for the same venue.</summary>
    public MaxxitBuilder AddVenue(Func<IServiceProvider, IVenueAdapter> factory)
    {
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>
    /// Keeps the paper (simulated) Hyperliquid and Ostium venues for every venue that has no real adapter, also next to
    /// real ones. Without this call a host with any real adapter never trades on paper, and a host that registers paper
    /// adapters next to real ones fails at start.
    /// </summary>
    public MaxxitBuilder UsePaperVenues()
    {
        Services.Configure<MaxxitOptions>(o => o.UsePaperVenues = true);
        return this;
    }

    /// <summary>Replaces the whole policy layer (Agent How), rules included.</summary>
    public MaxxitBuilder AddPolicy<TPolicy>()
        where TPolicy : class, IPolicyLayer
    {
        Services.Replace(ServiceDescriptor.Singleton<IPolicyLayer, TPolicy>());
        return this;
    }

    /// <summary>
    /// Adds a rule to the default rule-based policy layer, evaluated among the built-ins by its
    /// <see cref="IPolicyRule.Order"/> (see <see cref="PolicyRuleOrder"/>). Its name must differ from every other rule's.
    /// </summary>
    public MaxxitBuilder AddPolicyRule<TRule>()
        where TRule : class, IPolicyRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPolicyRule, TRule>());
        return this;
    }

    /// <summary>Replaces where the account value for percent-of-account policy limits comes from.</summary>
    public MaxxitBuilder UseAccountValueProvider<TProvider>()
        where TProvider : class, IAccountValueProvider
    {
        Services.Replace(ServiceDescriptor.Singleton<IAccountValueProvider, TProvider>());
        return this;
    }

    /// <summary>Replaces the signal generator (Agent What).</summary>
    public MaxxitBuilder UseSignalGenerator<TGenerator>()
        where TGenerator : class, ISignalGenerator
    {
        Services.Replace(ServiceDescriptor.Singleton<ISignalGenerator, TGenerator>());
        return this;
    }

    /// <summary>Replaces the store.</summary>
    public MaxxitBuilder UseStore(Func<IServiceProvider, IMaxxitStore> factory)
    {
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }
}
