using System.Security.Cryptography;

namespace Maxxit.Sdk.Internal;

/// <summary>
/// Random (version 4) ids for the rows the executor writes per order. <see cref="Guid.NewGuid"/> asks the OS for 16
/// random bytes each time (on this Linux host a read of /dev/urandom, one system call per id), a measurable part of the executor's CPU at thousands
/// of orders a second; these come from a per-thread pool of cryptographically strong random bytes filled 256 ids at a
/// time. Each pool slice is used once and cleared.
/// </summary>
internal static class Ids
{
    private const int IdsPerFill = 256;
    private const int PoolBytes = 16 * IdsPerFill;

    [ThreadStatic]
    private static byte[]? t_pool;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A new random id, as <see cref="Guid.NewGuid"/> makes them (version 4, RFC 9562 variant).</summary>
    public static Guid NewGuid()
    {
        var pool = t_pool;
        var next = t_next;
        if (pool is null || next >= PoolBytes)
        {
            pool = t_pool ??= new byte[PoolBytes];
            RandomNumberGenerator.Fill(pool);
            next = 0;
        }

        t_next = next + 16;
        var slice = pool.AsSpan(next, 16);
        Span<byte> bytes = stackalloc byte[16];
        slice.CopyTo(bytes);
        slice.Clear();
        // Guid's little-endian layout: the version is the high nibble of byte 7, the variant the top two bits of byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
