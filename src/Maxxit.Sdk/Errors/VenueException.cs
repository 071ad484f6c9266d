namespace Maxxit.Sdk.Errors;

/// <summary>A venue refused or failed an operation. <see cref="VenueMessage"/> keeps the venue's own text.</summary>
public class VenueException : MaxxitException
{
    /// <summary>Creates the error.</summary>
    /// <param name="venue">The venue that answered.</param>
    /// <param name="venueMessage">The venue's own error text (never contains secrets).</param>
    /// <param name="hint">What usually causes this and how to fix it, when known.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public VenueException(Venue venue, string venueMessage, string? hint = null, Exception? inner = null)
        : base(hint is null ? $"{venue}: {venueMessage}" : $"{venue}: {venueMessage} ({hint})", inner)
    {
        Venue = venue;
        VenueMessage = venueMessage;
        Hint = hint;
    }

    /// <summary>The venue that answered.</summary>
    public Venue Venue { get; }

    /// <summary>The venue's own error text.</summary>
    public string VenueMessage { get; }

    /// <summary>A hint at the cause, when known.</summary>
    public string? Hint { get; }
}
