namespace Maxxit.Sdk.Security;

/// <summary>
/// Derives the address a private key controls (for EVM venues <c>Maxxit.Sdk.Ethereum.Signing.EthereumKey.AddressOf</c>),
/// so that the core checks an agent key against its recorded address without carrying a curve implementation.
/// </summary>
/// <param name="privateKey">The decrypted key bytes; the delegate must not keep them.</param>
/// <returns>The address, or null when the bytes are not a valid key for the venue's curve.</returns>
public delegate string? AgentAddressOf(ReadOnlySpan<byte> privateKey);
