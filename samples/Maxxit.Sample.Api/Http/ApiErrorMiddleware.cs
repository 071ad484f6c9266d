using Maxxit.Sample.Api.Dtos;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sample.Api.Http;

/// <summary>
/// Maps the SDK's typed errors to status codes (validation 400, not found 404, conflict 409) with
/// <c>{success: false, error, field}</c>, the SDK's member paths named as this API's fields (<see cref="ApiFieldNames"/>). Anything else is a 500 with a generic message: details go to the log only.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    private const string InternalError = "internal error; see the server log";

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            var (status, body) = Map(ex);
            if (status >= 500)
            {
                logger.LogError(ex, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            }

            http.Response.Clear();
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(body, http.RequestAborted);
        }
    }

    private static (int Status, ErrorResponse Body) Map(Exception ex) => ex switch
    {
        ApiErrorException e => (e.StatusCode, ErrorResponse.Of(e.Message, e.Field)),
        MaxxitValidationException e => (StatusCodes.Status400BadRequest, ErrorResponse.Of($"{ApiFieldNames.Of(e.Field)}: {e.Reason}", ApiFieldNames.Of(e.Field))),
        MaxxitNotFoundException e => (StatusCodes.Status404NotFound, ErrorResponse.Of(e.Message, ApiFieldNames.Of(e.Field))),
        MaxxitConflictException e => (StatusCodes.Status409Conflict, ErrorResponse.Of(e.Message, ApiFieldNames.Of(e.Field))),
        VenueException e => (StatusCodes.Status502BadGateway, ErrorResponse.Of(e.Message)),
        BadHttpRequestException e => (e.StatusCode, ErrorResponse.Of("the request could not be read")),
        _ => (StatusCodes.Status500InternalServerError, ErrorResponse.Of(InternalError)),
    };
}
