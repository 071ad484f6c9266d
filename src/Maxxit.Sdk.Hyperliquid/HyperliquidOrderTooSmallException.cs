using System.Globalization;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>An order worth less than the exchange's minimum (USD 10), refused before anything was sent.</summary>
public sealed class HyperliquidOrderTooSmallException : VenueException
{
    /// <summary>Creates the error.</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="orderValue">The order's value in USD (size × price), after rounding the size.</param>
    /// <param name="minimumValue">The minimum in USD.</param>
    public HyperliquidOrderTooSmallException(string coin, decimal orderValue, decimal minimumValue)
        : base(
            Venue.Hyperliquid,
            string.Create(CultureInfo.InvariantCulture, $"Order value ${decimal.Round(orderValue, 2)} for {coin} is below the ${minimumValue} minimum; nothing was sent."),
            "Raise the size percent, the leverage or the account's collateral.")
    {
        Coin = coin;
        OrderValue = orderValue;
        MinimumValue = minimumValue;
    }

    /// <summary>The coin.</summary>
    public string Coin { get; }

    /// <summary>The order's value in USD.</summary>
    public decimal OrderValue { get; }

    /// <summary>The minimum in USD.</summary>
    public decimal MinimumValue { get; }
}
