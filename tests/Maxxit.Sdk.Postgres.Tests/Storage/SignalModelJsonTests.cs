using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>The store's string form of the signal models (the jsonb text it writes and reads), without a database.</summary>
public sealed class SignalModelJsonTests
{
    private static Gen<decimal> Distance => Gen.Choose(1, 9_999_999).Select(n => n / 1_000_000m);

    private static Gen<decimal?> OptionalDistance => Gen.OneOf(Gen.Constant<decimal?>(null), Distance.Select(d => (decimal?)d));

    private static Arbitrary<RiskModel> RiskModels => Gen.OneOf(
        Gen.Zip(Distance, Gen.Zip(OptionalDistance, OptionalDistance, (tp, sl) => (tp, sl)), (stop, extra) => (RiskModel)new RiskModel.TrailingStop(stop, extra.tp, extra.sl)),
        Gen.Zip(Distance, OptionalDistance, (stop, tp) => (RiskModel)new RiskModel.StopLoss(stop, tp)),
        Gen.Zip(Distance, OptionalDistance, (target, sl) => (RiskModel)new RiskModel.TakeProfit(target, sl))).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Every_risk_model_round_trips_through_the_stored_json() =>
        Prop.ForAll(RiskModels, model => Json.Read<RiskModelForm>(Json.Write(RiskModelForm.From(model)), "risk_model").ToModel() == model);

    [Fact]
    public void The_stored_json_has_the_original_keys()
    {
        Assert.Equal("""{"type":"trailing-stop","stop":0.03,"take_profit":0.2,"stop_loss":null}""", Json.Write(RiskModelForm.From(new RiskModel.TrailingStop(0.03m, 0.2m))));
        Assert.Equal("""{"type":"take-profit","stop":0.1,"take_profit":0.1,"stop_loss":0.05}""", Json.Write(RiskModelForm.From(new RiskModel.TakeProfit(0.1m, 0.05m))));
        Assert.Equal("""{"type":"percentage","value":25}""", Json.Write(SizeModelForm.From(SizeModel.PercentOf(25m))));
    }
}
