using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>A transaction was mined with status 0 (reverted): final, nothing happened on chain except the gas spent.</summary>
public sealed class TransactionRevertedException : VenueException
{
    /// <summary>Creates the error.</summary>
    public TransactionRevertedException(string transactionHash, string what)
        : base(Venue.Ostium, $"{what} transaction {transactionHash} reverted on chain", "check the trader's USDC balance, allowance, delegation and the pair's limits")
        => TransactionHash = transactionHash;

    /// <summary>The reverted transaction's hash.</summary>
    public string TransactionHash { get; }
}
