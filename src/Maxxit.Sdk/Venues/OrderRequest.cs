using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Venues;

/// <summary>An opening order for one deployment.</summary>
public sealed record OrderRequest
{
    /// <summary>The signal being executed.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>The user's deployment (account wallet and agent wallets).</summary>
    public required AgentDeployment Deployment { get; init; }

    /// <summary>Deterministic id of this (signal, deployment) order; see <see cref="Execution.ClientOrderId"/>.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The market to trade.</summary>
    public required MarketInfo Market { get; init; }

    /// <summary>Direction.</summary>
    public required TradeSide Side { get; init; }

    /// <summary>Percent of the account's value to commit as margin, in (0, 100].</summary>
    public required decimal SizePercent { get; init; }

    /// <summary>Leverage; null means the adapter's default (never above the market maximum).</summary>
    public decimal? Leverage { get; init; }

    /// <summary>Protection, for venues that place native stop or take-profit orders.</summary>
    public required RiskModel Risk { get; init; }

    /// <summary>Where to record a submission id before sending.</summary>
    public required IOrderJournal Journal { get; init; }
}
