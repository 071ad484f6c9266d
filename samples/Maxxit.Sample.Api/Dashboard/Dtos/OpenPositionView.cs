using Maxxit.Sdk;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>An open position as the dashboard shows it.</summary>
/// <param name="Id">Position id.</param>
/// <param name="Venue">Venue.</param>
/// <param name="TokenSymbol">Token.</param>
/// <param name="Side">LONG or SHORT.</param>
/// <param name="Status">OPEN or CLOSING.</param>
/// <param name="Qty">Size in base units.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="CurrentPrice">Latest price seen (monitor, venue or market list), or null when none is known.</param>
/// <param name="UnrealizedPnl">PnL at the current price net of the opening fees, USD, or null without a price.</param>
/// <param name="UnrealizedPercent">That PnL as a percent of the entry notional, or null.</param>
/// <param name="StopLevel">The price at which the position is closed on the way down (the tighter of stop-loss and trailing stop), or null.</param>
/// <param name="StopKind"><c>trailing-stop</c> or <c>stop-loss</c>: which rule sets <paramref name="StopLevel"/>.</param>
/// <param name="OpenedAt">When it was opened.</param>
public sealed record OpenPositionView(
    Guid Id,
    Venue Venue,
    string TokenSymbol,
    TradeSide Side,
    PositionStatus Status,
    decimal Qty,
    decimal EntryPrice,
    decimal? CurrentPrice,
    decimal? UnrealizedPnl,
    decimal? UnrealizedPercent,
    decimal? StopLevel,
    string? StopKind,
    DateTimeOffset OpenedAt);
