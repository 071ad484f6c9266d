namespace Maxxit.Sample.Api.Dtos;

/// <summary>
/// Body of <c>POST /api/v3/agents/deploy</c>. Per venue: the agent wallet's address and, for live venues, its private key
/// as an AES-256-GCM triple plus key id, made under the host's master key for this user wallet, venue and agent address
/// (<c>encrypt-key</c> makes one). Paper venues need only the address. Any venue the host knows, including one whose
/// adapter the SDK does not ship, goes in <c>agent_wallets</c> (<c>{"DYDX": {"address": …, "key_encrypted": …}}</c>);
/// the per-venue fields of Hyperliquid and Ostium keep working beside it.
/// </summary>
public sealed record DeployAgentBody
{
    public Guid? AgentId { get; init; }

    public string? UserWallet { get; init; }

    public string? HyperliquidAgentAddress { get; init; }

    public string? HyperliquidAgentKeyEncrypted { get; init; }

    public string? HyperliquidAgentKeyIv { get; init; }

    public string? HyperliquidAgentKeyTag { get; init; }

    public string? HyperliquidAgentKeyId { get; init; }

    public string? OstiumAgentAddress { get; init; }

    public string? OstiumAgentKeyEncrypted { get; init; }

    public string? OstiumAgentKeyIv { get; init; }

    public string? OstiumAgentKeyTag { get; init; }

    public string? OstiumAgentKeyId { get; init; }

    public Dictionary<string, AgentWalletBody?>? AgentWallets { get; init; }

    public PolicyDto? Policy { get; init; }
}
