using System.Globalization;
using System.Numerics;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// The contracts' own limits on an open, checked before anything is signed: <c>OstiumTrading.openTrade</c> reverts on
/// leverage outside [group minimum, <c>pairMaxLeverage</c>], on collateral above <c>maxAllowedCollateral</c> and on a
/// position below the fee tier's <c>minLevPos</c>;
/// the oracle callback cancels a closed market and, while day trading is closed, leverage above the pair's
/// <c>overnightMaxLeverage</c> (<c>DAY_TRADE_NOT_ALLOWED</c>, keeping the oracle fee).
/// </summary>
internal static class OstiumPreTradeChecks
{
    /// <exception cref="OstiumLimitException">A rule refuses the order.</exception>
    public static void Check(OstiumPair pair, OstiumPrice price, decimal leverage, BigInteger collateral, BigInteger maxCollateral)
    {
        var name = $"{pair.From}/{pair.To}";
        if (!price.IsMarketOpen)
        {
            throw new OstiumLimitException("market_closed", $"market {name} is closed", "forex, commodities, indices and stocks trade only in market hours");
        }

        if (pair.MinLeverage > 0m && leverage < pair.MinLeverage)
        {
            throw new OstiumLimitException("min_leverage", Text($"leverage {leverage}x is below the {pair.Group} group's minimum {pair.MinLeverage}x for {name}"));
        }

        if (pair.MaxLeverage > 0m && leverage > pair.MaxLeverage)
        {
            throw new OstiumLimitException("max_leverage", Text($"leverage {leverage}x is above the maximum {pair.MaxLeverage}x for {name}"));
        }

        if (price.IsDayTradingClosed && pair.OvernightMaxLeverage > 0m && leverage > pair.OvernightMaxLeverage)
        {
            throw new OstiumLimitException(
                "overnight_max_leverage",
                Text($"leverage {leverage}x is above the overnight maximum {pair.OvernightMaxLeverage}x for {name} while day trading is closed"),
                "the oracle would cancel the order (DAY_TRADE_NOT_ALLOWED) and keep the oracle fee; lower the leverage or wait for day trading");
        }

        if (!maxCollateral.IsZero && collateral > maxCollateral)
        {
            throw new OstiumLimitException("max_collateral", Text($"collateral {OstiumUnits.FromScaled(collateral, OstiumUnits.UsdcDecimals)} USDC is above Trading's maxAllowedCollateral {OstiumUnits.FromScaled(maxCollateral, OstiumUnits.UsdcDecimals)} USDC"), "commit a smaller share of the account");
        }

        var position = OstiumUnits.FromScaled(collateral, OstiumUnits.UsdcDecimals) * leverage;
        if (pair.MinPositionUsd > 0m && position < pair.MinPositionUsd)
        {
            throw new OstiumLimitException("min_position", Text($"position {position} USD (collateral × leverage) is below the minimum {pair.MinPositionUsd} USD for {name}"), "commit a larger share of the account or more leverage");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
