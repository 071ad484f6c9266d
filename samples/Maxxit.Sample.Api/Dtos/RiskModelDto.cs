using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary><c>{type: "trailing-stop" | "stop-loss" | "take-profit", stop, take_profit?, stop_loss?}</c>; fractions of the entry price.</summary>
public sealed record RiskModelDto(string? Type, decimal? Stop, decimal? TakeProfit = null, decimal? StopLoss = null)
{
    public static RiskModelDto From(RiskModel model)
    {
        var form = RiskModelForm.From(model);
        return new(form.Type, form.Stop, form.TakeProfit, form.StopLoss);
    }

    /// <summary>The typed model; a missing or unknown type or part is a validation error naming its <see cref="RiskModelForm"/> member.</summary>
    public RiskModel ToModel() => new RiskModelForm(Type, Stop, TakeProfit, StopLoss).ToModel();
}
