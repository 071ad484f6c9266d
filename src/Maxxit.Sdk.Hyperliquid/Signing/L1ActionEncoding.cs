using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// The bytes an L1 action signature commits to: msgpack(action) ‖ nonce (8 bytes big-endian) ‖ 0x00, or 0x01 ‖ vault
/// address (20 bytes), then optionally 0x00 ‖ expiresAfter (8 bytes big-endian). Their keccak-256 is the connection id.
/// </summary>
public static class L1ActionEncoding
{
    /// <summary>Encodes the action alone as MessagePack.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The MessagePack bytes.</returns>
    public static byte[] ToMessagePack(L1Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteMessagePack(buffer, action);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the action as MessagePack.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="action">The action.</param>
    public static void WriteMessagePack(IBufferWriter<byte> output, L1Action action)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(action);
        var writer = new MessagePackWriter(output);
        action.WriteTo(ref writer);
        writer.Flush();
    }

    /// <summary>Writes the full byte string whose keccak-256 is the connection id.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="action">The action.</param>
    /// <param name="nonce">The nonce (millisecond timestamp), not negative.</param>
    /// <param name="vaultAddress">The vault or sub-account traded for, as 20 bytes; empty when trading for the signer's own account.</param>
    /// <param name="expiresAfter">Optional expiry in UTC milliseconds.</param>
    public static void WriteSigningPayload(IBufferWriter<byte> output, L1Action action, long nonce, ReadOnlySpan<byte> vaultAddress, long? expiresAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonce);
        if (!vaultAddress.IsEmpty && vaultAddress.Length != 20)
        {
            throw new ArgumentException($"A vault address is 20 bytes; got {vaultAddress.Length}.", nameof(vaultAddress));
        }

        WriteMessagePack(output, action);
        var tailLength = 8 + 1 + vaultAddress.Length + (expiresAfter is null ? 0 : 9);
        var tail = output.GetSpan(tailLength);
        BinaryPrimitives.WriteUInt64BigEndian(tail, (ulong)nonce);
        if (vaultAddress.IsEmpty)
        {
            tail[8] = 0x00;
        }
        else
        {
            tail[8] = 0x01;
            vaultAddress.CopyTo(tail[9..]);
        }

        if (expiresAfter is { } expiry)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(expiry, nameof(expiresAfter));
            var at = 9 + vaultAddress.Length;
            tail[at] = 0x00;
            BinaryPrimitives.WriteUInt64BigEndian(tail[(at + 1)..], (ulong)expiry);
        }

        output.Advance(tailLength);
    }
}
