namespace Maxxit.Sdk.Signals;

/// <summary>What a signal generator proposes; it never names a venue.</summary>
/// <param name="TokenSymbol">Upper-case token symbol.</param>
/// <param name="Side">Direction.</param>
/// <param name="SizePercent">Percent of the account, in (0, 100].</param>
/// <param name="Risk">Protection.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
/// <param name="Reasoning">Why.</param>
/// <param name="SourceTweets">X post ids used.</param>
/// <param name="SourceResearch">Research ids used.</param>
public sealed record SignalIdea(
    string TokenSymbol,
    TradeSide Side,
    decimal SizePercent,
    RiskModel Risk,
    decimal Confidence,
    string Reasoning,
    IReadOnlyList<string> SourceTweets,
    IReadOnlyList<string> SourceResearch);
