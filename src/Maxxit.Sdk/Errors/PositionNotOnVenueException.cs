namespace Maxxit.Sdk.Errors;

/// <summary>
/// The venue holds no open position matching the one being closed: an earlier close already went through (e.g. before
/// a crash kept it from being recorded), a venue-side stop or liquidation closed it, or it never filled. Nothing was sent.
/// </summary>
public class PositionNotOnVenueException : VenueException
{
    /// <summary>Creates the error.</summary>
    public PositionNotOnVenueException(Venue venue, string venueMessage, string? hint = null, Exception? inner = null)
        : base(venue, venueMessage, hint, inner)
    {
    }
}
