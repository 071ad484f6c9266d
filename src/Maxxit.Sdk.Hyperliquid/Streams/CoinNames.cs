using System.Collections.Concurrent;
using System.Text;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// Reuses coin name strings across messages: an allMids message names every coin (about 230) several times a second,
/// and allocating those strings anew each time is most of what parsing it would cost.
/// </summary>
internal static class CoinNames
{
    private const int MaxNames = 8192;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[128];
        if (utf8.Length > chars.Length || !Encoding.UTF8.TryGetChars(utf8, chars, out var written))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var name = chars[..written];
        if (Lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var text = name.ToString();
        return Names.Count < MaxNames ? Names.GetOrAdd(text, text) : text;
    }
}
