using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Execution;

/// <summary>Turns a risk model's fractions into price levels around a fill.</summary>
public static class ProtectionLevels
{
    /// <summary>Stop-loss price, take-profit price and trailing state for a position entered at <paramref name="entry"/>.</summary>
    public static (decimal? StopLoss, decimal? TakeProfit, TrailingParams? Trailing) From(RiskModel risk, TradeSide side, decimal entry)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var sign = side == TradeSide.Long ? 1m : -1m;
        var fractions = risk.Fractions;
        decimal? stopLoss = fractions.StopLoss is { } s ? entry * (1m - (sign * s)) : null;
        decimal? takeProfit = fractions.TakeProfit is { } tp ? entry * (1m + (sign * tp)) : null;
        var trailing = fractions.Trailing is { } retrace ? new TrailingParams(retrace, entry) : null;
        return (stopLoss, takeProfit, trailing);
    }
}
