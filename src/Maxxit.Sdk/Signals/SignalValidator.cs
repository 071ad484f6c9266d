using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Validation;

namespace Maxxit.Sdk.Signals;

/// <summary>
/// The one home of the rules a signal must meet, whoever proposes it: a caller of
/// <c>IMaxxitClient.GenerateSignalAsync</c> or a signal generator feeding the worker. Every check throws
/// <see cref="MaxxitValidationException"/> naming the C# member path of the offending value
/// (e.g. <c>GenerateSignalRequest.RiskModel.Stop</c>, <c>SignalIdea.Risk.TakeProfit</c>).
/// </summary>
internal static class SignalValidator
{
    /// <summary>The signal a manual request describes, checked completely; nothing is stored.</summary>
    public static Signal ToSignal(GenerateSignalRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string root = nameof(GenerateSignalRequest);
        var agentId = Check.Id(request.AgentId, $"{root}.{nameof(request.AgentId)}");
        return Build(
            agentId,
            Check.Token(request.TokenSymbol, $"{root}.{nameof(request.TokenSymbol)}"),
            Check.Side(request.Side, $"{root}.{nameof(request.Side)}"),
            Size(request.SizeModel, $"{root}.{nameof(request.SizeModel)}"),
            Risk(request.RiskModel, $"{root}.{nameof(request.RiskModel)}"),
            Check.Confidence(request.Confidence, $"{root}.{nameof(request.Confidence)}"),
            request.Reasoning,
            Check.Ids(request.SourceTweets, $"{root}.{nameof(request.SourceTweets)}"),
            Check.Ids(request.SourceResearch, $"{root}.{nameof(request.SourceResearch)}"),
            now);
    }

    /// <summary>The signal a generator's idea describes for <paramref name="agentId"/>, checked by the same rules as a manual request.</summary>
    public static Signal ToSignal(SignalIdea idea, Guid agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(idea);
        const string root = nameof(SignalIdea);
        return Build(
            agentId,
            Check.Token(idea.TokenSymbol, $"{root}.{nameof(idea.TokenSymbol)}"),
            Check.Side(idea.Side, $"{root}.{nameof(idea.Side)}"),
            new SizeModel.Percentage(Check.SizePercent(idea.SizePercent, $"{root}.{nameof(idea.SizePercent)}")),
            Risk(idea.Risk, $"{root}.{nameof(idea.Risk)}"),
            Check.Confidence(idea.Confidence, $"{root}.{nameof(idea.Confidence)}"),
            idea.Reasoning,
            Check.Ids(idea.SourceTweets, $"{root}.{nameof(idea.SourceTweets)}"),
            Check.Ids(idea.SourceResearch, $"{root}.{nameof(idea.SourceResearch)}"),
            now);
    }

    /// <summary>Checks a size model at <paramref name="path"/>.</summary>
    public static SizeModel Size(SizeModel? size, string path) => size switch
    {
        null => throw new MaxxitValidationException(path, "is required"),
        SizeModel.Percentage p => new SizeModel.Percentage(Check.SizePercent(p.Value, $"{path}.{nameof(p.Value)}")),
        _ => throw new MaxxitValidationException(path, $"{size.GetType().Name} is not a size model this SDK knows"),
    };

    /// <summary>Checks a risk model at <paramref name="path"/>: every distance it carries must be in range.</summary>
    public static RiskModel Risk(RiskModel? risk, string path)
    {
        switch (risk)
        {
            case null:
                throw new MaxxitValidationException(path, "is required");
            case RiskModel.TrailingStop t:
                Check.Fraction(t.Stop, $"{path}.{nameof(t.Stop)}");
                OptionalTakeProfit(t.TakeProfit, $"{path}.{nameof(t.TakeProfit)}");
                OptionalFraction(t.StopLoss, $"{path}.{nameof(t.StopLoss)}");
                return t;
            case RiskModel.StopLoss s:
                Check.Fraction(s.Stop, $"{path}.{nameof(s.Stop)}");
                OptionalTakeProfit(s.TakeProfit, $"{path}.{nameof(s.TakeProfit)}");
                return s;
            case RiskModel.TakeProfit p:
                Check.TakeProfit(p.Target, $"{path}.{nameof(p.Target)}");
                OptionalFraction(p.StopLoss, $"{path}.{nameof(p.StopLoss)}");
                return p;
            default:
                throw new MaxxitValidationException(path, $"{risk.GetType().Name} is not a risk model this SDK knows");
        }
    }

    private static void OptionalFraction(decimal? value, string path)
    {
        if (value is { } v)
        {
            Check.Fraction(v, path);
        }
    }

    private static void OptionalTakeProfit(decimal? value, string path)
    {
        if (value is { } v)
        {
            Check.TakeProfit(v, path);
        }
    }

    private static Signal Build(
        Guid agentId, string token, TradeSide side, SizeModel size, RiskModel risk, decimal confidence, string? reasoning, IReadOnlyList<string> tweets, IReadOnlyList<string> research, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        AgentId = agentId,
        TokenSymbol = token,
        Side = side,
        SizeModel = size,
        RiskModel = risk,
        Confidence = confidence,
        Reasoning = reasoning,
        SourceTweets = tweets,
        SourceResearch = research,
        CreatedAt = now,
    };
}
