using System.Net;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The Hyperliquid API could not be reached or answered outside the protocol (HTTP error, timeout, open circuit,
/// unparseable body). Distinct from <see cref="HyperliquidRejectedException"/>, where the exchange understood and refused:
/// after this error an order's outcome is unknown, so callers re-check by client order id instead of marking it failed.
/// </summary>
public sealed class HyperliquidApiException : MaxxitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public HyperliquidApiException(string message, HttpStatusCode? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether trying again later may succeed (429, 5xx, timeouts, open circuit).</summary>
    public bool IsTransient { get; }
}
