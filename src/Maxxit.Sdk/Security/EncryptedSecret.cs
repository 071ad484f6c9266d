using System.Text.Json.Serialization;

namespace Maxxit.Sdk.Security;

/// <summary>
/// A secret encrypted with AES-256-GCM: ciphertext, 12-byte IV and 16-byte tag, each base64, plus the id of the master
/// key it was made under. Printing it never shows the bytes.
/// </summary>
/// <param name="Ciphertext">The encrypted bytes, base64.</param>
/// <param name="Iv">The 12-byte nonce, base64.</param>
/// <param name="Tag">The 16-byte authentication tag, base64.</param>
public sealed record EncryptedSecret(string Ciphertext, string Iv, string Tag)
{
    /// <summary>
    /// The id of the master key that encrypted it (see <see cref="AesGcmAgentKeyProtector.KeyIdOf"/>). Null marks a
    /// legacy secret, made before key ids and owner binding: it decrypts without associated data under any configured
    /// master key, is refused at deploy, and rotation rewrites it bound to its owner.
    /// </summary>
    public string? KeyId { get; init; }

    /// <summary>
    /// The owner this secret must decrypt for. Never taken from a caller: the client sets it from the deployment at
    /// deploy and the stores set it from the deployment row when reading, so a ciphertext moved to another row fails.
    /// </summary>
    [JsonIgnore]
    public AgentKeyBinding? Binding { get; init; }

    /// <summary>Whether it was made before key ids and owner binding.</summary>
    [JsonIgnore]
    public bool IsLegacy => KeyId is null;

    /// <summary>Two secrets are equal when their stored parts are (ciphertext, iv, tag, key id); the binding is context, not content.</summary>
    public bool Equals(EncryptedSecret? other) =>
        other is not null && Ciphertext == other.Ciphertext && Iv == other.Iv && Tag == other.Tag && KeyId == other.KeyId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ciphertext, Iv, Tag, KeyId);

    /// <inheritdoc />
    public override string ToString() => "EncryptedSecret { *** }";
}
