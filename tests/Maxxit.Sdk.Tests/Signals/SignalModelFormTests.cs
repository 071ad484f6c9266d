using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Tests.Signals;

/// <summary>The flat forms the wire and the store hold: every typed model survives the trip, and a bad form names its member.</summary>
public sealed class SignalModelFormTests
{
    /// <summary>Distances as the API carries them: up to 6 decimals, including values the validator would refuse.</summary>
    private static Gen<decimal> Distance => Gen.Choose(-1_000, 12_000_000).Select(n => n / 1_000_000m);

    private static Gen<decimal?> OptionalDistance => Gen.OneOf(Gen.Constant<decimal?>(null), Distance.Select(d => (decimal?)d));

    private static Arbitrary<RiskModel> RiskModels => Gen.OneOf(
        Gen.Zip(Distance, Gen.Zip(OptionalDistance, OptionalDistance, (tp, sl) => (tp, sl)), (stop, extra) => (RiskModel)new RiskModel.TrailingStop(stop, extra.tp, extra.sl)),
        Gen.Zip(Distance, OptionalDistance, (stop, tp) => (RiskModel)new RiskModel.StopLoss(stop, tp)),
        Gen.Zip(Distance, OptionalDistance, (target, sl) => (RiskModel)new RiskModel.TakeProfit(target, sl))).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Every_risk_model_round_trips_through_its_flat_form() =>
        Prop.ForAll(RiskModels, model => RiskModelForm.From(model).ToModel() == model);

    [Property(MaxTest = 200)]
    public Property Size_models_round_trip_through_their_flat_form() =>
        Prop.ForAll(Distance.Select(d => d * 10m).ToArbitrary(), value => SizeModelForm.From(SizeModel.PercentOf(value)).ToModel() == SizeModel.PercentOf(value));

    [Property(MaxTest = 300)]
    public Property The_flat_form_keeps_the_protection_levels_of_the_model() =>
        Prop.ForAll(RiskModels, model =>
        {
            // What the position monitor enforces must not change across the trip, whatever the model.
            var before = ProtectionLevels.From(model, TradeSide.Long, 100m);
            var after = ProtectionLevels.From(RiskModelForm.From(model).ToModel(), TradeSide.Long, 100m);
            return before == after;
        });

    [Fact]
    public void Flat_forms_use_the_original_type_names()
    {
        Assert.Equal(new RiskModelForm("trailing-stop", 0.03m, 0.2m, 0.05m), RiskModelForm.From(new RiskModel.TrailingStop(0.03m, 0.2m, 0.05m)));
        Assert.Equal(new RiskModelForm("stop-loss", 0.05m, 0.1m), RiskModelForm.From(new RiskModel.StopLoss(0.05m, 0.1m)));
        Assert.Equal(new RiskModelForm("take-profit", 0.1m, 0.1m, 0.04m), RiskModelForm.From(new RiskModel.TakeProfit(0.1m, 0.04m)));
        Assert.Equal(new SizeModelForm("percentage", 25m), SizeModelForm.From(SizeModel.PercentOf(25m)));
    }

    [Fact]
    public void Types_are_read_in_any_case_and_a_take_profit_without_take_profit_uses_its_stop()
    {
        Assert.Equal(RiskModel.Trailing(0.03m), new RiskModelForm("Trailing-Stop", 0.03m).ToModel());
        Assert.Equal(new RiskModel.StopLoss(0.05m), new RiskModelForm("STOP-LOSS", 0.05m, StopLoss: 0.2m).ToModel());
        Assert.Equal(new RiskModel.TakeProfit(0.1m), new RiskModelForm("take-profit", 0.1m).ToModel());
        Assert.Equal(new RiskModel.TakeProfit(0.3m), new RiskModelForm("take-profit", null, TakeProfit: 0.3m).ToModel());
        Assert.Equal(SizeModel.PercentOf(5m), new SizeModelForm("Percentage", 5m).ToModel());
    }

    [Theory]
    [InlineData(null, "0.03", null, "RiskModelForm.Type")]
    [InlineData("moon", "0.03", null, "RiskModelForm.Type")]
    [InlineData("trailing-stop", null, "0.2", "RiskModelForm.Stop")]
    [InlineData("stop-loss", null, null, "RiskModelForm.Stop")]
    [InlineData("take-profit", null, null, "RiskModelForm.TakeProfit")]
    public void A_bad_risk_form_names_its_member(string? type, string? stop, string? takeProfit, string field)
    {
        var form = new RiskModelForm(type, stop is null ? null : decimal.Parse(stop, System.Globalization.CultureInfo.InvariantCulture), takeProfit is null ? null : decimal.Parse(takeProfit, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(field, Assert.Throws<MaxxitValidationException>(form.ToModel).Field);
    }

    [Fact]
    public void A_bad_size_form_names_its_member()
    {
        Assert.Equal("SizeModelForm.Type", Assert.Throws<MaxxitValidationException>(() => new SizeModelForm("fixed", 5m).ToModel()).Field);
        Assert.Equal("SizeModelForm.Type", Assert.Throws<MaxxitValidationException>(() => new SizeModelForm(null, 5m).ToModel()).Field);
        Assert.Equal("SizeModelForm.Value", Assert.Throws<MaxxitValidationException>(() => new SizeModelForm("percentage", null).ToModel()).Field);
    }

    [Fact]
    public void Protection_levels_follow_each_model()
    {
        Assert.Equal((97m, 120m, new TrailingParams(0.03m, 100m)), ProtectionLevels.From(new RiskModel.TrailingStop(0.03m, 0.2m, 0.03m), TradeSide.Long, 100m));
        Assert.Equal((105m, (decimal?)90m, (TrailingParams?)null), ProtectionLevels.From(new RiskModel.StopLoss(0.05m, 0.1m), TradeSide.Short, 100m));
        Assert.Equal(((decimal?)null, (decimal?)110m, (TrailingParams?)null), ProtectionLevels.From(new RiskModel.TakeProfit(0.1m), TradeSide.Long, 100m));
    }
}
