using Microsoft.AspNetCore.Diagnostics;
using Maxxit.Sample.Api.Dtos;

namespace Maxxit.Sample.Api.Http;

/// <summary>Gives the framework's bodiless error answers (unknown route 404, wrong method 405, …) the API's error shape.</summary>
public static class StatusCodeBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var error = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"no endpoint at {http.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"method {http.Request.Method} is not allowed on {http.Request.Path} (allowed: {http.Response.Headers.Allow})",
            StatusCodes.Status415UnsupportedMediaType => "unsupported content type; send application/json",
            _ => $"request failed with status {http.Response.StatusCode}",
        };
        return http.Response.WriteAsJsonAsync(ErrorResponse.Of(error), http.RequestAborted);
    }
}
