using System.Globalization;
using System.Text.Json;
using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Hyperliquid.Costs;

/// <summary>Reads an <c>l2Book</c> answer (<c>{"levels": [bids, asks]}</c>, each level <c>{"px","sz","n"}</c>, best first) into a cost curve.</summary>
internal static class HyperliquidBookParser
{
    /// <summary>The curve, or null when a side is empty (no two-sided book to price against).</summary>
    /// <param name="body">The JSON answer.</param>
    /// <param name="takerFeeBps">Taker fee in bps.</param>
    /// <param name="hourlyFunding">The hourly funding rate as a fraction (positive: longs pay).</param>
    public static MarketCostCurve? Parse(byte[] body, double takerFeeBps, double hourlyFunding)
    {
        using var document = JsonDocument.Parse(body);
        var levels = document.RootElement.GetProperty("levels");
        if (levels.GetArrayLength() != 2)
        {
            throw new JsonException("l2Book levels must hold [bids, asks]");
        }

        var bids = Side(levels[0]);
        var asks = Side(levels[1]);
        if (bids.Length == 0 || asks.Length == 0)
        {
            return null;
        }

        var mid = (bids[0].Price + asks[0].Price) / 2;
        var fundingBps = hourlyFunding * 10_000;
        return new MarketCostCurve(mid, bids, asks, takerFeeBps, fundingBps, -fundingBps);
    }

    private static BookLevel[] Side(JsonElement side)
    {
        var result = new BookLevel[side.GetArrayLength()];
        var i = 0;
        foreach (var level in side.EnumerateArray())
        {
            result[i++] = new BookLevel(Number(level, "px"), Number(level, "sz"));
        }

        return result;
    }

    private static double Number(JsonElement level, string name) =>
        double.Parse(level.GetProperty(name).GetString() ?? throw new JsonException($"l2Book level {name} is null"), NumberStyles.Float, CultureInfo.InvariantCulture);
}
