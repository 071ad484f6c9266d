using System.Globalization;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Signals;

/// <summary>
/// The original scoring: the X score (mean post stance) and the research score (mean of BUY = +1, SELL = −1) combined
/// by the agent's weights over the sources that have items. |score| is the confidence; below the threshold (0.6) no
/// signal. Size grows linearly from 10 % at the threshold to 50 % at confidence 1. The trailing stop is 3 %, scaled
/// up with daily volatility above 3 %, capped at 10 %. It never names a venue.
/// </summary>
public sealed class WeightedSignalGenerator : ISignalGenerator
{
    private const decimal BaseStop = 0.03m;
    private const decimal MaxStop = 0.10m;
    private const decimal MinSize = 10m;
    private const decimal MaxSize = 50m;
    private readonly decimal _threshold;

    /// <summary>Creates the generator with the threshold from options.</summary>
    public WeightedSignalGenerator(IOptions<MaxxitOptions> options) => _threshold = options.Value.SignalConfidenceThreshold;

    /// <inheritdoc />
    public ValueTask<SignalIdea?> GenerateAsync(SignalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var weights = input.Agent.Weights;
        decimal weighted = 0m, totalWeight = 0m;
        decimal? xScore = null, researchScore = null;
        if (input.Posts.Count > 0 && weights.X > 0m)
        {
            xScore = input.Posts.Average(p => PostSentiment.Score(p.Text));
            weighted += weights.X * xScore.Value;
            totalWeight += weights.X;
        }

        if (input.Research.Count > 0 && weights.Research > 0m)
        {
            researchScore = input.Research.Average(r => r.Side == TradeSide.Long ? 1m : -1m);
            weighted += weights.Research * researchScore.Value;
            totalWeight += weights.Research;
        }

        if (totalWeight == 0m)
        {
            return ValueTask.FromResult<SignalIdea?>(null);
        }

        var score = weighted / totalWeight;
        var confidence = Math.Round(Math.Abs(score), 4);
        if (confidence < _threshold || score == 0m)
        {
            return ValueTask.FromResult<SignalIdea?>(null);
        }

        var side = score > 0m ? TradeSide.Long : TradeSide.Short;
        var span = 1m - _threshold;
        var size = span == 0m ? MaxSize : Math.Round(MinSize + ((confidence - _threshold) / span * (MaxSize - MinSize)), 2);
        var stop = TrailingStopFor(input.Market?.Volatility);
        var reasoning = string.Create(
            CultureInfo.InvariantCulture,
            $"X: {input.Posts.Count} posts, score {Fmt(xScore)} (w={weights.X}); research: {input.Research.Count} calls, score {Fmt(researchScore)} (w={weights.Research}); combined {score:+0.00;-0.00} -> {side.ToString().ToUpperInvariant()} {input.TokenSymbol}, confidence {confidence:0.00}, size {size:0.##} %, trailing stop {stop * 100m:0.##} %");
        return ValueTask.FromResult<SignalIdea?>(new SignalIdea(
            input.TokenSymbol,
            side,
            size,
            RiskModel.Trailing(stop),
            confidence,
            reasoning,
            input.Posts.Select(p => p.Id).ToArray(),
            input.Research.Select(r => r.Id).ToArray()));
    }

    /// <summary>The trailing stop for a daily volatility: 3 % up to 3 % volatility, proportional above, at most 10 %.</summary>
    public static decimal TrailingStopFor(decimal? volatility) =>
        volatility is { } v && v > BaseStop ? Math.Min(MaxStop, Math.Round(v, 4)) : BaseStop;

    private static string Fmt(decimal? score) => score is { } s ? s.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";
}
