using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// A stream cannot go on or cannot be opened: the consumer fell too far behind on a stream that must not lose messages
/// (fills, order updates, user events), or a subscription would pass one of Hyperliquid's WebSocket limits.
/// </summary>
public sealed class HyperliquidStreamException : MaxxitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    public HyperliquidStreamException(string message)
        : base(message)
    {
    }
}
