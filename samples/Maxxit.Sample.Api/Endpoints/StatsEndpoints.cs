using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Stats;
using Microsoft.AspNetCore.Mvc;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary><c>GET /api/v3/stats/overview</c> and <c>GET /api/v3/stats/routing-history</c>.</summary>
public static class StatsEndpoints
{
    public static void MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/v3/stats").WithTags("Stats");
        stats.MapGet("/overview", OverviewAsync)
            .WithName("Overview")
            .WithSummary("System counts and routing totals")
            .Produces<OverviewResponse>();
        stats.MapGet("/routing-history", RoutingHistoryAsync)
            .WithName("RoutingHistory")
            .WithSummary("Routing decisions, newest first, with a per-venue summary")
            .Produces<RoutingHistoryResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> OverviewAsync(IMaxxitClient client, CancellationToken cancellationToken)
    {
        var overview = await client.GetOverviewAsync(cancellationToken);
        return TypedResults.Json(new OverviewResponse(true, "V3", OverviewStatsDto.From(overview)));
    }

    private static async Task<IResult> RoutingHistoryAsync(
        IMaxxitClient client,
        [FromQuery(Name = "token_symbol")] string? tokenSymbol,
        [FromQuery(Name = "selected_venue")] string? selectedVenue,
        [FromQuery(Name = "limit")] string? limit,
        CancellationToken cancellationToken)
    {
        var query = new RoutingHistoryQuery(
            string.IsNullOrEmpty(tokenSymbol) ? null : tokenSymbol,
            string.IsNullOrEmpty(selectedVenue) ? null : Venue.Parse(selectedVenue, "selected_venue"),
            string.IsNullOrEmpty(limit) ? 50 : QueryValues.Int(limit, "limit"));
        var page = await client.GetRoutingHistoryAsync(query, cancellationToken);
        return TypedResults.Json(new RoutingHistoryResponse(true, page.History.Select(RoutingRecordDto.From).ToList(), RoutingSummaryDto.From(page.Summary)));
    }
}
