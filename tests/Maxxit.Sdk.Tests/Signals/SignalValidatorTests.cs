using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Tests.Signals;

/// <summary>One validator for manual signals and generated ideas: the same values pass or fail the same way in both.</summary>
public sealed class SignalValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    // Values around every bound the validator has (0, 1, 10, 100), on both sides.
    private static Gen<decimal> Number => Gen.Elements(-0.5m, 0m, 0.000001m, 0.03m, 0.5m, 0.999999m, 1m, 1.5m, 9.99m, 10m, 10.01m, 50m, 100m, 100.01m);

    private static Gen<decimal?> OptionalNumber => Gen.OneOf(Gen.Constant<decimal?>(null), Number.Select(n => (decimal?)n));

    private static Gen<RiskModel> Risks => Gen.OneOf(
        Gen.Zip(Number, Gen.Zip(OptionalNumber, OptionalNumber, (tp, sl) => (tp, sl)), (stop, extra) => (RiskModel)new RiskModel.TrailingStop(stop, extra.tp, extra.sl)),
        Gen.Zip(Number, OptionalNumber, (stop, tp) => (RiskModel)new RiskModel.StopLoss(stop, tp)),
        Gen.Zip(Number, OptionalNumber, (target, sl) => (RiskModel)new RiskModel.TakeProfit(target, sl)));

    private static Arbitrary<(decimal Size, RiskModel Risk, decimal Confidence, TradeSide Side)> Signals =>
        Gen.Zip(Gen.Zip(Number, Risks, (size, risk) => (size, risk)), Gen.Zip(Number, Gen.Elements(TradeSide.Long, TradeSide.Short, (TradeSide)2), (c, side) => (c, side)),
            (a, b) => (a.size, a.risk, b.c, b.side)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property A_request_and_an_idea_with_the_same_values_pass_or_fail_alike() =>
        Prop.ForAll(Signals, s =>
        {
            var request = new GenerateSignalRequest
            {
                AgentId = Guid.NewGuid(), TokenSymbol = "ETH", Side = s.Side, SizeModel = SizeModel.PercentOf(s.Size), RiskModel = s.Risk, Confidence = s.Confidence,
            };
            var idea = new SignalIdea("ETH", s.Side, s.Size, s.Risk, s.Confidence, "why", [], []);
            var fromRequest = Outcome(() => SignalValidator.ToSignal(request, Now));
            var fromIdea = Outcome(() => SignalValidator.ToSignal(idea, Guid.NewGuid(), Now));

            // Same verdict, same reason, and the same member under each root (SizeModel.Value is the idea's SizePercent).
            var member = fromRequest.Field?.Replace("GenerateSignalRequest.SizeModel.Value", "SignalIdea.SizePercent", StringComparison.Ordinal)
                .Replace("GenerateSignalRequest.RiskModel", "SignalIdea.Risk", StringComparison.Ordinal)
                .Replace("GenerateSignalRequest.", "SignalIdea.", StringComparison.Ordinal);
            return (fromRequest.Reason == fromIdea.Reason && member == fromIdea.Field && (fromRequest.Field is null) == Expected(s)).ToProperty();
        });

    /// <summary>The rules, restated independently of the validator: size (0, 100], confidence [0, 1], stops (0, 1), take-profits (0, 10].</summary>
    private static bool Expected((decimal Size, RiskModel Risk, decimal Confidence, TradeSide Side) s)
    {
        static bool Fraction(decimal? v) => v is null or (> 0m and < 1m);
        static bool Target(decimal? v) => v is null or (> 0m and <= 10m);
        var risk = s.Risk switch
        {
            RiskModel.TrailingStop t => Fraction(t.Stop) && Target(t.TakeProfit) && Fraction(t.StopLoss),
            RiskModel.StopLoss l => Fraction(l.Stop) && Target(l.TakeProfit),
            RiskModel.TakeProfit p => Target(p.Target) && Fraction(p.StopLoss),
            _ => false,
        };
        return risk && s.Size is > 0m and <= 100m && s.Confidence is >= 0m and <= 1m && Enum.IsDefined(s.Side);
    }

    private static (string? Field, string? Reason) Outcome(Func<Signal> validate)
    {
        try
        {
            validate();
            return (null, null);
        }
        catch (MaxxitValidationException ex)
        {
            return (ex.Field, ex.Reason);
        }
    }
}
