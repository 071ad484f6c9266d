using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>An event log, from a receipt or from <c>eth_getLogs</c>.</summary>
/// <param name="Address">The contract that emitted it.</param>
/// <param name="Topics">Topic 0 (the event's signature hash) and the indexed parameters, 32 bytes each.</param>
/// <param name="Data">The non-indexed parameters, ABI-encoded.</param>
/// <param name="BlockNumber">The block that holds it, when the node said.</param>
/// <param name="TransactionHash">The transaction that emitted it, when the node said.</param>
public sealed record LogEntry(EthereumAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data, ulong? BlockNumber = null, string? TransactionHash = null);
