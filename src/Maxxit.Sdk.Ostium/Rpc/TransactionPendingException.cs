using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// A transaction was sent (or recorded as sent) but no receipt appeared in time, or the node answered the send in a
/// way that leaves it possibly in flight (<c>nonce too low</c>, <c>replacement underpriced</c>). Not a
/// <see cref="VenueException"/>: the transaction may still be mined, so the order must be resumed from its journaled
/// submission, never re-sent as a new transaction.
/// </summary>
public sealed class TransactionPendingException : MaxxitException
{
    /// <summary>Creates the error.</summary>
    public TransactionPendingException(string transactionHash, TimeSpan waited, string? nodeMessage = null)
        : base(nodeMessage is null
            ? $"OSTIUM: no receipt for transaction {transactionHash} after {waited.TotalSeconds:0.#} s"
            : $"OSTIUM: transaction {transactionHash} may still be mined (node said: {nodeMessage})") => TransactionHash = transactionHash;

    /// <summary>The transaction's hash.</summary>
    public string TransactionHash { get; }
}
