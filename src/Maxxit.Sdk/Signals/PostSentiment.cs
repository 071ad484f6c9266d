namespace Maxxit.Sdk.Signals;

/// <summary>
/// A small keyword lexicon scoring a post's stance in [-1, 1]: bullish words count +1, bearish −1, normalised by the
/// number of stance words found. Posts with no stance words score 0.
/// </summary>
public static class PostSentiment
{
    private static readonly HashSet<string> Bullish = new(StringComparer.OrdinalIgnoreCase)
    {
        "bull", "bullish", "long", "buy", "buying", "moon", "breakout", "pump", "higher", "accumulate", "undervalued", "rally", "up", "uptrend", "bid", "ath", "rip", "send",
    };

    private static readonly HashSet<string> Bearish = new(StringComparer.OrdinalIgnoreCase)
    {
        "bear", "bearish", "short", "sell", "selling", "dump", "lower", "crash", "rug", "overvalued", "down", "downtrend", "breakdown", "rekt", "exit", "weak", "fade",
    };

    /// <summary>Scores one text.</summary>
    public static decimal Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bull = 0, bear = 0;
        foreach (var word in text.Split([' ', '\n', '\t', ',', '.', '!', '?', ':', ';', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.TrimStart('#', '$');
            if (Bullish.Contains(w))
            {
                bull++;
            }
            else if (Bearish.Contains(w))
            {
                bear++;
            }
        }

        return bull + bear == 0 ? 0m : (decimal)(bull - bear) / (bull + bear);
    }
}
