using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Maxxit.Sample.Api.Http;

/// <summary>
/// Reads request bodies by hand rather than through minimal-API binding, so that malformed JSON and wrong types
/// answer 400 with the offending field instead of an empty 400 (or a 500 from a null list deeper down).
/// </summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class =>
        await ReadOrNullAsync<T>(http, cancellationToken)
        ?? throw new ApiErrorException(StatusCodes.Status400BadRequest, "request body must be a JSON object", null);

    /// <summary>Like <see cref="ReadAsync{T}"/> but a literal <c>null</c> body is allowed and returned as null.</summary>
    public static async Task<T?> ReadOrNullAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        // Without a length or chunked encoding an HTTP/1.1 request has no body at all.
        var request = http.Request;
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding") && request.Protocol == "HTTP/1.1"))
        {
            throw new ApiErrorException(StatusCodes.Status400BadRequest, "request body is required (a JSON object)", null);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var where = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            throw new ApiErrorException(
                StatusCodes.Status400BadRequest,
                field is null ? $"request body is not valid JSON for this endpoint ({where})" : $"{field}: malformed JSON or a value of the wrong type ({where})",
                field);
        }
    }

    /// <summary>Turns a JSON path like <c>$.weights.x</c> into the field name <c>weights.x</c>; null for the root.</summary>
    public static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
