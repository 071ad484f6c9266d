using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// A transaction that was signed (and journaled) can never be mined: the sender's nonce moved past it with another
/// transaction. Nothing of it reached the contracts, so the order was not placed.
/// </summary>
public sealed class TransactionNeverMinedException : VenueException
{
    /// <summary>Creates the error.</summary>
    public TransactionNeverMinedException(string transactionHash, EthereumAddress sender, ulong nonce)
        : base(Venue.Ostium, $"transaction {transactionHash} was never mined: nonce {nonce} of {sender} was used by another transaction", "nothing was placed; the order can be sent again")
    {
        TransactionHash = transactionHash;
    }

    /// <summary>The transaction's hash.</summary>
    public string TransactionHash { get; }
}
