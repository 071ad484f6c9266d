using System.Security.Cryptography;

namespace Maxxit.Sdk.Security;

/// <summary>Decrypted secret bytes held only as long as needed; <see cref="Dispose"/> zeroes them. Never printed.</summary>
public sealed class SecretBytes : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="bytes"/>.</summary>
    public SecretBytes(byte[] bytes) => _bytes = bytes;

    /// <summary>The secret; valid until disposed.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => "SecretBytes { *** }";
}
