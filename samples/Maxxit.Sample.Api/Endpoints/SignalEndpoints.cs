using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk.Client;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary><c>POST /api/v3/signals/generate</c>.</summary>
public static class SignalEndpoints
{
    public static void MapSignalEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v3/signals/generate", GenerateAsync)
            .WithTags("Signals")
            .WithName("GenerateSignal")
            .WithSummary("Store a manual, venue-agnostic signal (requested_venue MULTI, status PENDING)")
            .Accepts<GenerateSignalBody>("application/json")
            .Produces<SignalResponse>(StatusCodes.Status201Created)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);

    private static async Task<IResult> GenerateAsync(HttpContext http, IMaxxitClient client, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<GenerateSignalBody>(http, cancellationToken);
        var signal = await client.GenerateSignalAsync(body.ToRequest(), cancellationToken);
        var message = $"Signal generated: {signal.TokenSymbol} {signal.Side.ToString().ToUpperInvariant()}; the venue is chosen when it is executed";
        return TypedResults.Json(new SignalResponse(true, SignalDto.From(signal), message), statusCode: StatusCodes.Status201Created);
    }
}
