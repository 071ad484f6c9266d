using Maxxit.Sdk;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>
/// Answer of execute trade: <c>{success, message, position}</c> as in the original (position = the first one opened,
/// on the venue the router chose), plus the signal's status, final venue and every position opened.
/// </summary>
public sealed record ExecuteTradeResponse(
    bool Success,
    string Message,
    PositionDto? Position,
    Guid SignalId,
    SignalStatus Status,
    Venue? FinalVenue,
    bool AlreadyProcessed,
    IReadOnlyList<PositionDto> Positions);
