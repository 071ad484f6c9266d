using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Venues;

/// <summary>Which order to look up for <see cref="IOrderFateVenue.GetOrderFateAsync"/>.</summary>
public sealed record OrderFateQuery
{
    /// <summary>The position the order opens or closes, as stored.</summary>
    public required Position Position { get; init; }

    /// <summary>The user's deployment (account and agent wallets).</summary>
    public required AgentDeployment Deployment { get; init; }

    /// <summary>The market.</summary>
    public required MarketInfo Market { get; init; }

    /// <summary>Whether the order opens or closes the position.</summary>
    public required OrderPurpose Purpose { get; init; }

    /// <summary>The deterministic client order id the order was sent with.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The venue's order id, when the venue acknowledged the order.</summary>
    public string? VenueOrderId { get; init; }

    /// <summary>The submission id (e.g. a transaction hash) journaled before sending, when there is one.</summary>
    public string? SubmissionId { get; init; }
}
