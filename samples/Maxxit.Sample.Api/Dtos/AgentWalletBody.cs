namespace Maxxit.Sample.Api.Dtos;

/// <summary>
/// One venue's agent wallet inside <c>agent_wallets</c> of the deploy body: the same parts as the per-venue fields
/// (<c>hyperliquid_agent_address</c>, …) without the venue prefix.
/// </summary>
public sealed record AgentWalletBody
{
    public string? Address { get; init; }

    public string? KeyEncrypted { get; init; }

    public string? KeyIv { get; init; }

    public string? KeyTag { get; init; }

    public string? KeyId { get; init; }
}
