using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>An event log in a receipt.</summary>
/// <param name="Address">The contract that emitted it.</param>
/// <param name="Topics">Topic 0 (the event's signature hash) and the indexed parameters, 32 bytes each.</param>
/// <param name="Data">The non-indexed parameters, ABI-encoded.</param>
public sealed record LogEntry(EthereumAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data);
