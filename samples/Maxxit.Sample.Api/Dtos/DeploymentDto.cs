using Maxxit.Sdk;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>A deployment as answered: addresses only; the encrypted keys are never part of any response.</summary>
public sealed record DeploymentDto(
    Guid Id,
    Guid AgentId,
    string UserWallet,
    DeploymentStatus Status,
    bool SubActive,
    string? HyperliquidAgentAddress,
    string? OstiumAgentAddress,
    PolicyDto? Policy,
    DateTimeOffset CreatedAt)
{
    public static DeploymentDto From(AgentDeployment deployment) => new(
        deployment.Id,
        deployment.AgentId,
        deployment.UserWallet,
        deployment.Status,
        deployment.SubActive,
        deployment.AgentWallets.GetValueOrDefault(Venue.Hyperliquid)?.Address,
        deployment.AgentWallets.GetValueOrDefault(Venue.Ostium)?.Address,
        PolicyDto.From(deployment.Policy),
        deployment.CreatedAt);
}
