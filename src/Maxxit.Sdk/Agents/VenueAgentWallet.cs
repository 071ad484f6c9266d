using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Agents;

/// <summary>An agent (API) wallet that signs orders on one venue for a user.</summary>
/// <param name="Address">The agent wallet's address (0x + 40 hex digits).</param>
/// <param name="EncryptedKey">Its private key encrypted with AES-256-GCM; null for paper venues.</param>
public sealed record VenueAgentWallet(string Address, EncryptedSecret? EncryptedKey);
