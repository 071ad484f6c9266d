using System.Security.Cryptography;

namespace Maxxit.Sdk.Ethereum.Signing;

// Deterministic ECDSA nonces per RFC 6979 section 3.2 with HMAC-SHA256, for qlen = hlen = 256 (secp256k1).
// Uses the span-based HMACSHA256.HashData so no key material lands on the managed heap; all buffers
// are on the stack and cleared by the caller-owned scope.
internal ref struct Rfc6979Nonce
{
    private const int Size = 32;
    private Span<byte> _k;
    private Span<byte> _v;
    private readonly Span<byte> _scratch;
    private bool _started;

    // key, value: 32 bytes each; scratch: 97 bytes (V || marker || x || h1).
    internal Rfc6979Nonce(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> hashModN, Span<byte> key, Span<byte> value, Span<byte> scratch)
    {
        _k = key;
        _v = value;
        _scratch = scratch;
        _started = false;
        _v.Fill(0x01);
        _k.Clear();
        privateKey.CopyTo(_scratch[(Size + 1)..]);
        hashModN.CopyTo(_scratch[((2 * Size) + 1)..]);

        Reseed(0x00);
        Reseed(0x01);
    }

    /// <summary>Writes the next candidate k (32 big-endian bytes); the caller checks 1 &lt;= k &lt; n.</summary>
    internal void Next(Span<byte> candidate)
    {
        if (_started)
        {
            // Step h.3: the previous candidate was rejected.
            _v.CopyTo(_scratch);
            _scratch[Size] = 0x00;
            Mac(_k, _scratch[..(Size + 1)], _k);
            Mac(_k, _v, _v);
        }

        _started = true;
        Mac(_k, _v, _v);
        _v.CopyTo(candidate);
    }

    private void Reseed(byte marker)
    {
        _v.CopyTo(_scratch);
        _scratch[Size] = marker;
        Mac(_k, _scratch, _k);
        Mac(_k, _v, _v);
    }

    // Output goes through a temporary so a destination that aliases the key or input is safe.
    private static void Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> output = stackalloc byte[Size];
        HMACSHA256.HashData(key, data, output);
        output.CopyTo(destination);
        output.Clear();
    }
}
