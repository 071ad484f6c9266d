namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>The raw parts of an event log as a node returns them.</summary>
/// <param name="Topics">The topics; for a non-anonymous event <c>Topics[0]</c> is the event's signature hash.</param>
/// <param name="Data">The ABI-encoded non-indexed parameters.</param>
public sealed record AbiLog(IReadOnlyList<byte[]> Topics, byte[] Data);
