using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Venues.Paper;

// The paper venue's cost source: books around the feed's current price, fees and funding from its PaperCostProfile.
public sealed partial class PaperVenueAdapter : IVenueCostSource
{
    private PaperCostProfile? _costProfile;

    /// <summary>The books, fees and funding this paper venue reports to BEST_EXECUTION (defaults: <see cref="PaperCostProfile.For"/>).</summary>
    public PaperCostProfile CostProfile
    {
        get => Volatile.Read(ref _costProfile) ?? PaperCostProfile.For(Venue);
        set => Volatile.Write(ref _costProfile, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <inheritdoc />
    public ValueTask<VenueCostSnapshot> GetCostSnapshotAsync(VenueCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var profile = CostProfile;
        var curves = new Dictionary<string, MarketCostCurve>(request.Markets.Count, StringComparer.Ordinal);
        foreach (var market in request.Markets)
        {
            if (_prices.GetPrice(Venue, market.Symbol) is { } price && price > 0)
            {
                curves[market.Symbol] = PaperOrderBook.Curve(profile, market.Symbol, (double)price);
            }
        }

        return ValueTask.FromResult(new VenueCostSnapshot(Venue, request.Time.GetUtcNow(), curves, profile.CarryName));
    }
}
