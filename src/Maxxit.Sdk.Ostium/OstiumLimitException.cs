using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// An order the contracts would refuse or the oracle would cancel, refused before anything is signed or sent.
/// <see cref="Rule"/> names the contract rule: <c>market_closed</c>, <c>min_leverage</c>, <c>max_leverage</c>,
/// <c>overnight_max_leverage</c>, <c>max_collateral</c>, <c>min_position</c>.
/// </summary>
public sealed class OstiumLimitException : VenueException
{
    /// <summary>Creates the refusal.</summary>
    public OstiumLimitException(string rule, string venueMessage, string? hint = null)
        : base(Venue.Ostium, $"{rule}: {venueMessage}", hint) => Rule = rule;

    /// <summary>The rule that refused the order.</summary>
    public string Rule { get; }
}
