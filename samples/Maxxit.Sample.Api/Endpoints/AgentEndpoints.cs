using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Microsoft.AspNetCore.Mvc;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary><c>POST /api/v3/agents/create</c> and <c>GET /api/v3/agents/list</c>.</summary>
public static class AgentEndpoints
{
    public static void MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v3/agents").WithTags("Agents");
        agents.MapPost("/create", CreateAsync)
            .WithName("CreateAgent")
            .WithSummary("Create a venue-agnostic agent")
            .Accepts<CreateAgentBody>("application/json")
            .Produces<AgentResponse>(StatusCodes.Status201Created)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        agents.MapGet("/list", ListAsync)
            .WithName("ListAgents")
            .WithSummary("List agents, newest first")
            .Produces<AgentListResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IMaxxitClient client, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateAgentBody>(http, cancellationToken);
        var agent = await client.CreateAgentAsync(body.ToRequest(), cancellationToken);
        return TypedResults.Json(new AgentResponse(true, AgentDto.From(agent)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(
        IMaxxitClient client,
        [FromQuery(Name = "creator_wallet")] string? creatorWallet,
        [FromQuery(Name = "status")] string? status,
        CancellationToken cancellationToken)
    {
        var query = new AgentQuery(
            string.IsNullOrEmpty(creatorWallet) ? null : creatorWallet,
            string.IsNullOrEmpty(status) ? null : QueryValues.Enum<AgentStatus>(status, "status"));
        var agents = await client.ListAgentsAsync(query, cancellationToken);
        return TypedResults.Json(new AgentListResponse(true, agents.Select(AgentDto.From).ToList(), agents.Count, "V3"));
    }
}
