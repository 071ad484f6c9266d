using System.Security.Cryptography;
using System.Text;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// Deterministic 128-bit client order ids: the same (signal, deployment, purpose) always gives the same id, so a
/// retried or re-run execution is recognised by the venue instead of placing a second order.
/// </summary>
public static class ClientOrderId
{
    /// <summary>The purpose of an opening order.</summary>
    public const string Open = "open";

    /// <summary>The purpose of a closing order.</summary>
    public const string Close = "close";

    /// <summary>
    /// The id of one close attempt of a position: attempt 1, 2, … each get their own id, so an attempt the venue did
    /// not fill (an IOC that found no liquidity) can be retried without the venue refusing a reused id.
    /// </summary>
    public static string ForClose(Guid positionId, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return For(positionId, positionId, Close + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The id as 0x + 32 lower-case hex digits (Hyperliquid's cloid format).</summary>
    public static string For(Guid signalId, Guid deploymentId, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        Span<byte> input = stackalloc byte[32 + 64];
        signalId.TryWriteBytes(input, bigEndian: true, out _);
        deploymentId.TryWriteBytes(input[16..], bigEndian: true, out _);
        var purposeLength = Encoding.UTF8.GetBytes(purpose.AsSpan(0, Math.Min(purpose.Length, 64)), input[32..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(32 + purposeLength)], hash);
        return "0x" + Convert.ToHexStringLower(hash[..16]);
    }
}
