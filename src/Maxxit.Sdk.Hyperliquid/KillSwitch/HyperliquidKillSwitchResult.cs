namespace Maxxit.Sdk.Hyperliquid.KillSwitch;

/// <summary>What a kill switch over many deployments did.</summary>
/// <param name="Cancelled">Orders cancelled in all.</param>
/// <param name="FailedAccounts">Accounts whose orders could not be cancelled (logged with the reason); retry them.</param>
public sealed record HyperliquidKillSwitchResult(int Cancelled, IReadOnlyList<string> FailedAccounts);
