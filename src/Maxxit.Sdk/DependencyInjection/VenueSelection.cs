using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.DependencyInjection;

/// <summary>
/// Decides which adapter is in charge of each venue. Paper venues fill in for Hyperliquid and Ostium only when no real
/// adapter is registered, or when the host said <c>UsePaperVenues()</c>; a real venue next to a paper one that nobody
/// asked for is refused, so that no trade is ever reported executed on a simulated venue by surprise.
/// </summary>
internal static class VenueSelection
{
    private static readonly Venue[] PaperVenues = [Venue.Hyperliquid, Venue.Ostium];

    public static VenueAdapterRegistry Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MaxxitOptions>>().Value;
        var registered = new Dictionary<Venue, IVenueAdapter>();
        foreach (var adapter in sp.GetServices<IVenueAdapter>())
        {
            registered[adapter.Venue] = adapter;
        }

        var real = registered.Values.Where(a => a is not PaperVenueAdapter).Select(a => a.Venue).Order().ToArray();
        var usePaper = options.UsePaperVenues ?? real.Length == 0;
        if (usePaper)
        {
            foreach (var venue in PaperVenues)
            {
                if (!registered.ContainsKey(venue))
                {
                    registered[venue] = new PaperVenueAdapter(venue, sp.GetRequiredService<PaperPriceFeed>(), options.PaperAccountValueUsd, options.PaperFeeRate, options.PaperBehavior, sp.GetRequiredService<TimeProvider>());
                }
            }
        }

        var paper = registered.Values.Where(a => a is PaperVenueAdapter).Select(a => a.Venue).Order().ToArray();
        if (real.Length > 0 && paper.Length > 0 && options.UsePaperVenues != true)
        {
            throw new MaxxitConfigurationException(
                $"Real venues ({Names(real)}) and paper (simulated) venues ({Names(paper)}) are registered together without saying so: " +
                "call UsePaperVenues() on the builder to trade on both, or remove the paper venues");
        }

        var registry = new VenueAdapterRegistry(registered.Values);
        var health = sp.GetRequiredService<VenueHealthRegistry>();
        foreach (var venue in Venue.Defined)
        {
            if (venue.IsConcrete && !registry.TryGet(venue, out _))
            {
                health.ReportNoAdapter(venue);
            }
        }

        return registry;
    }

    private static string Names(IEnumerable<Venue> venues) => string.Join(", ", venues.Select(v => v.Name));
}
