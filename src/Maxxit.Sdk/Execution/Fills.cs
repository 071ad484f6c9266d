using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Execution;

/// <summary>Builds the fill recorded on a position, with its protection levels set from the real average price.</summary>
internal static class Fills
{
    public static PositionFill Open(RiskModel risk, TradeSide side, string venueOrderId, decimal quantity, decimal averagePrice, decimal leverage, decimal collateralUsd, decimal feesUsd)
    {
        var (stopLoss, takeProfit, trailing) = ProtectionLevels.From(risk, side, averagePrice);
        return new PositionFill(venueOrderId, quantity, averagePrice, leverage, collateralUsd, feesUsd, stopLoss, takeProfit, trailing);
    }
}
