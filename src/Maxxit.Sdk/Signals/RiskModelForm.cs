using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Signals;

/// <summary>
/// The flat form of a <see cref="RiskModel"/> that the original HTTP API and the <c>signals_v3.risk_model</c> JSON hold:
/// <c>{type, stop, take_profit?, stop_loss?}</c>. Edges (a store, an HTTP host) convert with <see cref="From"/> and
/// <see cref="ToModel"/>; everything else uses the typed models.
/// </summary>
/// <param name="Type"><see cref="TrailingStopType"/>, <see cref="StopLossType"/> or <see cref="TakeProfitType"/> (any case).</param>
/// <param name="Stop">The trailing retrace or stop-loss distance; for a take-profit model, its target when <paramref name="TakeProfit"/> is absent.</param>
/// <param name="TakeProfit">The take-profit distance, if any.</param>
/// <param name="StopLoss">The fixed stop-loss distance beside a trailing stop or a take-profit, if any.</param>
public sealed record RiskModelForm(string? Type, decimal? Stop, decimal? TakeProfit = null, decimal? StopLoss = null)
{
    /// <summary>The name of <see cref="RiskModel.TrailingStop"/>.</summary>
    public const string TrailingStopType = "trailing-stop";

    /// <summary>The name of <see cref="RiskModel.StopLoss"/>.</summary>
    public const string StopLossType = "stop-loss";

    /// <summary>The name of <see cref="RiskModel.TakeProfit"/>.</summary>
    public const string TakeProfitType = "take-profit";

    /// <summary>The flat form of <paramref name="model"/>. A take-profit model writes its target as <c>stop</c> too, as older readers expect a stop.</summary>
    public static RiskModelForm From(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            RiskModel.TrailingStop t => new(TrailingStopType, t.Stop, t.TakeProfit, t.StopLoss),
            RiskModel.StopLoss s => new(StopLossType, s.Stop, s.TakeProfit),
            RiskModel.TakeProfit p => new(TakeProfitType, p.Target, p.Target, p.StopLoss),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.GetType().Name, "not a risk model this SDK knows"),
        };
    }

    /// <summary>
    /// The typed model. Checks the shape (a known type with the parts it needs), not the ranges, which the signal
    /// validator checks. A <c>stop_loss</c> beside a stop-loss model is ignored (its <c>stop</c> is the stop-loss), as it
    /// always was.
    /// </summary>
    /// <exception cref="MaxxitValidationException">The type is missing or unknown, or a part it needs is missing.</exception>
    public RiskModel ToModel()
    {
        var type = Type?.Trim().ToLowerInvariant();
        return type switch
        {
            TrailingStopType => new RiskModel.TrailingStop(Required(Stop, nameof(Stop)), TakeProfit, StopLoss),
            StopLossType => new RiskModel.StopLoss(Required(Stop, nameof(Stop)), TakeProfit),
            TakeProfitType => new RiskModel.TakeProfit(Required(TakeProfit ?? Stop, nameof(TakeProfit)), StopLoss),
            null or "" => throw new MaxxitValidationException($"{nameof(RiskModelForm)}.{nameof(Type)}", $"is required ({TrailingStopType}, {StopLossType} or {TakeProfitType})"),
            _ => throw new MaxxitValidationException($"{nameof(RiskModelForm)}.{nameof(Type)}", $"must be {TrailingStopType}, {StopLossType} or {TakeProfitType}"),
        };
    }

    private static decimal Required(decimal? value, string member) =>
        value ?? throw new MaxxitValidationException($"{nameof(RiskModelForm)}.{member}", "is required");
}
