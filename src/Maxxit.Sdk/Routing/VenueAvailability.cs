namespace Maxxit.Sdk.Routing;

/// <summary>Which venues the router checked and which of them list the token, as two bit masks (no allocation).</summary>
/// <param name="CheckedMask">One bit per checked venue (bit positions are process-wide venue ordinals: read it with <see cref="WasChecked"/>).</param>
/// <param name="ListedMask">Bit set for each checked venue that lists the token.</param>
public readonly record struct VenueAvailability(int CheckedMask, int ListedMask)
{
    /// <summary>Whether the venue was checked.</summary>
    public bool WasChecked(Venue venue) => (CheckedMask & (1 << venue.Ordinal)) != 0;

    /// <summary>Whether the venue was checked and lists the token.</summary>
    public bool IsListed(Venue venue) => (ListedMask & (1 << venue.Ordinal)) != 0;

    /// <summary>The availability map, e.g. <c>{HYPERLIQUID: true}</c>, for the audit row.</summary>
    public IReadOnlyDictionary<Venue, bool> ToDictionary()
    {
        var map = new Dictionary<Venue, bool>();
        foreach (var venue in Venue.Defined)
        {
            if (WasChecked(venue))
            {
                map[venue] = IsListed(venue);
            }
        }

        return map;
    }
}
