using System.Collections.Frozen;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// Cashtags (<c>$ETH</c>, <c>$kPEPE</c>, any case) and bare symbols written in capitals (<c>ETH</c>, <c>XAU</c>) that
/// some venue in the catalog lists. Bare words must be at least two characters and not common English words that happen
/// to be tickers (AI, ME, NOT, GAS, MOVE, …); a cashtag always counts. The catalog must have been loaded
/// (<see cref="IMarketCatalog.EnsureFreshAsync"/>); the worker does that every cycle.
/// </summary>
public sealed class CatalogTokenMentionExtractor : ITokenMentionExtractor
{
    /// <summary>Listed tickers that are also everyday words or abbreviations, so are taken only as cashtags.</summary>
    public static readonly FrozenSet<string> DefaultBareStopList = new[]
    {
        "AI", "ME", "IO", "IP", "OP", "OM", "CC", "OX", "NOT", "GAS", "MOVE", "NEAR", "ACE", "ALT", "APE", "ARK", "BABY",
        "BIO", "CAKE", "COST", "GOAT", "HOOD", "INIT", "MEGA", "MEME", "PUMP", "SAND", "SKY", "UMA", "URA", "ONE", "TOP",
        "MET", "MON", "NIL", "REQ", "STG", "ZEN", "AR", "HG", "CL", "TST", "LIT",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly IMarketCatalog _catalog;
    private readonly FrozenSet<string> _stopList;

    /// <summary>Creates the extractor with the default stop list.</summary>
    public CatalogTokenMentionExtractor(IMarketCatalog catalog)
        : this(catalog, DefaultBareStopList)
    {
    }

    /// <summary>Creates the extractor with a stop list of bare words to ignore.</summary>
    public CatalogTokenMentionExtractor(IMarketCatalog catalog, IEnumerable<string> bareStopList)
    {
        _catalog = catalog;
        _stopList = bareStopList.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            var cashtag = start > 0 && text[start - 1] == '$';
            if (word.Length > 20)
            {
                continue;
            }

            string? symbol = null;
            if (cashtag)
            {
                symbol = word.ToString().ToUpperInvariant();
            }
            else if (word.Length >= 2 && IsCapitals(word))
            {
                symbol = word.ToString();
                if (_stopList.Contains(symbol))
                {
                    symbol = null;
                }
            }

            if (symbol is not null && _catalog.IsListedAnywhere(symbol) && !found.Contains(symbol, StringComparer.Ordinal))
            {
                found.Add(symbol);
            }
        }

        return found;
    }

    private static bool IsCapitals(ReadOnlySpan<char> word)
    {
        var letters = false;
        foreach (var c in word)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return false;
            }

            letters |= char.IsAsciiLetter(c);
        }

        return letters;
    }
}
