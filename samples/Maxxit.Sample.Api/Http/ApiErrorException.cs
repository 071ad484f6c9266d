namespace Maxxit.Sample.Api.Http;

/// <summary>A request error found by the HTTP layer itself (not the SDK): unreadable body, bad query or route value.</summary>
public sealed class ApiErrorException(int statusCode, string error, string? field) : Exception(error)
{
    public int StatusCode { get; } = statusCode;

    public string? Field { get; } = field;
}
