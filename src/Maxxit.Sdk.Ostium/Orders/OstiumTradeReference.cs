using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// An executed Ostium trade as a position stores it in its venue order id: <c>trade:&lt;pairIndex&gt;:&lt;index&gt;:&lt;tradeId&gt;</c>.
/// The pair and slot address the trade in the contracts; the trade id (the open's order id) tells that the slot still
/// holds this very trade, since a slot is reused once its trade closes.
/// </summary>
/// <param name="PairIndex">The pair.</param>
/// <param name="Index">The trader's slot on the pair.</param>
/// <param name="TradeId">The trade id (equal to the order id of the open that created it).</param>
public sealed record OstiumTradeReference(int PairIndex, int Index, BigInteger TradeId)
{
    private const string Prefix = "trade:";

    /// <summary>The stored form, e.g. <c>trade:5:0:1001</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{PairIndex}:{Index}:{TradeId}");

    /// <summary>Parses the stored form; false for anything else (an order id, a <c>tx:</c> id, null).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OstiumTradeReference? reference)
    {
        reference = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pair) && pair <= ushort.MaxValue
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= byte.MaxValue
            && BigInteger.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var tradeId))
        {
            reference = new OstiumTradeReference(pair, index, tradeId);
            return true;
        }

        return false;
    }
}
