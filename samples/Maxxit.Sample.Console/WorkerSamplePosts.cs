using System.Globalization;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;

namespace Maxxit.Sample.Console;

/// <summary>
/// Bundled sample posts standing in for X: each read of an account releases the next few of its posts (cycling through
/// the bundle with fresh, increasing ids), so that the worker sees new posts every cycle with no network.
/// </summary>
public sealed class WorkerSamplePosts(TimeProvider time) : IXPostSource
{
    public const string TraderAccount = "1001";
    public const string MacroAccount = "1002";

    private static readonly Dictionary<string, string[]> Bundle = new()
    {
        [TraderAccount] =
        [
            "$ETH breakout confirmed, buying the dip. Bullish",
            "$BTC looks weak here, selling into strength. Bearish",
            "gm everyone, coffee first",
            "$SOL rally, higher highs, bullish",
            "$XYZ to the moon, bullish",
            "ETH and SOL both look weak, taking profits: sell",
        ],
        [MacroAccount] =
        [
            "Gold is the trade: XAU breakout, accumulate",
            "EURUSD breakdown, sell rallies, bearish",
            "$DOGE pump incoming, moon",
            "$HYPE breakout, send it",
        ],
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<XPost>> _released = [];
    private long _nextId = 1_900_000_000_000_000_000;

    /// <summary>Posts released per read of an account.</summary>
    public int PostsPerRead { get; init; } = 2;

    public Task<IReadOnlyList<XPost>> GetPostsAsync(string accountId, string? sinceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_released.TryGetValue(accountId, out var released))
            {
                _released[accountId] = released = [];
            }

            if (Bundle.TryGetValue(accountId, out var texts))
            {
                for (var i = 0; i < PostsPerRead; i++)
                {
                    var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
                    released.Add(new XPost(id, accountId, texts[released.Count % texts.Length], time.GetUtcNow()));
                }
            }

            IReadOnlyList<XPost> result = released.Where(p => PostIds.IsNewer(p.Id, sinceId)).ToArray();
            return Task.FromResult(result);
        }
    }
}
