using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>The exchange understood a request and refused it. Carries the exchange's own text and a hint.</summary>
public sealed class HyperliquidRejectedException : VenueException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="venueMessage">The exchange's text, verbatim.</param>
    /// <param name="hint">What probably causes it and what to do; null when there is nothing useful to add.</param>
    public HyperliquidRejectedException(string venueMessage, string? hint)
        : base(Venue.Hyperliquid, venueMessage, hint)
    {
    }

    /// <summary>Builds the exception for an exchange message, adding a hint for the messages we know.</summary>
    /// <param name="venueMessage">The exchange's text.</param>
    /// <returns>The exception.</returns>
    public static HyperliquidRejectedException FromVenueMessage(string venueMessage)
    {
        ArgumentNullException.ThrowIfNull(venueMessage);
        return new HyperliquidRejectedException(venueMessage, HintFor(venueMessage));
    }

    private static string? HintFor(string message)
    {
        if (message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            && message.Contains("User or API Wallet", StringComparison.OrdinalIgnoreCase))
        {
            return "The exchange recovered this address from the signature and knows no account or approved agent for it: "
                + "the agent wallet is not approved for this user (run approveAgent from the user's wallet), "
                + "or the network is wrong (a testnet approval does not exist on mainnet and vice versa).";
        }

        if (message.Contains("cumulative requests", StringComparison.OrdinalIgnoreCase)
            || (message.Contains("Too many", StringComparison.OrdinalIgnoreCase) && message.Contains("volume", StringComparison.OrdinalIgnoreCase)))
        {
            return "This is Hyperliquid's per-address limit, not the IP budget: an address may send 1 action per 1 USDC it has "
                + "traded (plus 10,000 to start), and once over it one action every 10 s; cancels get a larger allowance. "
                + "Trade volume raises it; sending fewer actions (no repeated leverage updates, batched cancels) stays under it.";
        }

        if (message.Contains("minimum value", StringComparison.OrdinalIgnoreCase))
        {
            return "Orders must be worth at least $10 at the limit price; increase the size.";
        }

        if (message.Contains("Insufficient margin", StringComparison.OrdinalIgnoreCase))
        {
            return "The account's free collateral does not cover this order at the current leverage.";
        }

        if (message.Contains("nonce", StringComparison.OrdinalIgnoreCase))
        {
            return "Nonces must be recent millisecond timestamps, unique per signer; check the host clock.";
        }

        if (message.Contains("tick size", StringComparison.OrdinalIgnoreCase) || message.Contains("Price must be divisible", StringComparison.OrdinalIgnoreCase))
        {
            return "Prices need at most 5 significant figures and at most (6 - szDecimals) decimals.";
        }

        return null;
    }
}
