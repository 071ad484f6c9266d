using Maxxit.Sdk.Hyperliquid.Info;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>One <c>userEvents</c> message (channel <c>user</c>).</summary>
/// <param name="Kind">What it carries.</param>
/// <param name="Fills">The fills, for <see cref="HyperliquidUserEventKind.Fills"/>; empty otherwise.</param>
/// <param name="Json">The message's <c>data</c> as sent, for the kinds without a typed shape here.</param>
public sealed record HyperliquidUserEvent(HyperliquidUserEventKind Kind, IReadOnlyList<HyperliquidFill> Fills, string Json);
