using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Venues;

/// <summary>A request to close a whole position.</summary>
public sealed record CloseRequest
{
    /// <summary>The position (its venue order id, quantity, side).</summary>
    public required Position Position { get; init; }

    /// <summary>The user's deployment (account and agent wallets).</summary>
    public required AgentDeployment Deployment { get; init; }

    /// <summary>The market.</summary>
    public required MarketInfo Market { get; init; }

    /// <summary>Deterministic id of the close (see <see cref="Execution.ClientOrderId"/> with purpose <c>close</c>).</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The price that triggered the close, if any (for slippage bounds).</summary>
    public decimal? TriggerPrice { get; init; }
}
