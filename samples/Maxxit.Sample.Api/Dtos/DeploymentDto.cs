using Maxxit.Sdk;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>
/// A deployment as answered: addresses only; the encrypted keys are never part of any response. <c>agent_wallets</c>
/// holds every venue's address (<c>{"HYPERLIQUID": {"address": "0x…"}}</c>), beside the original per-venue fields.
/// </summary>
public sealed record DeploymentDto(
    Guid Id,
    Guid AgentId,
    string UserWallet,
    DeploymentStatus Status,
    bool SubActive,
    string? HyperliquidAgentAddress,
    string? OstiumAgentAddress,
    IReadOnlyDictionary<string, AgentWalletDto> AgentWallets,
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
        deployment.AgentWallets.OrderBy(w => w.Key).ToDictionary(w => w.Key.Name, w => new AgentWalletDto(w.Value.Address)),
        PolicyDto.From(deployment.Policy),
        deployment.CreatedAt);
}
