using Maxxit.Sdk.Hyperliquid.Info;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// Builds valid orders from market data: rounds the price (5 significant figures, 6 − szDecimals decimals) and the size
/// (szDecimals, toward zero) and refuses opening orders worth less than the minimum before anything is signed.
/// </summary>
public static class HyperliquidOrders
{
    /// <summary>The exchange's minimum order value in USD.</summary>
    public const decimal DefaultMinimumValue = 10m;

    /// <summary>A market order: an IOC limit at mid × (1 ± slippage), the official SDK's convention.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="isBuy">Buy or sell.</param>
    /// <param name="size">The size in coins (rounded toward zero to szDecimals).</param>
    /// <param name="mid">The current mid price.</param>
    /// <param name="slippage">The worst accepted distance from the mid, as a fraction in (0, 1).</param>
    /// <param name="reduceOnly">Only reduce a position (closing orders are not held to the minimum value).</param>
    /// <param name="clientOrderId">An optional client order id.</param>
    /// <param name="minimumValue">The minimum order value in USD, checked at the mid.</param>
    /// <returns>The order.</returns>
    /// <exception cref="HyperliquidOrderTooSmallException">An opening order is worth less than the minimum.</exception>
    public static HyperliquidOrder Market(HyperliquidAsset asset, bool isBuy, decimal size, decimal mid, decimal slippage, bool reduceOnly = false, Cloid? clientOrderId = null, decimal minimumValue = DefaultMinimumValue)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (mid <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(mid), mid, "The mid price must be positive.");
        }

        if (slippage <= 0m || slippage >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(slippage), slippage, "Slippage must be a fraction strictly between 0 and 1.");
        }

        var rounded = CheckedSize(asset, size, mid, reduceOnly, minimumValue);
        var price = HyperliquidNumbers.RoundPrice(mid * (isBuy ? 1m + slippage : 1m - slippage), asset.SzDecimals);
        return new HyperliquidOrder(asset.Index, isBuy, price, rounded, reduceOnly, HyperliquidOrderType.Limit(TimeInForce.Ioc), clientOrderId);
    }

    /// <summary>A limit order (GTC, IOC or ALO) at a price rounded to the asset's rules.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="isBuy">Buy or sell.</param>
    /// <param name="size">The size in coins.</param>
    /// <param name="price">The limit price (rounded to the nearest valid price).</param>
    /// <param name="timeInForce">GTC, IOC or ALO.</param>
    /// <param name="reduceOnly">Only reduce a position.</param>
    /// <param name="clientOrderId">An optional client order id.</param>
    /// <param name="minimumValue">The minimum order value in USD, checked at the limit price.</param>
    /// <returns>The order.</returns>
    public static HyperliquidOrder Limit(HyperliquidAsset asset, bool isBuy, decimal size, decimal price, TimeInForce timeInForce, bool reduceOnly = false, Cloid? clientOrderId = null, decimal minimumValue = DefaultMinimumValue)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var rounded = HyperliquidNumbers.RoundPrice(price, asset.SzDecimals);
        var sz = CheckedSize(asset, size, rounded, reduceOnly, minimumValue);
        return new HyperliquidOrder(asset.Index, isBuy, rounded, sz, reduceOnly, HyperliquidOrderType.Limit(timeInForce), clientOrderId);
    }

    /// <summary>
    /// A reduce-only take-profit or stop-loss that executes as a market order when the trigger price is reached.
    /// </summary>
    /// <param name="asset">The asset.</param>
    /// <param name="closesLong">True when it closes a long (so it sells).</param>
    /// <param name="size">The size to close.</param>
    /// <param name="triggerPrice">The trigger price (rounded to the asset's rules).</param>
    /// <param name="kind">Take profit or stop loss.</param>
    /// <param name="slippage">The worst accepted distance from the trigger once triggered.</param>
    /// <param name="clientOrderId">An optional client order id.</param>
    /// <returns>The order.</returns>
    public static HyperliquidOrder Trigger(HyperliquidAsset asset, bool closesLong, decimal size, decimal triggerPrice, TriggerKind kind, decimal slippage, Cloid? clientOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var trigger = HyperliquidNumbers.RoundPrice(triggerPrice, asset.SzDecimals);
        var isBuy = !closesLong;
        var limit = HyperliquidNumbers.RoundPrice(trigger * (isBuy ? 1m + slippage : 1m - slippage), asset.SzDecimals);
        var sz = CheckedSize(asset, size, trigger, reduceOnly: true, 0m);
        return new HyperliquidOrder(asset.Index, isBuy, limit, sz, reduceOnly: true, HyperliquidOrderType.Trigger(trigger, isMarket: true, kind), clientOrderId);
    }

    private static decimal CheckedSize(HyperliquidAsset asset, decimal size, decimal price, bool reduceOnly, decimal minimumValue)
    {
        if (size < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must not be negative.");
        }

        var rounded = HyperliquidNumbers.RoundSize(size, asset.SzDecimals);
        if (!reduceOnly && rounded * price < minimumValue)
        {
            throw new HyperliquidOrderTooSmallException(asset.Name, rounded * price, minimumValue);
        }

        if (rounded == 0m)
        {
            throw new HyperliquidOrderTooSmallException(asset.Name, 0m, minimumValue);
        }

        return rounded;
    }
}
