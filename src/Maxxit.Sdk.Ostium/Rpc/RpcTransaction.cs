using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>A transaction as the node reports it (<c>eth_getTransactionByHash</c>).</summary>
/// <param name="Hash">The hash.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient; null for contract creation.</param>
/// <param name="Nonce">The sender's nonce.</param>
/// <param name="Input">The call data.</param>
/// <param name="BlockNumber">The block, or null while pending.</param>
public sealed record RpcTransaction(string Hash, EthereumAddress From, EthereumAddress? To, ulong Nonce, byte[] Input, ulong? BlockNumber);
