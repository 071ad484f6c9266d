using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary>
/// <c>POST /api/v3/execute/trade</c>. A signal that was executed, skipped (no venue lists the token, refused by every
/// policy) or failed at the venue is a processed request: 200 with <c>success</c> telling the outcome and
/// <c>message</c> the reason. Only a signal still in flight (venue answer unknown, or claimed elsewhere) answers 202.
/// </summary>
public static class ExecutionEndpoints
{
    public static void MapExecutionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v3/execute/trade", ExecuteAsync)
            .WithTags("Execution")
            .WithName("ExecuteTrade")
            .WithSummary("Execute a signal for every active deployment; the router picks the venue")
            .Accepts<ExecuteTradeBody>("application/json")
            .Produces<ExecuteTradeResponse>()
            .Produces<ExecuteTradeResponse>(StatusCodes.Status202Accepted)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);

    private static async Task<IResult> ExecuteAsync(HttpContext http, IMaxxitClient client, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ExecuteTradeBody>(http, cancellationToken);
        var signalId = body.SignalId ?? throw new MaxxitValidationException("signal_id", "is required");
        var result = await client.ExecuteTradeAsync(signalId, cancellationToken);
        var positions = result.Positions.Select(PositionDto.From).ToList();
        var response = new ExecuteTradeResponse(
            result.Status == SignalStatus.Executed,
            MessageOf(result),
            positions.FirstOrDefault(),
            result.SignalId,
            result.Status,
            result.FinalVenue,
            result.AlreadyProcessed,
            positions);
        var status = result.Status == SignalStatus.Executing ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
        return TypedResults.Json(response, statusCode: status);
    }

    private static string MessageOf(ExecutionResult result)
    {
        var venue = result.FinalVenue?.Name ?? "no venue";
        return result.Status switch
        {
            SignalStatus.Executed when result.AlreadyProcessed => $"Signal was already executed on {venue}",
            SignalStatus.Executed => result.Reason is null ? $"Trade executed on {venue}" : $"Trade executed on {venue} ({result.Reason})",
            SignalStatus.Executing => $"Execution in progress: {result.Reason}",
            _ => result.Reason ?? $"Signal {result.Status.ToString().ToUpperInvariant()}",
        };
    }
}
