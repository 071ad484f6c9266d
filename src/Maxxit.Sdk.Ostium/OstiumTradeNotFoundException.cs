using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// The trader's slot no longer holds the position's trade: it was closed already (by an earlier close, a stop or a
/// liquidation), or the slot now holds another trade, or the open was never executed. Nothing was sent.
/// </summary>
public sealed class OstiumTradeNotFoundException : PositionNotOnVenueException
{
    /// <summary>Creates the error.</summary>
    public OstiumTradeNotFoundException(string trader, string trade, string detail)
        : base(Venue.Ostium, $"trader {trader} has no open trade {trade}: {detail}", "the trade was closed already or never executed; nothing was sent")
    {
        Trade = trade;
    }

    /// <summary>The trade searched (<c>trade:&lt;pairIndex&gt;:&lt;index&gt;:&lt;tradeId&gt;</c> or an order id).</summary>
    public string Trade { get; }
}
