namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of routing history: <c>{success, history, summary}</c>.</summary>
public sealed record RoutingHistoryResponse(bool Success, IReadOnlyList<RoutingRecordDto> History, RoutingSummaryDto Summary);
