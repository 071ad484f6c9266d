using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// A transaction was sent (or recorded as sent) but no receipt appeared in time. Not a <see cref="VenueException"/>:
/// the transaction may still be mined, so the order must be resumed from its hash, never re-sent.
/// </summary>
public sealed class TransactionPendingException : MaxxitException
{
    /// <summary>Creates the error.</summary>
    public TransactionPendingException(string transactionHash, TimeSpan waited)
        : base($"OSTIUM: no receipt for transaction {transactionHash} after {waited.TotalSeconds:0.#} s") => TransactionHash = transactionHash;

    /// <summary>The transaction's hash.</summary>
    public string TransactionHash { get; }
}
