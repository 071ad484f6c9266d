using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// What a rule may read besides the intent: the deployment's policy, its state (read once per execution), the account
/// value and the evaluation time. A struct passed by reference, so evaluating a rule allocates nothing.
/// </summary>
public readonly struct PolicyRuleContext
{
    private readonly IMarketCatalog? _markets;

    /// <summary>Creates the context.</summary>
    /// <param name="context">The policy layer's input.</param>
    /// <param name="policy">The deployment's policy.</param>
    /// <param name="defaultLeverage">Leverage the executor uses when the intent sets none.</param>
    /// <param name="markets">Market lists, for the venue maximum leverage; null when unknown.</param>
    public PolicyRuleContext(PolicyContext context, DeploymentPolicy policy, decimal defaultLeverage, IMarketCatalog? markets)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        Context = context;
        Policy = policy;
        DefaultLeverage = defaultLeverage;
        _markets = markets;
    }

    /// <summary>The policy layer's input (signal, deployment, original intent, state, account value, time).</summary>
    public PolicyContext Context { get; }

    /// <summary>The deployment's policy.</summary>
    public DeploymentPolicy Policy { get; }

    /// <summary>Open positions, exposure and recent trades of the deployment.</summary>
    public PolicyState State => Context.State;

    /// <summary>The account value in USD, when known.</summary>
    public decimal? AccountValueUsd => Context.AccountValueUsd;

    /// <summary>Evaluation time.</summary>
    public DateTimeOffset Now => Context.Now;

    /// <summary>Leverage the executor uses when the intent sets none (<see cref="MaxxitOptions.DefaultLeverage"/>).</summary>
    public decimal DefaultLeverage { get; }

    /// <summary>The leverage the trade will ask for: the intent's, else the default.</summary>
    public decimal EffectiveLeverage(TradeIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Leverage ?? DefaultLeverage;
    }

    /// <summary>The trade's notional in USD (account × size % × leverage), or null when the account value is unknown.</summary>
    public decimal? NotionalUsd(TradeIntent intent) =>
        AccountValueUsd is { } account ? account * intent.SizePercent / 100m * EffectiveLeverage(intent) : null;

    /// <summary>
    /// The highest leverage any venue this trade may be routed to allows for its token: the intent's preferred venues
    /// (else every concrete venue) minus its excluded ones. Null when none of them lists the token or markets are unknown.
    /// The executor clamps to the routed market's own maximum as well.
    /// </summary>
    public decimal? MaxMarketLeverage(TradeIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (_markets is null)
        {
            return null;
        }

        IReadOnlyList<Venue> candidates = intent.VenuePriority.Count > 0 ? intent.VenuePriority : VenueTable.Concrete;
        decimal? max = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var venue = candidates[i];
            if (venue == Venue.Multi || Contains(intent.ExcludedVenues, venue) || !_markets.TryGet(venue, intent.TokenSymbol, out var market))
            {
                continue;
            }

            if (max is null || market.MaxLeverage > max)
            {
                max = market.MaxLeverage;
            }
        }

        return max;
    }

    private static bool Contains(IReadOnlyList<Venue> venues, Venue venue)
    {
        for (var i = 0; i < venues.Count; i++)
        {
            if (venues[i] == venue)
            {
                return true;
            }
        }

        return false;
    }
}
