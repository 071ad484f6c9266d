using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sample.Api.Security;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary><c>POST /api/v3/positions/{id}/close</c>: closes an OPEN position now (reason MANUAL).</summary>
public static class PositionEndpoints
{
    public static void MapPositionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v3/positions/{id}/close", CloseAsync)
            .WithTags("Positions")
            .WithName("ClosePosition")
            .WithSummary("Close an open position on its venue now; in wallet-signature mode the position's user wallet must sign")
            .Produces<PositionResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ErrorResponse>(StatusCodes.Status409Conflict);

    private static async Task<IResult> CloseAsync(
        string id, HttpContext http, IMaxxitClient client, IPositionStore positions, IDeploymentStore deployments, WalletSignatureVerifier signatures, CancellationToken cancellationToken)
    {
        var positionId = QueryValues.Id(id, "position_id");
        if (signatures.Enabled)
        {
            var position = await positions.GetPositionAsync(positionId, cancellationToken)
                ?? throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
            var owner = await deployments.GetDeploymentAsync(position.DeploymentId, cancellationToken)
                ?? throw new MaxxitNotFoundException("deployment", position.DeploymentId.ToString(), "deployment_id");
            await signatures.RequireAsync(http, owner.UserWallet, cancellationToken);
        }

        var closed = await client.ClosePositionAsync(positionId, cancellationToken);
        return TypedResults.Json(new PositionResponse(true, PositionDto.From(closed)));
    }
}
