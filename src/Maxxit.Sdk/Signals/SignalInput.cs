using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Signals;

/// <summary>Everything a generator sees about one token for one agent.</summary>
/// <param name="Agent">The agent (its weights matter).</param>
/// <param name="TokenSymbol">The token being scored.</param>
/// <param name="Posts">X posts mentioning the token.</param>
/// <param name="Research">Research calls on the token.</param>
/// <param name="Market">Market context, if known.</param>
public sealed record SignalInput(Agent Agent, string TokenSymbol, IReadOnlyList<XPost> Posts, IReadOnlyList<ResearchSignal> Research, MarketContext? Market);
