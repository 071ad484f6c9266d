namespace Maxxit.Sample.Api.Dtos;

/// <summary>Every error answer: <c>{success: false, error, field}</c>; field names the offending request field when there is one.</summary>
public sealed record ErrorResponse(bool Success, string Error, string? Field)
{
    public static ErrorResponse Of(string error, string? field = null) => new(false, error, field);
}
