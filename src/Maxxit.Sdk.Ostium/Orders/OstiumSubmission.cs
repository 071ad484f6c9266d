using System.Diagnostics.CodeAnalysis;
using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// What the adapter journals before sending a transaction: <c>&lt;hash&gt;|&lt;raw signed transaction&gt;</c>, both 0x-hex.
/// With the raw bytes a re-run after a crash between journaling and sending rebroadcasts the very same transaction
/// (same hash, so it can land at most once). A bare hash (journals written before) is still understood.
/// </summary>
public static class OstiumSubmission
{
    /// <summary>The journal entry for a signed transaction.</summary>
    public static string Format(string hash, ReadOnlySpan<byte> rawTransaction) => hash + "|" + Hex.Encode(rawTransaction);

    /// <summary>Splits a journal entry into the hash and, when journaled, the raw transaction.</summary>
    /// <returns>False when the entry is not a 0x hash (optionally followed by <c>|</c> and 0x-hex bytes).</returns>
    public static bool TryParse(string? entry, [NotNullWhen(true)] out string? hash, out byte[]? rawTransaction)
    {
        hash = null;
        rawTransaction = null;
        if (string.IsNullOrEmpty(entry))
        {
            return false;
        }

        var bar = entry.IndexOf('|', StringComparison.Ordinal);
        var hashPart = bar < 0 ? entry : entry[..bar];
        if (hashPart.Length != 66 || !hashPart.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (bar >= 0)
        {
            try
            {
                rawTransaction = Hex.Decode(entry[(bar + 1)..]);
            }
            catch (EthereumFormatException)
            {
                return false;
            }
        }

        hash = hashPart;
        return true;
    }
}
