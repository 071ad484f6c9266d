using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// The trader has no open Ostium trade matching a position: it was closed already (by an earlier close, a stop or a
/// liquidation) or its market order was never filled. Reconciliation decides which; nothing was sent.
/// </summary>
public sealed class OstiumTradeNotFoundException : PositionNotOnVenueException
{
    /// <summary>Creates the error.</summary>
    public OstiumTradeNotFoundException(string trader, int pairIndex, string side)
        : base(Venue.Ostium, $"trader {trader} has no open {side} trade on pair {pairIndex}", "the trade was closed already or never filled; reconcile the position")
    {
        PairIndex = pairIndex;
    }

    /// <summary>The pair searched.</summary>
    public int PairIndex { get; }
}
