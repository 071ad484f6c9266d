namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of generate signal: <c>{success, signal, message}</c>.</summary>
public sealed record SignalResponse(bool Success, SignalDto Signal, string Message);
