namespace Maxxit.Sample.Api.Dtos;

/// <summary>Body of <c>POST /api/v3/execute/trade</c>.</summary>
public sealed record ExecuteTradeBody(Guid? SignalId);
