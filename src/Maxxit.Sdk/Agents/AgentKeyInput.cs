using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Agents;

/// <summary>An agent wallet given at deploy time. Give <see cref="PrivateKey"/> or <see cref="EncryptedKey"/>, or neither for paper venues.</summary>
public sealed record AgentKeyInput
{
    /// <summary>The agent wallet's address. Required.</summary>
    public string? Address { get; init; }

    /// <summary>The private key in hex; encrypted immediately and never stored or logged in plain text.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>An already-encrypted key (ciphertext, iv, tag) that must decrypt under the host's master key.</summary>
    public EncryptedSecret? EncryptedKey { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"AgentKeyInput {{ Address = {Address}, PrivateKey = {(PrivateKey is null ? "null" : "***")}, EncryptedKey = {(EncryptedKey is null ? "null" : "***")} }}";
}
