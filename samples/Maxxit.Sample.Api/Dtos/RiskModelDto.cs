using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary><c>{type: "trailing-stop" | "stop-loss" | "take-profit", stop, take_profit?, stop_loss?}</c>; fractions of the entry price.</summary>
public sealed record RiskModelDto(string? Type, decimal? Stop, decimal? TakeProfit = null, decimal? StopLoss = null)
{
    public static RiskModelDto From(RiskModel model) => new(model.Type, model.Stop, model.TakeProfit, model.StopLoss);
}
